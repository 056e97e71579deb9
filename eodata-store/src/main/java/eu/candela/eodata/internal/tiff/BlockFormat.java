package eu.candela.eodata.internal.tiff;

import java.nio.ByteOrder;

/**
 * How one block's bytes are encoded.
 *
 * @param width           pixels per row (the full tile width, padding included)
 * @param rows            rows in the block
 * @param samplesPerPixel samples interleaved per pixel in this block (1 for planar files)
 */
public record BlockFormat(int width, int rows, int samplesPerPixel, SampleKind kind, ByteOrder order,
                          int compression, int predictor) {

    public int sampleCount() {
        return width * rows * samplesPerPixel;
    }

    public int byteCount() {
        return sampleCount() * kind.bytes();
    }
}
