package eu.candela.wps.spi;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A raster input the server has already resolved to a local GeoTIFF / COG file (downloaded,
 * mounted or copied into the job directory). Read it with {@code eodata-store}'s GeoTiffReader.
 *
 * @param path absolute path of the file
 */
public record RasterRef(Path path) {
    public RasterRef {
        Objects.requireNonNull(path, "path");
    }
}
