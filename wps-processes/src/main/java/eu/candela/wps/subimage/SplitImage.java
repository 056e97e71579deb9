package eu.candela.wps.subimage;

import eu.candela.eodata.grid.GridGeometry;
import eu.candela.eodata.raster.GeoTiffReader;
import eu.candela.eodata.raster.RasterInfo;
import eu.candela.wps.spi.Algorithm;
import eu.candela.wps.spi.DefaultValue;
import eu.candela.wps.spi.EoProcess;
import eu.candela.wps.spi.Formats;
import eu.candela.wps.spi.InvalidInputException;
import eu.candela.wps.spi.MaxOccurs;
import eu.candela.wps.spi.MediaTypes;
import eu.candela.wps.spi.Param;
import eu.candela.wps.spi.ProcessContext;
import eu.candela.wps.spi.Range;
import eu.candela.wps.spi.RasterRef;
import eu.candela.wps.spi.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sorts images by tile and date, forms the consecutive pairs of each tile, and cuts each pair into
 * overlapping sub-images written as COGs, so that change detection can run on each sub-image pair
 * as a job of its own and {@link MergeImages} can mosaic the results. The images of one tile share
 * a grid, so an image in two pairs (the middle of three dates) is cut once.
 *
 * <p>Memory is one tile of one image at a time: each sub-image is copied tile by tile.
 * Progress: one step per sub-image file written; cancellation is checked per tile.
 */
@EoProcess(id = "SplitImage", version = "1.0", title = "Split image pairs into sub-images",
        description = "Sorts images by tile and sensing time (GDAL metadata TILE_ID / SENSING_TIME as Jpeg2Tiff writes them, "
                + "else the file names), forms the consecutive pairs of each tile, and cuts each pair into overlapping "
                + "sub-images (COGs); returns a JSON manifest of the pairs and sub-images.")
public final class SplitImage implements Algorithm<SplitImage.In, SplitImage.Out> {

    /** At most this many images, and sub-image files in all: beyond that the jobs would be too small to be worth it. */
    static final int MAX_IMAGES = 32;
    static final int MAX_SUB_IMAGES = 4096;

    public record In(
            @Param(title = "Images", description = "Two or more GeoTIFFs of one or more tiles (Jpeg2Tiff outputs, or any GeoTIFFs "
                    + "with SENSING_TIME and TILE_ID metadata or a date and tile in their file names); images of one tile must "
                    + "share a grid")
            @Formats({MediaTypes.GEOTIFF, MediaTypes.COG}) @MaxOccurs(MAX_IMAGES) List<RasterRef> images,
            @Param(title = "Sub-image size", description = "Width and height of each sub-image in pixels (the last row and "
                    + "column are moved back to end at the edge, so all are full size)")
            @DefaultValue("2048") @Range(min = 256, max = 8192) Integer size,
            @Param(title = "Overlap", description = "Least overlap between neighbouring sub-images in pixels, less than half "
                    + "the size; MergeImages blends across it, so it should exceed the change filter's reach")
            @DefaultValue("128") @Range(min = 0, max = 2048) Integer overlap) {
    }

    public record Out(
            @Result(title = "Manifest", description = "JSON: images, pairs per tile, and per pair the grid and the sub-images "
                    + "(window in pixels and map coordinates, before and after files relative to the manifest)",
                    mediaType = MediaTypes.JSON) Path manifest,
            @Result(title = "Pairs", description = "Number of image pairs formed") Integer pairs,
            @Result(title = "Sub-image pairs", description = "Number of sub-image pairs over all pairs") Integer subImagePairs) {
    }

