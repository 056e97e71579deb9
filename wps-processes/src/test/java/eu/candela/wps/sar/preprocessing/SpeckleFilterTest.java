package eu.candela.wps.sar.preprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The filters on a 4-look speckled image of two halves, 0.1 and 1.0 (10 dB apart), split by a
 * vertical edge: each keeps the mean of the flat areas, lowers their variance, and refined Lee
 * keeps the edge sharper than Lee; no-data pixels stay no data.
 */
class SpeckleFilterTest {
    private static final int W = 64;
    private static final int H = 64;
    private static final double LOOKS = 4;

    private static float[] speckledStep(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] img = new float[W * H];
        for (int r = 0; r < H; r++) {
            for (int c = 0; c < W; c++) {
                double s = 0;
                for (int k = 0; k < LOOKS; k++) {
                    s -= Math.log(1 - random.nextDouble()); // sum of 4 exponentials: 4-look gamma
                }
                img[r * W + c] = (float) ((c < W / 2 ? 0.1 : 1.0) * s / LOOKS);
            }
        }
        return img;
    }

    private static double[] meanAndVariance(float[] img, int c0, int c1) {
        double s = 0;
        double q = 0;
        int n = 0;
        for (int r = 8; r < H - 8; r++) {
            for (int c = c0; c < c1; c++) {
                s += img[r * W + c];
                q += img[r * W + c] * (double) img[r * W + c];
                n++;
            }
        }
        return new double[] {s / n, q / n - (s / n) * (s / n)};
    }

    @Test
    void filtersKeepTheMeanAndLowerTheVarianceOfFlatAreas() {
        float[] img = speckledStep(1);
        double[] raw = meanAndVariance(img, W / 2 + 8, W - 8);
        for (SpeckleFilter f : new SpeckleFilter[] {SpeckleFilter.LEE, SpeckleFilter.REFINED_LEE, SpeckleFilter.GAMMA_MAP}) {
            float[] out = new float[img.length];
            f.apply(img, W, H, 7, LOOKS, out);
            double[] flat = meanAndVariance(out, W / 2 + 8, W - 8);
            assertEquals(raw[0], flat[0], 0.05 * raw[0], f + " mean");
            assertTrue(flat[1] < 0.35 * raw[1], f + " variance " + flat[1] + " against " + raw[1]);
        }
    }

    @Test
    void refinedLeeKeepsTheEdgeSharperThanLee() {
        float[] img = speckledStep(2);
        float[] lee = new float[img.length];
        float[] refined = new float[img.length];
        SpeckleFilter.LEE.apply(img, W, H, 7, LOOKS, lee);
        SpeckleFilter.REFINED_LEE.apply(img, W, H, 7, LOOKS, refined);
        // The dark column next to the edge: how much of the bright side leaked into it.
        double leeLeak = meanAndVariance(lee, W / 2 - 1, W / 2)[0];
        double refinedLeak = meanAndVariance(refined, W / 2 - 1, W / 2)[0];
        assertTrue(refinedLeak < 0.7 * leeLeak, "dark column next to the edge: refined Lee " + refinedLeak + ", Lee " + leeLeak);
        assertTrue(refinedLeak < 0.2, "refined Lee keeps the dark side dark: " + refinedLeak);
    }

    @Test
    void noDataStaysNoDataAndIsLeftOutOfNeighbourhoods() {
        float[] img = speckledStep(3);
        for (int r = 0; r < H; r++) {
            img[r * W + 40] = Float.NaN;
        }
        for (SpeckleFilter f : SpeckleFilter.values()) {
            float[] out = new float[img.length];
            f.apply(img, W, H, 7, LOOKS, out);
            for (int r = 0; r < H; r++) {
                assertTrue(Float.isNaN(out[r * W + 40]), f + " row " + r);
                assertTrue(!Float.isNaN(out[r * W + 41]), f + " neighbour of no data is filtered, row " + r);
            }
        }
    }
}
