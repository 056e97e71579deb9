package eu.candela.ows.render;

import eu.candela.eodata.raster.RasterBlock;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TileCacheTest {
    static final Path FILE = Path.of("/data/a.tif");
    /** A 16 x 16 one-band tile: 1 KiB. */
    static final long TILE_BYTES = 16 * 16 * 4;

    @Test
    void staysWithinItsByteBudgetDroppingTheLeastRecentlyUsed() throws IOException {
        TileCache cache = new TileCache(3 * TILE_BYTES);
        AtomicInteger loads = new AtomicInteger();
        for (int c = 0; c < 3; c++) {
            cache.get(key(c), () -> tile(loads));
        }
        cache.get(key(0), () -> tile(loads)); // 0 is now the most recent
        cache.get(key(3), () -> tile(loads)); // evicts 1
        assertThat(cache.bytes()).isEqualTo(3 * TILE_BYTES);
        assertThat(loads).hasValue(4);
        cache.get(key(0), () -> tile(loads));
        cache.get(key(2), () -> tile(loads));
        assertThat(loads).hasValue(4);
        cache.get(key(1), () -> tile(loads));
        assertThat(loads).hasValue(5);
    }

    @Test
    void removesOneFilesTiles() throws IOException {
        TileCache cache = new TileCache(10 * TILE_BYTES);
        AtomicInteger loads = new AtomicInteger();
        cache.get(key(0), () -> tile(loads));
        cache.get(new TileKey(Path.of("/data/b.tif"), 1, 0, 0, 0), () -> tile(loads));
        cache.removeFile(FILE);
        assertThat(cache.size()).isEqualTo(1);
        assertThat(cache.bytes()).isEqualTo(TILE_BYTES);
    }

    @Test
    void concurrentRequestsOfATileDecodeItOnce() throws Exception {
        TileCache cache = new TileCache(10 * TILE_BYTES);
        AtomicInteger loads = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<RasterBlock> first = pool.submit(() -> cache.get(key(0), () -> {
                awaitQuietly(release);
                return tile(loads);
            }));
            // The others find the decode in progress and wait for it.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!decoding(cache) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            Future<RasterBlock> second = pool.submit(() -> cache.get(key(0), () -> tile(loads)));
            Future<RasterBlock> third = pool.submit(() -> cache.get(key(0), () -> tile(loads)));
            release.countDown();
            RasterBlock block = first.get(10, TimeUnit.SECONDS);
            assertThat(second.get(10, TimeUnit.SECONDS)).isSameAs(block);
            assertThat(third.get(10, TimeUnit.SECONDS)).isSameAs(block);
            assertThat(loads).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void failedDecodeIsNotCached() throws IOException {
        TileCache cache = new TileCache(10 * TILE_BYTES);
        assertThatThrownBy(() -> cache.get(key(0), () -> {
            throw new IOException("corrupt tile");
        })).hasMessage("corrupt tile");
        AtomicInteger loads = new AtomicInteger();
        cache.get(key(0), () -> tile(loads));
        assertThat(loads).hasValue(1);
    }

    private static void awaitQuietly(CountDownLatch latch) throws IOException {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static boolean decoding(TileCache cache) {
        return cache.decodingCount() > 0;
    }

    private static TileKey key(int column) {
        return new TileKey(FILE, 1, 0, column, 0);
    }

    private static RasterBlock tile(AtomicInteger loads) {
        loads.incrementAndGet();
        return new RasterBlock(0, 0, 16, 16, 1);
    }
}