    @Override
    public Out run(In in, ProcessContext ctx) throws IOException {
        if (in.images() == null || in.images().size() < 2) {
            throw new InvalidInputException("images", "needs at least two images to form a pair, got "
                    + (in.images() == null ? 0 : in.images().size()));
        }
        if (2 * in.overlap() >= in.size()) {
            throw new InvalidInputException("overlap", "must be less than half the sub-image size " + in.size() + ", got " + in.overlap());
        }
        List<Scene> scenes = identify(in.images());
        Map<String, List<Scene>> byTile = new LinkedHashMap<>();
        for (Scene scene : scenes) {
            byTile.computeIfAbsent(scene.identity().tileId(), t -> new ArrayList<>()).add(scene);
        }
        Path root = ctx.outputDirectory();
        Path subDir = Files.createDirectories(root.resolve("subimages"));
        List<SplitManifest.Pair> pairs = new ArrayList<>();
        List<String> unpaired = new ArrayList<>();
        Map<Path, List<SubImageLayout.Window>> windowsOf = new LinkedHashMap<>();
        int files = 0;
        for (List<Scene> tile : byTile.values()) {
            if (tile.size() < 2) {
                unpaired.add(tile.get(0).identity().file().getFileName().toString());
                ctx.log().warn("Tile {} has only one image ({}); it forms no pair", tile.get(0).identity().tileId(),
                        tile.get(0).identity().file().getFileName());
                continue;
            }
            checkOneGrid(tile);
            List<SubImageLayout.Window> windows = SubImageLayout.windows(tile.get(0).info().width(), tile.get(0).info().height(),
                    in.size(), in.overlap());
            for (Scene scene : tile) {
                windowsOf.put(scene.identity().file(), windows);
            }
            files += windows.size() * tile.size();
            for (int i = 0; i + 1 < tile.size(); i++) {
                pairs.add(pair(tile.get(i), tile.get(i + 1), windows, subDir, root));
            }
        }
        if (pairs.isEmpty()) {
            throw new InvalidInputException("images", "form no pair: each tile has a single image (" + String.join(", ", unpaired) + ")");
        }
        int subImagePairs = pairs.stream().mapToInt(p -> p.subImages().size()).sum();
        if (files > MAX_SUB_IMAGES) {
            throw new InvalidInputException("size", "gives " + files + " sub-image files, more than " + MAX_SUB_IMAGES
                    + "; choose a larger size");
        }
        ctx.log().info("{} pairs, {} sub-image pairs of {} px with {} px overlap; writing {} sub-image files",
                pairs.size(), subImagePairs, in.size(), in.overlap(), files);
        writeSubImages(scenes, windowsOf, subDir, files, ctx);

        Path manifest = root.resolve("split_manifest.json");
        List<SplitManifest.Image> images = scenes.stream().map(s -> new SplitManifest.Image(s.identity().file().getFileName().toString(),
                s.identity().tileId(), s.identity().sensingTime().toString(), s.identity().source())).toList();
        new SplitManifest(in.size(), in.overlap(), images, pairs, unpaired).write(manifest);
        ctx.progress(100, "manifest written");
        return new Out(manifest, pairs.size(), subImagePairs);
    }

    /** An input with its header and identity. */
    private record Scene(SceneIdentity identity, RasterInfo info) {
    }

    private static List<Scene> identify(List<RasterRef> images) throws IOException {
        List<Scene> scenes = new ArrayList<>();
        for (RasterRef image : images) {
            RasterInfo info;
            try (GeoTiffReader reader = GeoTiffReader.open(image.path())) {
                info = reader.info();
            }
            SceneIdentity identity = SceneIdentity.of(image.path(), info).orElseThrow(() -> new InvalidInputException("images",
                    "'" + image.path().getFileName() + "' has no SENSING_TIME (or ACQUISITION_DATE) metadata and no date in its "
                            + "file name, so it cannot be ordered in time"));
            scenes.add(new Scene(identity, info));
        }
        scenes.sort(Comparator.comparing((Scene s) -> s.identity().tileId()).thenComparing(s -> s.identity().sensingTime()));
        for (int i = 0; i + 1 < scenes.size(); i++) {
            SceneIdentity a = scenes.get(i).identity();
            SceneIdentity b = scenes.get(i + 1).identity();
            if (a.tileId().equals(b.tileId()) && a.sensingTime().equals(b.sensingTime())) {
                throw new InvalidInputException("images", "'" + a.file().getFileName() + "' and '" + b.file().getFileName()
                        + "' show tile " + a.tileId() + " at the same time " + a.sensingTime() + "; give each date once");
            }
        }
        return scenes;
    }

