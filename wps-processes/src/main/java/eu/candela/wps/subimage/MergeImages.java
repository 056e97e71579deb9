package eu.candela.wps.subimage;

import eu.candela.eodata.grid.GridGeometry;
import eu.candela.wps.change.ChangePreview;
import eu.candela.eodata.raster.CogOptions;
import eu.candela.eodata.raster.CogWriter;
import eu.candela.eodata.raster.GeoTiffReader;
import eu.candela.eodata.raster.OverviewResampling;
import eu.candela.eodata.raster.RasterSpec;
import eu.candela.eodata.raster.SampleType;
import eu.candela.wps.internal.CogWriterGroup;
import eu.candela.wps.spi.Algorithm;
import eu.candela.wps.spi.DefaultValue;
import eu.candela.wps.spi.EoProcess;
import eu.candela.wps.spi.Formats;
import eu.candela.wps.spi.GeoJson;
import eu.candela.wps.spi.InvalidInputException;
import eu.candela.wps.spi.MaxOccurs;
import eu.candela.wps.spi.MediaTypes;
import eu.candela.wps.spi.OptionalParam;
import eu.candela.wps.spi.Param;
import eu.candela.wps.spi.ProcessContext;
import eu.candela.wps.spi.Range;
import eu.candela.wps.spi.RasterRef;
import eu.candela.wps.spi.Result;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Mosaics per-sub-image change results into one map of the whole area without seams.
 *
 * <p>The probability is blended: across each overlap the weight of a sub-image rises linearly from
 * its edge to where the overlap ends, so the value passes smoothly from one sub-image's fit to the
 * next, and a pixel only one sub-image covers keeps that value exactly (split then merge of one
 * image reproduces it). The mask is not cut from the blended probability, because it is a decision
 * each sub-image made with its own fit and threshold (Otsu picks one per sub-image) and a Float32
 * probability saturates at 1 for strict thresholds; instead each pixel takes the mask of the
 * sub-image it lies deepest in, which also keeps the edge pixels whose median filter was truncated
 * out of the result. Without mask inputs the mask is the blended probability above {@code threshold}.
 *
 * <p>Sub-images are placed by their own georeference, so they may come in any order. Output tile
 * by output tile; memory does not grow with the mosaic.
 */
@EoProcess(id = "MergeImages", version = "1.0", title = "Merge sub-image change maps",
        description = "Mosaics the change probabilities and masks of the sub-images of a SplitImage manifest into one map of the "
                + "whole area: probabilities feathered across the overlaps, masks from the sub-image each pixel lies deepest in, "
                + "no data left out; per-class statistics.")
public final class MergeImages implements Algorithm<MergeImages.In, MergeImages.Out> {

    static final int MAX_SUB_IMAGES = SplitImage.MAX_SUB_IMAGES;
    static final int PREVIEW_SIZE = 1024;

    public record In(
            @Param(title = "Probabilities", description = "The change probability of each sub-image (GeoTIFF, any order, placed by "
                    + "its georeference); any band count, nodata and NaN left out of the blend")
            @Formats({MediaTypes.GEOTIFF, MediaTypes.COG}) @MaxOccurs(MAX_SUB_IMAGES) List<RasterRef> probability,
            @Param(title = "Masks", description = "The change mask of each sub-image (1 change, 0 no change, 255 no data), one per "
                    + "probability on the same window; when omitted the mask is the blended probability above the threshold")
            @Formats({MediaTypes.GEOTIFF, MediaTypes.COG}) @MaxOccurs(MAX_SUB_IMAGES) @OptionalParam List<RasterRef> mask,
            @Param(title = "Manifest", description = "The SplitImage manifest: the merged map then covers its pair's whole grid; "
                    + "without it, the union of the sub-images")
            @Formats({MediaTypes.JSON}) @OptionalParam GeoJson manifest,
            @Param(title = "Pair", description = "Id of the manifest pair the sub-images belong to; the first pair when omitted")
            @OptionalParam String pair,
            @Param(title = "Threshold", description = "Change where the blended probability exceeds it; used only without masks")
            @DefaultValue("0.999999") @Range(min = 0, max = 1) Double threshold,
            @Param(title = "Scene", description = "Optional image of the whole area (the later date, bands 3, 2, 1 as red, green, "
                    + "blue) under the changes in the preview; no preview without it")
            @Formats({MediaTypes.GEOTIFF, MediaTypes.COG}) @OptionalParam RasterRef scene) {
    }

    public record Out(
            @Result(title = "Change probability", description = "Float32 COG of the whole area, feathered across the overlaps",
                    mediaType = MediaTypes.COG, style = "change_probability") Path probability,
            @Result(title = "Change mask", description = "Uint8 COG: 1 change, 0 no change, 255 no data",
                    mediaType = MediaTypes.COG, style = "change_mask") Path mask,
            @Result(title = "Changed pixels", description = "Pixels of the merged mask marked changed") Integer changedPixels,
            @Result(title = "Changed fraction", description = "Changed over valid pixels") Double changedFraction,
            @Result(title = "Statistics", description = "Pixels, fraction and hectares per class", mediaType = MediaTypes.JSON)
            Path statistics,
            @Result(title = "Preview", description = "PNG of the scene with the changes in red, at most 1024 pixels across; "
                    + "only with the scene input", mediaType = "image/png") Path preview) {
    }

