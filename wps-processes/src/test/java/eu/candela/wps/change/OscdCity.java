package eu.candela.wps.change;

import eu.candela.eodata.raster.BlockGrid;
import eu.candela.eodata.raster.CogOptions;
import eu.candela.eodata.raster.CogWriter;
import eu.candela.eodata.raster.GeoTiffReader;
import eu.candela.eodata.raster.RasterBlock;
import eu.candela.eodata.raster.RasterSpec;
import eu.candela.eodata.raster.SampleType;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * One city of the Onera Satellite Change Detection dataset as shared beside the project
 * ({@code ../shared/data/oscd/<city>}, see its README): 13 single-band Sentinel-2 GeoTIFFs per date
 * and a reference change map. The project must not copy these files, so tests find them at run
 * time and skip when they are absent.
 */
final class OscdCity {

    /** The 10 m bands, which share the reference's grid: blue, green, red, NIR. */
    static final List<String> TEN_METRE_BANDS = List.of("B02", "B03", "B04", "B08");

    /** The ten bands of a Jpeg2Tiff scene in its order: the 10 m bands, then the 20 m red-edge, narrow NIR and SWIR bands. */
    static final List<String> JPEG2TIFF_BANDS = List.of("B02", "B03", "B04", "B08", "B05", "B06", "B07", "B8A", "B11", "B12");

    private final String name;
    private final Path dir;

    private OscdCity(String name, Path dir) {
        this.name = name;
        this.dir = dir;
    }

    /** The city's folder, found by walking up from the working directory to the project root. */
    static Optional<OscdCity> find(String city) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (isProjectRoot(p)) {
                Path cityDir = p.resolveSibling("shared").resolve("data").resolve("oscd").resolve(city);
                return Files.isDirectory(cityDir.resolve("imgs_1")) ? Optional.of(new OscdCity(city, cityDir)) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static boolean isProjectRoot(Path dir) {
        Path pom = dir.resolve("pom.xml");
        try {
            return Files.isRegularFile(pom) && Files.readString(pom).contains("<module>wps-processes</module>");
        } catch (IOException e) {
            return false;
        }
    }

    String name() { return name; }

    /**
     * Stacks the 10 m bands of one date ({@code 1} or {@code 2}) into a 4-band COG, block by block.
     */
    Path stack(int date, Path target) throws IOException {
        return stack(date, TEN_METRE_BANDS, target);
    }

    /**
     * Stacks {@code bands} of one date into a COG on the 10 m grid, block by block; coarser bands are
     * resampled by nearest neighbour (each 10 m pixel centre takes the coarse pixel it falls in),
     * as Jpeg2Tiff puts the 20 m bands on the grid of B02.
     */
    Path stack(int date, List<String> bands, Path target) throws IOException {
        List<GeoTiffReader> readers = new ArrayList<>();
        try {
            for (String band : bands) {
                readers.add(GeoTiffReader.open(bandFile(date, band)));
            }
            RasterSpec first = readers.get(0).info().spec();
            RasterSpec spec = new RasterSpec(first.grid(), bands.size(), SampleType.UINT16, null,
                    bands, Map.of("SOURCE", "OSCD " + name + " imgs_" + date));
            try (CogWriter writer = CogWriter.create(target, spec, CogOptions.defaults())) {
                for (BlockGrid.Window w : BlockGrid.of(spec.width(), spec.height(), writer.tileSize())) {
                    RasterBlock stacked = new RasterBlock(w.x(), w.y(), w.width(), w.height(), readers.size());
                    for (int b = 0; b < readers.size(); b++) {
                        resampleInto(readers.get(b), first.grid(), w, stacked.band(b));
                    }
                    writer.write(stacked);
                }
            }
            return target;
        } finally {
            for (GeoTiffReader r : readers) {
                r.close();
            }
        }
    }

    private static void resampleInto(GeoTiffReader band, eu.candela.eodata.grid.GridGeometry target, BlockGrid.Window w,
                                     float[] out) throws IOException {
        eu.candela.eodata.grid.GridGeometry source = band.info().grid();
        if (source.width() == target.width() && source.height() == target.height()) {
            float[] values = band.read(w.x(), w.y(), w.width(), w.height()).band(0);
            System.arraycopy(values, 0, out, 0, values.length);
            return;
        }
        int[] cols = new int[w.width()];
        int[] rows = new int[w.height()];
        for (int c = 0; c < w.width(); c++) {
            double[] map = target.pixelToMap(w.x() + c + 0.5, w.y() + 0.5);
            cols[c] = clamp((int) Math.floor(source.mapToPixel(map[0], map[1])[0]), source.width());
        }
        for (int r = 0; r < w.height(); r++) {
            double[] map = target.pixelToMap(w.x() + 0.5, w.y() + r + 0.5);
            rows[r] = clamp((int) Math.floor(source.mapToPixel(map[0], map[1])[1]), source.height());
        }
        int x0 = cols[0], x1 = cols[cols.length - 1], y0 = rows[0], y1 = rows[rows.length - 1];
        RasterBlock coarse = band.read(x0, y0, x1 - x0 + 1, y1 - y0 + 1);
        for (int r = 0; r < w.height(); r++) {
            for (int c = 0; c < w.width(); c++) {
                out[r * w.width() + c] = coarse.get(0, cols[c] - x0, rows[r] - y0);
            }
        }
    }

    private static int clamp(int value, int size) {
        return Math.max(0, Math.min(size - 1, value));
    }

    private Path bandFile(int date, String band) throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("imgs_" + date))) {
            return files.filter(f -> f.getFileName().toString().endsWith("_" + band + ".tif")).findFirst()
                    .orElseThrow(() -> new IOException("no " + band + " in " + dir.resolve("imgs_" + date)));
        }
    }

    /**
     * The reference change map, true where changed. Read from {@code cm/cm.png}: the reference TIFF
     * carries no georeferencing, which GeoTiffReader rightly refuses, and the PNG holds the same map
     * pixel for pixel (255 where the TIFF has 2 = change).
     */
    boolean[][] reference() throws IOException {
        BufferedImage image = ImageIO.read(dir.resolve("cm").resolve("cm.png").toFile());
        boolean[][] changed = new boolean[image.getHeight()][image.getWidth()];
        for (int row = 0; row < image.getHeight(); row++) {
            for (int col = 0; col < image.getWidth(); col++) {
                changed[row][col] = (image.getRGB(col, row) & 0xFF) > 127;
            }
        }
        return changed;
    }
}
