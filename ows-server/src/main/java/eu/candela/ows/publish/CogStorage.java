package eu.candela.ows.publish;

import eu.candela.eodata.raster.BlockGrid;
import eu.candela.eodata.raster.CogOptions;
import eu.candela.eodata.raster.CogWriter;
import eu.candela.eodata.raster.GeoTiffReader;
import eu.candela.eodata.raster.RasterBlock;
import eu.candela.eodata.raster.RasterInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Keeps a published raster as a Cloud-Optimized GeoTIFF in the catalogue's data area, apart from
 * its job directory, so that removing a job never breaks a layer. A result that already is a COG is
 * hard-linked (no copy, no extra disk) or copied where links are impossible; any other GeoTIFF is
 * rewritten tile by tile into a COG, so huge results display fast from their overviews.
 */
final class CogStorage {
    private static final Logger LOG = LoggerFactory.getLogger(CogStorage.class);
    /** Below this size a striped or overview-less file reads fast enough as it is. */
    private static final int SMALL = 512;

    private CogStorage() {}

    /** Stores {@code source} as {@code target} (replacing it); returns whether it had to be converted. */
    static boolean store(Path source, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        RasterInfo info;
        try (GeoTiffReader reader = GeoTiffReader.open(source)) {
            info = reader.info();
            if (!isCloudOptimized(info)) {
                convert(reader, info, target);
                return true;
            }
        }
        link(source, target);
        return false;
    }

    /** Tiled and, unless small, with overviews: what a map server needs to read only a window of one level. */
    static boolean isCloudOptimized(RasterInfo info) {
        boolean small = info.width() <= SMALL && info.height() <= SMALL;
        boolean tiled = info.tileWidth() < info.width() || info.tileHeight() < info.height() || small;
        return tiled && (small || !info.overviews().isEmpty());
    }

    private static void convert(GeoTiffReader reader, RasterInfo info, Path target) throws IOException {
        CogOptions options = CogOptions.defaults();
        try (CogWriter writer = CogWriter.create(target, info.spec(), options)) {
            for (BlockGrid.Window w : BlockGrid.of(info.width(), info.height(), writer.tileSize())) {
                RasterBlock block = reader.read(w.x(), w.y(), w.width(), w.height());
                writer.write(block);
            }
        }
    }

    private static void link(Path source, Path target) throws IOException {
        Path temp = target.resolveSibling(target.getFileName() + ".link");
        Files.deleteIfExists(temp);
        try {
            Files.createLink(temp, source);
        } catch (IOException | UnsupportedOperationException e) {
            // another file system, or one without hard links
            LOG.debug("cannot hard-link {} ({}); copying it", source, e.toString());
            Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
