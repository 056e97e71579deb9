package eu.candela.ows.render;

import eu.candela.eodata.raster.RasterBlock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;

/**
 * Decoded tiles shared by all maps, least recently used first out, bounded by the bytes of their
 * samples. Concurrent requests for a tile being decoded wait for that one decode (neighbouring map
 * tiles often arrive together and need the same source tiles). Thread-safe.
 */
final class TileCache {
    /** Decodes one tile on a miss. */
    @FunctionalInterface
    interface Loader {
        RasterBlock load() throws IOException;
    }

    private final long maxBytes;
    private final LinkedHashMap<TileKey, RasterBlock> tiles = new LinkedHashMap<>(256, 0.75f, true);
    private final ConcurrentMap<TileKey, CompletableFuture<RasterBlock>> decoding = new ConcurrentHashMap<>();
    private long bytes;

    TileCache(long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must not be negative, got " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /** The tile of {@code key}, decoded by {@code loader} when it is not cached. The block must not be modified. */
    RasterBlock get(TileKey key, Loader loader) throws IOException {
        synchronized (this) {
            RasterBlock cached = tiles.get(key);
            if (cached != null) {
                return cached;
            }
        }
        CompletableFuture<RasterBlock> mine = new CompletableFuture<>();
        CompletableFuture<RasterBlock> running = decoding.putIfAbsent(key, mine);
        if (running != null) {
            return await(running);
        }
        try {
            RasterBlock block = loader.load();
            put(key, block);
            mine.complete(block);
            return block;
        } catch (IOException | RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            decoding.remove(key, mine);
        }
    }

    /** Drops every tile of {@code file}. */
    synchronized void removeFile(Path file) {
        Iterator<Map.Entry<TileKey, RasterBlock>> it = tiles.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<TileKey, RasterBlock> e = it.next();
            if (e.getKey().file().equals(file)) {
                bytes -= sizeOf(e.getValue());
                it.remove();
            }
        }
    }

    synchronized long bytes() {
        return bytes;
    }

    synchronized int size() {
        return tiles.size();
    }

    /** Tiles being decoded right now. */
    int decodingCount() {
        return decoding.size();
    }

    private synchronized void put(TileKey key, RasterBlock block) {
        RasterBlock previous = tiles.put(key, block);
        if (previous != null) {
            bytes -= sizeOf(previous);
        }
        bytes += sizeOf(block);
        Iterator<RasterBlock> eldestFirst = tiles.values().iterator();
        while (bytes > maxBytes && eldestFirst.hasNext()) {
            bytes -= sizeOf(eldestFirst.next());
            eldestFirst.remove();
        }
    }

    private static RasterBlock await(CompletableFuture<RasterBlock> running) throws IOException {
        try {
            return running.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for a tile", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw new IOException(io.getMessage(), io);
            }
            if (cause instanceof UncheckedIOException unchecked) {
                throw unchecked;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException("tile decoding failed: " + cause, cause);
        }
    }

    private static long sizeOf(RasterBlock block) {
        return (long) block.width() * block.height() * block.bandCount() * Float.BYTES;
    }
}
