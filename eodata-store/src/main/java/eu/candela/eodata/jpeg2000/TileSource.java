package eu.candela.eodata.jpeg2000;

import java.io.IOException;

/** Computes the samples of one window of an image being written, so no whole image is ever in memory. */
@FunctionalInterface
public interface TileSource {
    /**
     * @return {@code width * height} samples of component {@code band}, row by row
     */
    int[] samples(int x, int y, int width, int height, int band) throws IOException;
}
