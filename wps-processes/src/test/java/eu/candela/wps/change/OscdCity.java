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
        List<GeoTiffReader> readers = new ArrayList<>();
        try {
            for (String band : TEN_METRE_BANDS) {
                readers.add(GeoTiffReader.open(bandFile(date, band)));
            }
            RasterSpec first = readers.get(0).info().spec();
            RasterSpec spec = new RasterSpec(first.grid(), TEN_METRE_BANDS.size(), SampleType.UINT16, null,
                    TEN_METRE_BANDS, Map.of("SOURCE", "OSCD " + name + " imgs_" + date));
            try (CogWriter writer = CogWriter.create(target, spec, CogOptions.defaults())) {
                for (BlockGrid.Window w : BlockGrid.of(spec.width(), spec.height(), writer.tileSize())) {
                    RasterBlock stacked = new RasterBlock(w.x(), w.y(), w.width(), w.height(), readers.size());
                    for (int b = 0; b < readers.size(); b++) {
                        float[] source = readers.get(b).read(w.x(), w.y(), w.width(), w.height()).band(0);
                        System.arraycopy(source, 0, stacked.band(b), 0, source.length);
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
