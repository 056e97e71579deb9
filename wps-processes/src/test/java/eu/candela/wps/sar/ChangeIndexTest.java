package eu.candela.wps.sar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.candela.eodata.raster.BlockGrid;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ChangeIndexTest {

    private static HaloBlock block(int w, int h, float[] before, float[] after) {
        return new HaloBlock(new BlockGrid.Window(0, 0, w, h), 0, 0, w, h, before, after);
    }

    private static float[] filled(int n, float v) {
        float[] a = new float[n];
        Arrays.fill(a, v);
        return a;
    }

    @Test
    void logRatioOfDecibelInputsIsTheirDifference() {
        float[] before = {-12f, -8f, 0f};
        float[] after = {-2f, -8f, -15f};
        float[] b = new float[3], a = new float[3];
        for (int i = 0; i < 3; i++) {
            b[i] = BackscatterScale.DB.toIntensity(before[i]);
            a[i] = BackscatterScale.DB.toIntensity(after[i]);
        }
        float[] index = ChangeIndex.LOG_RATIO.compute(block(3, 1, b, a), 1);
        assertEquals(10f, index[0], 1e-4);
        assertEquals(0f, index[1], 1e-4);
        assertEquals(-15f, index[2], 1e-4);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"MEAN_RATIO, 0.75", "NEIGHBOURHOOD_RATIO, 0.5"})
    void ratioIndicesOfAUniformGainAreOneMinusTheInverseGainSignedByDirection(ChangeIndex index, float expected) {
        // A gain of 4 in intensity: mean-ratio works on intensities (1 - 1/4), the neighbourhood ratio on amplitudes (1 - 1/2).
        int w = 9, h = 7;
        float[] dark = filled(w * h, 0.05f);
        float[] bright = filled(w * h, 0.2f);
        float[] rise = index.compute(block(w, h, dark, bright), 5);
        float[] fall = index.compute(block(w, h, bright, dark), 5);
        for (int i = 0; i < w * h; i++) {
            assertEquals(expected, rise[i], 1e-5);
            assertEquals(-expected, fall[i], 1e-5);
        }
    }

    @ParameterizedTest
    @EnumSource(ChangeIndex.class)
    void noDataInEitherDateGivesNoIndexAndDoesNotSpreadIntoNeighbours(ChangeIndex index) {
        int w = 5, h = 5;
        float[] before = filled(w * h, 0.1f);
        float[] after = filled(w * h, 0.1f);
        before[12] = Float.NaN;
        after[12] = Float.NaN;
        float[] values = index.compute(block(w, h, before, after), 3);
        assertTrue(Float.isNaN(values[12]));
        assertEquals(0f, values[11], 1e-6);
        assertEquals(0f, values[7], 1e-6);
    }

    @Test
    void neighbourhoodRatioSmoothsSpeckleInAHomogeneousAreaMoreThanThePixelRatio() {
        int w = 41, h = 41;
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        float[] before = new float[w * h], after = new float[w * h];
        for (int i = 0; i < w * h; i++) {
            // Four-look intensity speckle (gamma, shape 4, mean 0.1) on both dates, nothing changed.
            before[i] = fourLook(random, 0.1);
            after[i] = fourLook(random, 0.1);
        }
        HaloBlock b = block(w, h, before, after);
        // The spread of the magnitude is what a threshold must clear (the mean of min / max is biased below 1 by design).
        double pixelSpread = magnitudeSpread(ChangeIndex.NEIGHBOURHOOD_RATIO.compute(b, 1));
        double neighbourhoodSpread = magnitudeSpread(ChangeIndex.NEIGHBOURHOOD_RATIO.compute(b, 5));
        assertTrue(neighbourhoodSpread < 0.6 * pixelSpread, neighbourhoodSpread + " against " + pixelSpread);
    }

    private static float fourLook(java.util.SplittableRandom random, double mean) {
        double sum = 0;
        for (int k = 0; k < 4; k++) sum -= Math.log(1 - random.nextDouble());
        return (float) (mean * sum / 4);
    }

    private static double magnitudeSpread(float[] v) {
        double s = 0, ss = 0;
        for (float x : v) { s += Math.abs(x); ss += x * x; }
        double mean = s / v.length;
        return Math.sqrt(ss / v.length - mean * mean);
    }
}
