package eu.candela.ows.catalog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Durable single-file writes: a temporary file next to the target, fsync, atomic rename, fsync of
 * the directory. A reader (or a restart after a crash) sees the old content or the new, never half.
 * Not final so that tests can make a chosen write fail and check the catalogue rolls back.
 */
class AtomicFiles {

    /** Replaces (or creates) {@code target} with {@code content}, creating its directories. */
    void write(Path target, byte[] content) throws IOException {
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) channel.write(buffer);
                channel.force(true);
            }
            move(temp, target);
            temp = null;
            syncDirectory(dir);
        } finally {
            if (temp != null) Files.deleteIfExists(temp);
        }
    }

    /** Renames {@code source} to {@code target} atomically (same file system), replacing it. */
    void move(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot rename " + source + " to " + target + " atomically", e);
        }
    }

    void delete(Path file) throws IOException {
        Files.deleteIfExists(file);
    }

    /** Makes a rename or creation in {@code dir} durable; not every platform lets a directory be opened, so best effort. */
    static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows and some file systems refuse; the rename itself is still atomic.
        }
    }
}
