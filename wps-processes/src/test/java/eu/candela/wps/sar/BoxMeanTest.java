package eu.candela.wps.sar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BoxMeanTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 4})
    void equalsTheBruteForceMeanOfValidNeighboursWithTruncatedEdges(int radius) {
        int w = 23, h = 17;
        SplittableRandom random = new SplittableRandom(radius);
        float[] v = new float[w * h];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextInt(10) == 0 ? Float.NaN : (float) random.nextDouble(0, 100);
        }
        float[] mean = BoxMean.of(v, w, h, radius);
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                double sum = 0;
                int n = 0;
                for (int rr = Math.max(0, r - radius); rr <= Math.min(h - 1, r + radius); rr++) {
                    for (int cc = Math.max(0, c - radius); cc <= Math.min(w - 1, c + radius); cc++) {
                        if (!Float.isNaN(v[rr * w + cc])) { sum += v[rr * w + cc]; n++; }
                    }
                }
                if (n == 0) {
                    assertTrue(Float.isNaN(mean[r * w + c]));
                } else {
                    assertEquals(sum / n, mean[r * w + c], 1e-3, "pixel " + c + "," + r);
                }
            }
        }
    }
}
