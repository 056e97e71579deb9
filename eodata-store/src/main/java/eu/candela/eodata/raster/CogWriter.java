package eu.candela.eodata.raster;

import java.io.IOException;
import java.nio.file.Path;

/** Writes a Cloud-Optimized GeoTIFF tile by tile. */
public final class CogWriter implements AutoCloseable {

    private CogWriter() {
    }

    public static CogWriter create(Path target, RasterSpec spec, CogOptions options) throws IOException {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public int tileSize() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public void write(RasterBlock block) throws IOException {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public BandStatistics statistics(int band) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public void close() throws IOException {
    }
}
