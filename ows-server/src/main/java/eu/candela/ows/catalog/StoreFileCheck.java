package eu.candela.ows.catalog;

import eu.candela.eodata.raster.GeoTiffReader;
import eu.candela.eodata.raster.RasterInfo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a coverage store's file must be: an existing, readable GeoTIFF inside the data directory
 * (after following symbolic links, so a link cannot point the server at other files).
 */
final class StoreFileCheck {
    private final Path realDataDir;

    StoreFileCheck(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        this.realDataDir = dataDir.toRealPath();
    }

    RasterInfo check(Path file) throws CatalogException {
        if (!Files.isRegularFile(file)) {
            throw new CatalogException(CatalogException.Reason.INVALID, "coverage store file " + file + " does not exist");
        }
        Path real;
        try {
            real = file.toRealPath();
        } catch (IOException e) {
            throw new CatalogException(CatalogException.Reason.INVALID, "coverage store file " + file + " cannot be resolved", e);
        }
        if (!real.startsWith(realDataDir)) {
            throw new CatalogException(CatalogException.Reason.INVALID, "coverage store file " + file + " is outside the data directory");
        }
        try (GeoTiffReader reader = GeoTiffReader.open(real)) {
            return reader.info();
        } catch (IOException | RuntimeException e) {
            throw new CatalogException(CatalogException.Reason.INVALID,
                    "coverage store file " + file + " is not a readable GeoTIFF: " + e.getMessage(), e);
        }
    }
}
