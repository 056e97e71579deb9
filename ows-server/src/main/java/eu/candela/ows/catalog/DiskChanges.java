package eu.candela.ows.catalog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;

/**
 * The file changes of one catalogue edit, undone in reverse order when a later step fails, so a
 * failed edit leaves the data directory as it was. Each step is itself atomic ({@link AtomicFiles});
 * removed directories are first renamed aside (a hidden name the loader ignores) and only deleted
 * once the whole edit succeeded.
 */
final class DiskChanges {
    private static final Logger LOG = LoggerFactory.getLogger(DiskChanges.class);

    private final AtomicFiles files;
    private final Deque<Undo> undo = new ArrayDeque<>();
    private final List<Path> trash = new ArrayList<>();

    private interface Undo {
        void run() throws IOException;
    }

    DiskChanges(AtomicFiles files) {
        this.files = files;
    }

    void write(Path target, byte[] content) throws IOException {
        byte[] previous = Files.isRegularFile(target) ? Files.readAllBytes(target) : null;
        Path createdDir = firstMissingDirectory(target.getParent());
        files.write(target, content);
        undo.push(() -> {
            if (previous != null) {
                files.write(target, previous);
            } else {
                files.delete(target);
                if (createdDir != null) deleteTree(createdDir);
            }
        });
    }

    void deleteFile(Path target) throws IOException {
        if (!Files.isRegularFile(target)) return;
        byte[] previous = Files.readAllBytes(target);
        files.delete(target);
        undo.push(() -> files.write(target, previous));
    }

    /** Removes a directory tree: renamed aside now (atomic), deleted at {@link #commit()}. */
    void removeTree(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return;
        Path aside = dir.resolveSibling(".deleted-" + dir.getFileName() + "-" + UUID.randomUUID());
        files.move(dir, aside);
        trash.add(aside);
        undo.push(() -> {
            files.move(aside, dir);
            trash.remove(aside);
        });
    }

    /** The edit succeeded: forget the undo steps and delete what was set aside (failures only logged). */
    void commit() {
        undo.clear();
        for (Path p : trash) {
            try {
                deleteTree(p);
            } catch (IOException e) {
                LOG.warn("Could not delete {} (already out of the catalogue): {}", p, e.toString());
            }
        }
        trash.clear();
    }

    /** The edit failed: undo every step done so far, newest first. */
    void rollback() {
        while (!undo.isEmpty()) {
            try {
                undo.pop().run();
            } catch (IOException | RuntimeException e) {
                LOG.error("Could not undo a step of a failed catalogue change; the data directory may need a look", e);
            }
        }
        trash.clear();
    }

    private static Path firstMissingDirectory(Path dir) {
        Path missing = null;
        for (Path d = dir; d != null && !Files.exists(d); d = d.getParent()) missing = d;
        return missing;
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                if (exc != null) throw exc;
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
