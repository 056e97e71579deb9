package eu.candela.ows.render;

import eu.candela.eodata.raster.GeoTiffReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One open reader per coverage file, reopened when the file on disk is replaced (its {@link FileStamp}
 * changed), which also drops everything derived from the old version (tiles, summary, envelopes).
 * Thread-safe: concurrent first requests of a file open it once.
 */
final class OpenCoverages implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OpenCoverages.class);

    private final ConcurrentMap<Path, OpenCoverage> open = new ConcurrentHashMap<>();
    private final AtomicLong generations = new AtomicLong();
    private final TileCache cache;

    OpenCoverages(TileCache cache) {
        this.cache = cache;
    }

    /** The normalised key of {@code file}. */
    static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }

    /** The open current version of {@code file}. */
    OpenCoverage get(Path file) throws IOException {
        Path key = key(file);
        FileStamp stamp = FileStamp.of(key);
        OpenCoverage current = open.get(key);
        if (current != null && current.stamp().equals(stamp)) {
            return current;
        }
        synchronized (this) {
            current = open.get(key);
            if (current != null && current.stamp().equals(stamp)) {
                return current;
            }
            if (current != null) {
                forget(key);
            }
            OpenCoverage opened = new OpenCoverage(key, stamp, generations.incrementAndGet(), GeoTiffReader.open(key), cache);
            open.put(key, opened);
            return opened;
        }
    }

    /** Closes the reader of {@code file} and drops its tiles. */
    synchronized void forget(Path file) {
        Path key = key(file);
        OpenCoverage removed = open.remove(key);
        cache.removeFile(key);
        if (removed != null) {
            closeQuietly(removed);
        }
    }

    @Override
    public synchronized void close() {
        open.values().forEach(OpenCoverages::closeQuietly);
        open.clear();
    }

    private static void closeQuietly(OpenCoverage coverage) {
        try {
            coverage.close();
        } catch (IOException e) {
            log.warn("closing {} failed: {}", coverage.file(), e.toString());
        }
    }
}
