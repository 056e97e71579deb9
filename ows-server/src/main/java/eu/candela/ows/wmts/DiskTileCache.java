package eu.candela.ows.wmts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BooleanSupplier;

/**
 * Rendered tiles on disk, {@code {root}/{ws}/{layer}/{style}/{tms}/{z}/{row}/{col}.{ext}}. A tile
 * is written to a temporary file and moved into place atomically, so readers see a whole tile or
 * none.
 * <p>
 * A tile rendered from a layer or style that changed while it was drawn must not land in the
 * cache after the change's clean-up. Storing takes a shared lock, checks that what it drew is
 * still current and moves the file; clean-up takes the exclusive lock while it renames the
 * directories away. The catalogue changes before it tells its listeners, so a store that comes
 * after the clean-up sees the new revision and drops its tile.
 */
public final class DiskTileCache {
    private static final Logger LOG = LoggerFactory.getLogger(DiskTileCache.class);
    private static final String TRASH_PREFIX = ".trash-";

    private final Path root;
    /** Shared: storing tiles; exclusive: removing directories. */
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    public DiskTileCache(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new UncheckedIOException("candela.maps.tile-cache: cannot create " + this.root, e);
        }
        deleteLeftoverTrash();
    }

    public Path root() {
        return root;
    }

    public Path path(TileKey key) {
        return root.resolve(key.relativePath());
    }

    /** The cached tile, or empty on a miss (also when it is being removed right now). */
    public Optional<byte[]> read(TileKey key) {
        try {
            return Optional.of(Files.readAllBytes(path(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.warn("Cannot read cached tile {}: {}", key.relativePath(), e.toString());
            return Optional.empty();
        }
    }

    /** Stores {@code tile} unless {@code stillCurrent} says the layer or style changed since it was drawn. */
    public void store(TileKey key, byte[] tile, BooleanSupplier stillCurrent) {
        Path target = path(key);
        Path temp = null;
        try {
            Files.createDirectories(target.getParent());
            temp = Files.createTempFile(target.getParent(), ".tile-", ".tmp");
            Files.write(temp, tile);
            lock.readLock().lock();
            try {
                if (stillCurrent.getAsBoolean()) {
                    move(temp, target);
                    temp = null;
                }
            } finally {
                lock.readLock().unlock();
            }
        } catch (IOException e) {
            // a cache that cannot write still serves the rendered tile
            LOG.warn("Cannot cache tile {}: {}", key.relativePath(), e.toString());
        } finally {
            if (temp != null) deleteQuietly(temp);
        }
    }

    /** Removes every tile of layer {@code workspace:name}, in every style. */
    public void removeLayer(String workspace, String name) {
        removeAll(root.resolve(workspace).resolve(name));
    }

    /** Removes every layer's tiles drawn in {@code style}. */
    public void removeStyle(String style) {
        try (DirectoryStream<Path> workspaces = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path ws : workspaces) {
                if (ws.getFileName().toString().startsWith(TRASH_PREFIX)) continue;
                try (DirectoryStream<Path> layers = Files.newDirectoryStream(ws, Files::isDirectory)) {
                    for (Path layer : layers) removeAll(layer.resolve(style));
                }
            }
        } catch (IOException e) {
            LOG.warn("Cannot list the tile cache {}: {}", root, e.toString());
        }
    }

    /** Renames {@code dir} away under the exclusive lock (quick), then deletes it outside the lock. */
    private void removeAll(Path dir) {
        Path trash = root.resolve(TRASH_PREFIX + UUID.randomUUID());
        lock.writeLock().lock();
        try {
            if (!Files.exists(dir)) return;
            Files.move(dir, trash, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("Cannot remove cached tiles {}: {}", dir, e.toString());
            return;
        } finally {
            lock.writeLock().unlock();
        }
        deleteTree(trash);
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void deleteLeftoverTrash() {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root, TRASH_PREFIX + "*")) {
            for (Path p : entries) deleteTree(p);
        } catch (IOException e) {
            LOG.warn("Cannot list the tile cache {}: {}", root, e.toString());
        }
    }

    private static void deleteTree(Path dir) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.warn("Cannot delete {}: {}", dir, e.toString());
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a stray temporary file is harmless: it never has a tile's name
        }
    }
}
