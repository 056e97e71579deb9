package eu.candela.eodata.raster;

import java.io.IOException;
import java.nio.file.Path;

/** Reads windows of GeoTIFF / COG files. Thread-safe. */
public final class GeoTiffReader implements AutoCloseable {

    private GeoTiffReader() {
    }

    public static GeoTiffReader open(Path file) throws IOException {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public RasterInfo info() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public RasterBlock read(int x, int y, int width, int height) throws IOException {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public int overviewCount() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public RasterBlock readOverview(int level, int x, int y, int width, int height) throws IOException {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public void close() throws IOException {
    }
}
