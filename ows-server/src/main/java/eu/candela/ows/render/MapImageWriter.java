package eu.candela.ows.render;

import java.io.IOException;
import java.io.OutputStream;

/** Encodes rendered maps as PNG (32-bit RGBA or RGB), 8-bit palette PNG or JPEG. */
public final class MapImageWriter {
    private MapImageWriter() {}

    /** Writes {@code image} to {@code out} in {@code format}; JPEG drops transparency onto {@code background} (0xRRGGBB). */
    public static void write(MapImage image, OutputFormat format, int background, OutputStream out) throws IOException {
        throw new UnsupportedOperationException("implemented by the rendering work");
    }
}
