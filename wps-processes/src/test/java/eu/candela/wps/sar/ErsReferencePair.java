package eu.candela.wps.sar;

import eu.candela.eodata.grid.GridGeometry;
import eu.candela.eodata.raster.CogOptions;
import eu.candela.eodata.raster.CogWriter;
import eu.candela.eodata.raster.RasterBlock;
import eu.candela.eodata.raster.RasterSpec;
import eu.candela.eodata.raster.SampleType;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * One of the classic ERS-2 change pairs shared beside the project ({@code ../shared/data/sar/<set>},
 * see its README): before, after and reference BMPs, not georeferenced. The grey levels are
 * amplitudes; in the reference 255 = change (for a palette image, the palette index 255).
 */
final class ErsReferencePair {

    final String name;
    private final Path before;
    private final Path after;
    private final Path reference;

    private ErsReferencePair(String name, Path dir, String prefix) {
        this.name = name;
        this.before = dir.resolve(prefix + "_1.bmp");
        this.after = dir.resolve(prefix + "_2.bmp");
        this.reference = dir.resolve(prefix + "_gt.bmp");
    }

    /** The set's folder, found by walking up from the working directory to the project root; empty when absent. */
    static Optional<ErsReferencePair> find(String set, String prefix) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("wps-processes"))) {
                Path dir = p.resolveSibling("shared").resolve("data").resolve("sar").resolve(set);
                ErsReferencePair pair = new ErsReferencePair(set, dir, prefix);
                return Files.isRegularFile(pair.before) && Files.isRegularFile(pair.after) && Files.isRegularFile(pair.reference)
                        ? Optional.of(pair) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Writes both dates as single-band Float32 GeoTIFFs of grey levels on a made-up grid (the process needs one). */
    Path[] writeGeoTiffs(Path dir) throws IOException {
        return new Path[] {grey(before, dir.resolve(name + "_1.tif")), grey(after, dir.resolve(name + "_2.tif"))};
    }

    /** true where the reference marks change. */
    boolean[] reference() throws IOException {
        BufferedImage image = ImageIO.read(reference.toFile());
        boolean palette = image.getColorModel() instanceof IndexColorModel;
        boolean[] change = new boolean[image.getWidth() * image.getHeight()];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int v = palette ? image.getRaster().getSample(x, y, 0) : image.getRGB(x, y) >> 16 & 0xFF;
                change[y * image.getWidth() + x] = v == 255;
            }
        }
        return change;
    }

    private static Path grey(Path bmp, Path tif) throws IOException {
        BufferedImage image = ImageIO.read(bmp.toFile());
        int w = image.getWidth(), h = image.getHeight();
        GridGeometry grid = GridGeometry.northUp(w, h, 500_000, 5_000_000, 20, 32632);
        RasterSpec spec = new RasterSpec(grid, 1, SampleType.FLOAT32, null, List.of("amplitude"), Map.of());
        try (CogWriter writer = CogWriter.create(tif, spec, CogOptions.defaults().withTileSize(Math.max(w, h) + 15 & ~15))) {
            RasterBlock block = new RasterBlock(0, 0, w, h, 1);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    block.set(0, x, y, image.getRGB(x, y) >> 16 & 0xFF); // palette resolved: the grey level
                }
            }
            writer.write(block);
        }
        return tif;
    }
}
