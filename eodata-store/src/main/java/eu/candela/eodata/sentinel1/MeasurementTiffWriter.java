package eu.candela.eodata.sentinel1;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Writes a single-band uint16 TIFF laid out as Sentinel-1 measurement files are: uncompressed, one
 * strip per line, no affine georeferencing but ground control points (ModelTiepoint) with a
 * geographic WGS 84 GeoKey directory. Lines are streamed in order, so memory does not depend on the
 * image size; the directory is written after the pixels. Classic TIFF, so at most 4 GiB of pixels
 * (a full IW GRD band is about 0.85 GB). Not thread-safe.
 */
public final class MeasurementTiffWriter implements AutoCloseable {
    private static final long MAX_CLASSIC_TIFF = 0xFFFF_FFFFL;

    /** A ground control point: image (pixel, line) to (longitude, latitude, height). */
    public record Gcp(double pixel, double line, double lon, double lat, double height) {
    }

    private final FileChannel channel;
    private final int width;
    private final int height;
    private final List<Gcp> gcps;
    private final long[] stripOffsets;
    private final ByteBuffer lineBuffer;
    private int linesWritten;
    private boolean closed;

    private MeasurementTiffWriter(FileChannel channel, int width, int height, List<Gcp> gcps) {
        this.channel = channel;
        this.width = width;
        this.height = height;
        this.gcps = List.copyOf(gcps);
        this.stripOffsets = new long[height];
        this.lineBuffer = ByteBuffer.allocate(width * 2).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Creates {@code file} (replacing it) for an image of {@code width} x {@code height} pixels. */
    public static MeasurementTiffWriter create(Path file, int width, int height, List<Gcp> gcps) throws IOException {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image size must be at least 1x1, got " + width + "x" + height);
        }
        if (8L + 2L * width * height > MAX_CLASSIC_TIFF - (1L << 20)) {
            throw new IllegalArgumentException(width + "x" + height + " uint16 pixels do not fit a classic TIFF");
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        ByteBuffer header = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        header.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(0); // IFD offset patched on close
        header.flip();
        channel.write(header, 0);
        channel.position(8);
        return new MeasurementTiffWriter(channel, width, height, gcps);
    }

    /** Appends the next line; values are rounded and clamped to 0..65535. */
    public void writeLine(float[] digitalNumbers) throws IOException {
        if (linesWritten >= height) {
            throw new IllegalStateException("all " + height + " lines are already written");
        }
        if (digitalNumbers.length < width) {
            throw new IllegalArgumentException("a line needs " + width + " values, got " + digitalNumbers.length);
        }
        lineBuffer.clear();
        for (int i = 0; i < width; i++) {
            float v = digitalNumbers[i];
            int dn = Float.isNaN(v) ? 0 : Math.round(Math.max(0f, Math.min(65535f, v)));
            lineBuffer.putShort((short) dn);
        }
        lineBuffer.flip();
        stripOffsets[linesWritten++] = channel.position();
        while (lineBuffer.hasRemaining()) {
            channel.write(lineBuffer);
        }
    }

    /** Writes the directory; every line must have been written. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (channel) {
            if (linesWritten != height) {
                throw new IllegalStateException("only " + linesWritten + " of " + height + " lines were written");
            }
            writeDirectory();
        }
    }

    private void writeDirectory() throws IOException {
        long ifdOffset = align(channel.position());
        int entries = 14;
        long extra = ifdOffset + 2 + 12L * entries + 4;
        // Out-of-line values follow the directory: strip offsets, byte counts, tiepoints, GeoKeys.
        long offsetsAt = extra;
        long countsAt = offsetsAt + 4L * height;
        long tiepointsAt = countsAt + 4L * height;
        long geoKeysAt = tiepointsAt + 8L * 6 * gcps.size();
        short[] geoKeys = {1, 1, 0, 3, 1024, 0, 1, 2, 1025, 0, 1, 1, 2048, 0, 1, 4326};
        long end = geoKeysAt + 2L * geoKeys.length;
        if (end > MAX_CLASSIC_TIFF) {
            throw new IOException("the measurement file would exceed 4 GiB");
        }
        ByteBuffer ifd = ByteBuffer.allocate((int) (end - ifdOffset)).order(ByteOrder.LITTLE_ENDIAN);
        ifd.putShort((short) entries);
        entry(ifd, 256, 4, 1, width);                      // ImageWidth
        entry(ifd, 257, 4, 1, height);                     // ImageLength
        entry(ifd, 258, 3, 1, 16);                         // BitsPerSample
        entry(ifd, 259, 3, 1, 1);                          // Compression: none
        entry(ifd, 262, 3, 1, 1);                          // Photometric: black is zero
        entry(ifd, 273, 4, height, height == 1 ? stripOffsets[0] : offsetsAt);
        entry(ifd, 277, 3, 1, 1);                          // SamplesPerPixel
        entry(ifd, 278, 4, 1, 1);                          // RowsPerStrip
        entry(ifd, 279, 4, height, height == 1 ? 2L * width : countsAt);
        entry(ifd, 284, 3, 1, 1);                          // PlanarConfiguration
        entry(ifd, 305, 2, 4, asciiInline("IPF"));          // Software, as short inline text
        entry(ifd, 339, 3, 1, 1);                          // SampleFormat: unsigned
        entry(ifd, 33922, 12, 6L * gcps.size(), tiepointsAt);
        entry(ifd, 34735, 3, geoKeys.length, geoKeysAt);
        ifd.putInt(0);                                     // no next IFD
        for (int i = 0; i < height; i++) {
            ifd.putInt((int) stripOffsets[i]);
        }
        for (int i = 0; i < height; i++) {
            ifd.putInt(2 * width);
        }
        for (Gcp g : gcps) {
            ifd.putDouble(g.pixel()).putDouble(g.line()).putDouble(0).putDouble(g.lon()).putDouble(g.lat()).putDouble(g.height());
        }
        for (short k : geoKeys) {
            ifd.putShort(k);
        }
        ifd.flip();
        long position = ifdOffset;
        while (ifd.hasRemaining()) {
            position += channel.write(ifd, position);
        }
        ByteBuffer pointer = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) ifdOffset);
        pointer.flip();
        channel.write(pointer, 4);
    }

    private static long asciiInline(String text) {
        long v = 0;
        for (int i = 0; i < Math.min(3, text.length()); i++) {
            v |= (long) (text.charAt(i) & 0xFF) << (8 * i);
        }
        return v;
    }

    private static void entry(ByteBuffer b, int tag, int type, long count, long value) {
        b.putShort((short) tag).putShort((short) type).putInt((int) count);
        if (type == 3 && count == 1) {
            b.putShort((short) value).putShort((short) 0);
        } else {
            b.putInt((int) value);
        }
    }

    private static long align(long position) {
        return (position + 1) & ~1L;
    }
}
