package eu.candela.eodata.raster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrentReadTest {

    @Test
    void readsWindowsOfOneFileFromSeveralThreadsAtOnce(@TempDir Path dir) throws Exception {
        RasterSpec spec = TestRasters.spec(300, 200, 2, SampleType.FLOAT32);
        Path file = dir.resolve("shared.tif");
        TestRasters.write(file, spec, CogOptions.defaults().withTileSize(32));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (GeoTiffReader reader = GeoTiffReader.open(file)) {
            List<Callable<Boolean>> tasks = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                Random random = new Random(t);
                tasks.add(() -> {
                    for (int i = 0; i < 20; i++) {
                        int x = random.nextInt(280);
                        int y = random.nextInt(180);
                        int w = 1 + random.nextInt(Math.min(100, 300 - x));
                        int h = 1 + random.nextInt(Math.min(100, 200 - y));
                        CogRoundTripTest.assertSameValues(reader.read(x, y, w, h), TestRasters.block(spec, x, y, w, h));
                    }
                    return true;
                });
            }
            for (Future<Boolean> result : pool.invokeAll(tasks)) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
