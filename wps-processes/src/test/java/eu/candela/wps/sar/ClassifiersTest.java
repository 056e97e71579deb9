package eu.candela.wps.sar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.candela.eodata.raster.BlockGrid;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * The classifiers on a synthetic log-ratio field with known increase and decrease squares: noisy
 * enough (single-look-like spread) that a pixel threshold alone errs, so neighbourhoods must help.
 */
class ClassifiersTest {

    private static final int SIZE = 200;

    /** Truth: 1 increase in [40, 80)^2, 2 decrease in [120, 170) x [60, 100), 0 elsewhere. */
    private static int truth(int x, int y) {
        if (x >= 40 && x < 80 && y >= 40 && y < 80) return ChangeMap.INCREASE;
        if (x >= 120 && x < 170 && y >= 60 && y < 100) return ChangeMap.DECREASE;
        return ChangeMap.NO_CHANGE;
    }

    private static float[] field(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] index = new float[SIZE * SIZE];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int t = truth(x, y);
                double mean = t == ChangeMap.INCREASE ? 6 : t == ChangeMap.DECREASE ? -6 : 0;
                index[y * SIZE + x] = (float) (mean + 3.5 * random.nextGaussian());
            }
        }
        index[5] = Float.NaN; // no data must stay unclassified and not disturb neighbours
        return index;
    }

    private static HaloBlock wholeBlock() {
        return new HaloBlock(new BlockGrid.Window(0, 0, SIZE, SIZE), 0, 0, SIZE, SIZE, new float[SIZE * SIZE], new float[SIZE * SIZE]);
    }

    /** Fraction of pixels whose class (with direction) matches the truth. */
    private static double accuracy(ChangeModel.Builder builder) {
        float[] index = field(7);
        HaloBlock block = wholeBlock();
        builder.add(block, index);
        ChangeModel model = builder.build();
        byte[] classes = new byte[SIZE * SIZE];
        float[] probability = new float[SIZE * SIZE];
        model.classify(block, index, classes, probability);
        long right = 0;
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                if (classes[y * SIZE + x] == truth(x, y)) right++;
                float p = probability[y * SIZE + x];
                assertTrue(y * SIZE + x == 5 || (p >= 0 && p <= 1), "probability " + p);
            }
        }
        return right / (double) (SIZE * SIZE - 1);
    }

    @Test
    void pcaKMeansFindsBothChangeSquaresWithTheirDirection() {
        double accuracy = accuracy(PcaKMeans.builder(5, SIZE, SIZE, 100_000));
        assertTrue(accuracy > 0.97, "accuracy " + accuracy);
    }

    @Test
    void fuzzyCMeansWithSpatialTermFindsBothChangeSquares() {
        double accuracy = accuracy(FuzzyCMeans.builder(5, SIZE, SIZE, 100_000));
        assertTrue(accuracy > 0.95, "accuracy " + accuracy);
    }

    @Test
    void neighbourhoodsBeatAPixelThresholdOnSpeckleLikeNoise() {
        double threshold = accuracy(ThresholdModel.builder(ChangeIndex.LOG_RATIO, ThresholdMethod.KI_GAUSSIAN));
        double pca = accuracy(PcaKMeans.builder(5, SIZE, SIZE, 100_000));
        assertTrue(pca > threshold, pca + " against " + threshold);
    }

    @Test
    void theSampleIsCappedByAStrideOnLargeImages() {
        FeatureSample sample = new FeatureSample(25, 25_000, 16_700, 100_000);
        assertEquals(65, sample.stride);
        assertTrue(25_000L / 65 * (16_700 / 65) <= 100_000 * 1.05);
    }
}
