package eu.candela.eodata.internal.tiff;

import eu.candela.eodata.raster.RasterFormatException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/**
 * Positional, bounds-checked reads of a file. Holds no cursor, so one instance serves any number of
 * threads. Every read is checked against the file size first, so a hostile offset or count becomes a
 * {@link RasterFormatException}, never a huge allocation.
 */
public final class FileBytes {
    private final FileChannel channel;
    private final long size;
    private final ByteOrder order;
    private final String name;

    public FileBytes(FileChannel channel, long size, ByteOrder order, String name) {
        this.channel = channel;
        this.size = size;
        this.order = order;
        this.name = name;
    }

    public long size() { return size; }

    public ByteOrder order() { return order; }

    public String name() { return name; }

    public FileBytes withOrder(ByteOrder newOrder) {
        return new FileBytes(channel, size, newOrder, name);
    }

    /** Reads exactly {@code length} bytes at {@code offset}, in this file's byte order. */
    public ByteBuffer read(long offset, long length, String what) throws IOException {
        if (offset < 0 || length < 0 || offset > size || length > size - offset) {
            throw new RasterFormatException(name + ": " + what + " at bytes " + offset + ".." + (offset + length)
                    + " lies beyond the end of the file (" + size + " bytes); the file is truncated or corrupt");
        }
        if (length > Integer.MAX_VALUE - 8) {
            throw new RasterFormatException(name + ": " + what + " of " + length + " bytes is too large to read at once");
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) length).order(order);
        long position = offset;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, position);
            if (n < 0) {
                throw new RasterFormatException(name + ": unexpected end of file at byte " + position + " while reading " + what);
            }
            position += n;
        }
        return buffer.flip();
    }
}
