package eu.candela.eodata.internal.tiff;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A temporary file of compressed tiles, appended as they arrive and read back by position. It is how
 * the COG writer keeps memory flat: no tile stays in memory after {@link #append}.
 */
public final class TileSpool implements AutoCloseable {
    private final Path path;
    private final FileChannel channel;
    private long end;

    private TileSpool(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    /** Creates the spool as a hidden temporary file in {@code directory}, so it stays on the target's disk. */
    public static TileSpool create(Path directory, String baseName) throws IOException {
        Path path = Files.createTempFile(directory, "." + baseName + ".", ".tiles");
        return new TileSpool(path, FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE));
    }

    public Path path() { return path; }

    /** Appends {@code data} and returns its position in the spool. */
    public long append(byte[] data) throws IOException {
        long position = end;
        ByteBuffer buffer = ByteBuffer.wrap(data);
        long at = position;
        while (buffer.hasRemaining()) {
            at += channel.write(buffer, at);
        }
        end = at;
        return position;
    }

    public byte[] read(long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        long at = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                throw new IOException(path + ": tile spool ended early at byte " + at);
            }
            at += n;
        }
        return buffer.array();
    }

    /** Closes and deletes the spool. */
    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            Files.deleteIfExists(path);
        }
    }
}
