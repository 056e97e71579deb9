package eu.candela.ows.render;

import eu.candela.eodata.raster.GeoTiffReader;

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
            retire(removed);
        }
    }

    /** Drops {@code coverage} if it is still the open version of its file (its reader broke). */
    synchronized void discard(OpenCoverage coverage) {
        if (open.remove(coverage.file(), coverage)) {
            cache.removeFile(coverage.file());
            retire(coverage);
        }
    }

    @Override
    public synchronized void close() {
        open.values().forEach(OpenCoverage::close);
        open.clear();
    }

    /** Closes the reader once the requests using it are done. */
    private static void retire(OpenCoverage coverage) {
        coverage.close();
    }
}
