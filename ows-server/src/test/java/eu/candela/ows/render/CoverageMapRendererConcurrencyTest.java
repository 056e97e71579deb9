package eu.candela.ows.render;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Four threads sharing one renderer (readers, a tight tile cache, CRS caches) draw what one thread draws. */
class CoverageMapRendererConcurrencyTest {
    static Path coverage;

    @BeforeAll
    static void generate() throws Exception {
        coverage = GeneratedCoverages.sharedBig();
    }

    @Test
    void concurrentMapsEqualSingleThreadedOnes() throws Exception {
        List<MapRequest> requests = randomRequests(48);
        List<float[][]> expected = new ArrayList<>();
        try (CoverageMapRenderer alone = new CoverageMapRenderer(256L << 20)) {
            for (MapRequest request : requests) {
                expected.add(alone.sample(request, new int[] {0, 1}));
            }
        }
        // A cache of a few tiles, so threads evict each other's tiles and wait on each other's decodes.
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (CoverageMapRenderer shared = new CoverageMapRenderer(4L << 20)) {
            List<Future<float[][]>> results = new ArrayList<>();
            for (MapRequest request : requests) {
                results.add(pool.submit(() -> shared.sample(request, new int[] {0, 1})));
            }
            for (int n = 0; n < requests.size(); n++) {
                float[][] got = results.get(n).get(2, TimeUnit.MINUTES);
                assertThat(got[0]).as("map %d band 1", n).containsExactly(expected.get(n)[0]);
                assertThat(got[1]).as("map %d band 2", n).containsExactly(expected.get(n)[1]);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void evictionsDuringRendersDoNotFailThem() throws Exception {
        List<MapRequest> requests = randomRequests(24);
        List<float[][]> expected = new ArrayList<>();
        try (CoverageMapRenderer alone = new CoverageMapRenderer(256L << 20)) {
            for (MapRequest request : requests) {
                expected.add(alone.sample(request, new int[] {0}));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (CoverageMapRenderer shared = new CoverageMapRenderer(64L << 20)) {
            List<Future<float[][]>> results = new ArrayList<>();
            for (MapRequest request : requests) {
                results.add(pool.submit(() -> shared.sample(request, new int[] {0})));
            }
            // Evict while the maps are drawn, as the tile cache does when a layer changes.
            Future<?> evictions = pool.submit(() -> {
                for (Future<float[][]> result : results) {
                    shared.evict(coverage);
                    Thread.yield();
                }
            });
            for (int n = 0; n < requests.size(); n++) {
                assertThat(results.get(n).get(2, TimeUnit.MINUTES)[0]).as("map %d", n).containsExactly(expected.get(n)[0]);
            }
            evictions.get(1, TimeUnit.MINUTES);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Maps of random size and place in the native CRS, Web Mercator and WGS 84, both interpolations. */
    private static List<MapRequest> randomRequests(int count) throws Exception {
        Random random = new Random(42);
        int[] codes = {GeneratedCoverages.EPSG, 3857, 4326};
        List<MapRequest> requests = new ArrayList<>();
        try (CoverageMapRenderer probe = new CoverageMapRenderer(0)) {
            for (int n = 0; n < count; n++) {
                int epsg = codes[n % codes.length];
                double[] e = probe.envelopeIn(coverage, epsg);
                double span = (e[2] - e[0]) * (0.05 + 0.5 * random.nextDouble());
                double x = e[0] + (e[2] - e[0]) * (random.nextDouble() - 0.2);
                double y = e[1] + (e[3] - e[1]) * (random.nextDouble() - 0.2);
                MapExtent extent = new MapExtent(x, y, x + span, y + span, epsg);
                Interpolation interpolation = random.nextBoolean() ? Interpolation.NEAREST : Interpolation.BILINEAR;
                int size = 64 + random.nextInt(200);
                requests.add(new MapRequest(coverage, extent, size, size, TestStyles.GREY, interpolation, true, 0));
            }
        }
        return requests;
    }
}