    @Override
    public Out run(In in, ProcessContext ctx) throws IOException {
        if (in.probability() == null || in.probability().isEmpty()) {
            throw new InvalidInputException("probability", "needs at least one sub-image");
        }
        List<Path> probabilities = in.probability().stream().map(RasterRef::path).toList();
        SplitManifest.Pair pair = pair(in);
        GridGeometry target = pair == null ? null : pair.grid().geometry();
        MosaicLayout layout = MosaicLayout.of(probabilities, target, "probability");
        Map<Path, Path> maskOf = masks(in, layout);
        RasterSpec first;
        try (GeoTiffReader reader = GeoTiffReader.open(probabilities.get(0))) {
            first = reader.info().spec();
        }
        float probabilityNodata = first.nodata() == null ? Float.NaN : first.nodata().floatValue();
        Map<String, String> metadata = new LinkedHashMap<>(first.metadata());
        metadata.keySet().removeIf(k -> k.startsWith("SUBIMAGE_") || k.equals("SOURCE"));
        metadata.put("MERGED_SUB_IMAGES", Integer.toString(layout.placed().size()));
        ctx.log().info("Merging {} sub-images into {} x {} pixels", layout.placed().size(), layout.grid().width(), layout.grid().height());

        Path probability = ctx.outputDirectory().resolve("merged_change_probability.tif");
        Path mask = ctx.outputDirectory().resolve("merged_change_mask.tif");
        RasterSpec probabilitySpec = new RasterSpec(layout.grid(), first.bandCount(), SampleType.FLOAT32, first.nodata(),
                first.bandDescriptions(), metadata);
        RasterSpec maskSpec = new RasterSpec(layout.grid(), 1, SampleType.UINT8, (double) MosaicPass.MASK_NODATA,
                List.of("change mask: 1 change, 0 no change"), metadata);
        MosaicPass.Counts counts;
        try (CogWriterGroup group = new CogWriterGroup()) {
            CogWriter p = group.add(CogWriter.create(probability, probabilitySpec, CogOptions.defaults()));
            CogWriter m = group.add(CogWriter.create(mask, maskSpec,
                    CogOptions.defaults().withOverviewResampling(OverviewResampling.NEAREST)));
            counts = new MosaicPass(layout, maskOf, in.threshold(), probabilityNodata).run(p, m, ctx, 0, 95);
            ctx.progress(95, "building overviews");
            group.commit();
        }
        String maskFrom = maskOf.isEmpty() ? "blended probability > " + in.threshold() : "sub-image masks (deepest sub-image)";
        MergeStatistics statistics = MergeStatistics.of(pair == null ? null : pair.id(), layout, maskFrom, counts);
        Path statisticsFile = ctx.outputDirectory().resolve("merged_change_statistics.json");
        statistics.write(statisticsFile);
        ctx.log().info("{} of {} valid pixels changed ({} %)", counts.changed(), counts.changed() + counts.unchanged(),
                String.format(Locale.ROOT, "%.3f", 100 * statistics.changedFraction()));
        Path preview = null;
        if (in.scene() != null) {
            checkSceneCovers(in.scene(), layout.grid());
            preview = ctx.outputDirectory().resolve("merged_change_preview.png");
            ChangePreview.write(in.scene().path(), mask, preview, PREVIEW_SIZE);
        }
        ctx.progress(100, "merged");
        return new Out(probability, mask, Math.toIntExact(counts.changed()), statistics.changedFraction(), statisticsFile, preview);
    }

    private static void checkSceneCovers(RasterRef scene, GridGeometry grid) throws IOException {
        try (GeoTiffReader reader = GeoTiffReader.open(scene.path())) {
            if (!reader.info().grid().equals(grid)) {
                throw new InvalidInputException("scene", "is not on the grid of the merged map (" + reader.info().grid()
                        + " against " + grid + ")");
            }
        }
    }

    private static SplitManifest.Pair pair(In in) {
        if (in.manifest() == null) {
            return null;
        }
        SplitManifest manifest;
        try {
            manifest = SplitManifest.parse(in.manifest().text());
        } catch (IOException e) {
            throw new InvalidInputException("manifest", "is not a SplitImage manifest: " + e.getMessage());
        }
        if (manifest.pairs() == null || manifest.pairs().isEmpty()) {
            throw new InvalidInputException("manifest", "lists no pairs");
        }
        if (in.pair() == null) {
            return manifest.pairs().get(0);
        }
        return manifest.pairs().stream().filter(p -> p.id().equals(in.pair())).findFirst().orElseThrow(
                () -> new InvalidInputException("pair", "'" + in.pair() + "' is not in the manifest; it has "
                        + manifest.pairs().stream().map(SplitManifest.Pair::id).toList()));
    }

    /** Each probability file's mask, matched by window; empty without masks. */
    private static Map<Path, Path> masks(In in, MosaicLayout layout) throws IOException {
        if (in.mask() == null || in.mask().isEmpty()) {
            return Map.of();
        }
        if (in.mask().size() != in.probability().size()) {
            throw new InvalidInputException("mask", "has " + in.mask().size() + " sub-images but 'probability' has "
                    + in.probability().size() + "; give one mask per probability");
        }
        MosaicLayout masks = MosaicLayout.of(in.mask().stream().map(RasterRef::path).toList(), layout.grid(), "mask");
        Map<String, Path> byWindow = new HashMap<>();
        for (MosaicLayout.Placed m : masks.placed()) {
            byWindow.put(key(m), m.file());
        }
        Map<Path, Path> maskOf = new HashMap<>();
        for (MosaicLayout.Placed p : layout.placed()) {
            Path m = byWindow.get(key(p));
            if (m == null) {
                throw new InvalidInputException("mask", "has no mask on the window of '" + p.file().getFileName() + "' (x "
                        + p.x() + ", y " + p.y() + ", " + p.width() + " x " + p.height() + ")");
            }
            maskOf.put(p.file(), m);
        }
        return maskOf;
    }

    private static String key(MosaicLayout.Placed p) {
        return p.x() + "," + p.y() + "," + p.width() + "," + p.height();
    }
}