    private static void checkOneGrid(List<Scene> tile) {
        RasterInfo first = tile.get(0).info();
        for (Scene scene : tile.subList(1, tile.size())) {
            GridGeometry a = first.grid();
            GridGeometry b = scene.info().grid();
            double pixel = Math.abs(a.pixelSizeX());
            boolean sameGrid = a.width() == b.width() && a.height() == b.height() && a.epsg() == b.epsg()
                    && maxDifference(a.geoTransform(), b.geoTransform()) <= pixel * 0.01;
            if (!sameGrid) {
                throw new InvalidInputException("images", "'" + scene.identity().file().getFileName() + "' is not on the grid of '"
                        + tile.get(0).identity().file().getFileName() + "' although both are tile " + scene.identity().tileId()
                        + " (" + b + " against " + a + ")");
            }
            if (scene.info().bandCount() != first.bandCount()) {
                throw new InvalidInputException("images", "'" + scene.identity().file().getFileName() + "' has "
                        + scene.info().bandCount() + " bands but '" + tile.get(0).identity().file().getFileName() + "' has "
                        + first.bandCount());
            }
        }
    }

    private static double maxDifference(double[] a, double[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    private static SplitManifest.Pair pair(Scene before, Scene after, List<SubImageLayout.Window> windows, Path subDir, Path root) {
        SceneIdentity b = before.identity();
        SceneIdentity a = after.identity();
        GridGeometry grid = before.info().grid();
        List<SplitManifest.SubImage> subImages = new ArrayList<>();
        for (SubImageLayout.Window w : windows) {
            GridGeometry cut = grid.window(w.x(), w.y(), w.width(), w.height());
            subImages.add(new SplitManifest.SubImage(w.id(), w.row(), w.column(), w.x(), w.y(), w.width(), w.height(),
                    cut.envelope(), relative(root, subImageFile(subDir, b, w)), relative(root, subImageFile(subDir, a, w))));
        }
        return new SplitManifest.Pair(b.tileId() + "_" + b.timeLabel() + "_" + a.timeLabel(), b.tileId(), b.file().getFileName().toString(),
                a.file().getFileName().toString(), b.sensingTime().toString(), a.sensingTime().toString(), SplitManifest.Grid.of(grid), subImages);
    }

    /** {@code subimages/<tile>/<time>/<r>_<c>.tif}: one folder per image, shared by the pairs it is in. */
    private static Path subImageFile(Path subDir, SceneIdentity scene, SubImageLayout.Window w) {
        return subDir.resolve(scene.tileId()).resolve(scene.timeLabel()).resolve(w.id() + ".tif");
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    private static void writeSubImages(List<Scene> scenes, Map<Path, List<SubImageLayout.Window>> windowsOf, Path subDir,
                                       int files, ProcessContext ctx) throws IOException {
        int done = 0;
        for (Scene scene : scenes) {
            List<SubImageLayout.Window> windows = windowsOf.get(scene.identity().file());
            if (windows == null) {
                continue;
            }
            try (GeoTiffReader reader = GeoTiffReader.open(scene.identity().file())) {
                for (SubImageLayout.Window w : windows) {
                    Path target = subImageFile(subDir, scene.identity(), w);
                    Files.createDirectories(target.getParent());
                    WindowCopier.copy(reader, scene.identity().file(), w, target, ctx);
                    done++;
                    ctx.progress(99 * done / files, "sub-image " + done + " of " + files);
                }
            }
        }
    }
}
