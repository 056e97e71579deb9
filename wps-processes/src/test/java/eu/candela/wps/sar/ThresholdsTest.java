package eu.candela.wps.sar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ThresholdsTest {

    /** 90 % no change N(0, 1), 5 % decrease N(-6, 1), 5 % increase N(6, 1). */
    private static IndexHistogram threeGaussians(double decreaseShare, double increaseShare, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        IndexHistogram histogram = new IndexHistogram(1);
        for (int i = 0; i < 400_000; i++) {
            double u = random.nextDouble();
            double mean = u < decreaseShare ? -6 : u < decreaseShare + increaseShare ? 6 : 0;
            histogram.add((float) (mean + random.nextGaussian()));
        }
        return histogram;
    }

    /** Where 0.9 N(0,1) meets 0.05 N(6,1): 18 - 6x = ln(0.05 / 0.9), the Bayes boundary. */
    private static final double BAYES_BOUNDARY = (18 - Math.log(0.05 / 0.9)) / 6;

    @ParameterizedTest
    @EnumSource(ClassModel.class)
    void minimumErrorFindsTheBayesBoundariesOfAThreeClassMixture(ClassModel model) {
        ThresholdFit fit = MinimumErrorThresholds.fit(threeGaussians(0.05, 0.05, 1).coarse(256, 1e-5), model);
        assertEquals(BAYES_BOUNDARY, fit.upper(), 0.35);
        assertEquals(-BAYES_BOUNDARY, fit.lower(), 0.35);
        assertEquals(0.9, fit.unchanged().prior(), 0.02);
        assertEquals(ChangeMap.INCREASE, fit.classify(5f));
        assertEquals(ChangeMap.DECREASE, fit.classify(-5f));
        assertEquals(ChangeMap.NO_CHANGE, fit.classify(0.5f));
        assertTrue(fit.changeProbability(6f) > 0.99);
        assertTrue(fit.changeProbability(0f) < 0.01);
        assertEquals(0.5, fit.changeProbability((float) fit.upper()), 0.2);
    }

    @Test
    void generalizedGaussianModelRecoversALaplacianShape() {
        SplittableRandom random = new SplittableRandom(2);
        IndexHistogram histogram = new IndexHistogram(1);
        for (int i = 0; i < 400_000; i++) {
            double laplace = -Math.log(1 - random.nextDouble()) * (random.nextBoolean() ? 1 : -1);
            histogram.add((float) (random.nextDouble() < 0.1 ? 12 + random.nextGaussian() : laplace));
        }
        ThresholdFit fit = MinimumErrorThresholds.fit(histogram.coarse(256, 1e-5), ClassModel.GENERALIZED_GAUSSIAN);
        double beta = ((ClassDensity.GeneralizedGaussian) fit.unchanged()).beta();
        assertEquals(1.0, beta, 0.15);
        assertTrue(fit.upper() > 4 && fit.upper() < 10, "upper " + fit.upper());
    }

    @ParameterizedTest
    @EnumSource(ClassModel.class)
    void aPairWithOnlyIncreasesGetsNoDecreaseClass(ClassModel model) {
        ThresholdFit fit = MinimumErrorThresholds.fit(threeGaussians(0, 0.08, 3).coarse(256, 1e-5), model);
        assertEquals(Double.NEGATIVE_INFINITY, fit.lower());
        assertEquals(BAYES_BOUNDARY, fit.upper(), 0.5);
    }

    @Test
    void otsuSplitsAThreeClassMixtureBetweenTheModes() {
        ThresholdFit fit = OtsuThresholds.fit(threeGaussians(0.05, 0.05, 4).coarse(256, 1e-5));
        assertTrue(fit.upper() > 2 && fit.upper() < 4, "upper " + fit.upper());
        assertTrue(fit.lower() < -2 && fit.lower() > -4, "lower " + fit.lower());
    }

    @Test
    void histogramRangeWidensToTheValuesWithoutLosingCounts() {
        IndexHistogram histogram = new IndexHistogram(0.01);
        for (int i = -500; i < 500; i++) {
            histogram.add(i / 10f);
        }
        assertEquals(1000, histogram.total());
        assertEquals(0, histogram.quantile(0.5), 0.15);
        assertEquals(-25, histogram.quantile(0.25), 0.15);
        double sum = 0;
        for (double c : histogram.coarse(100, 0).counts()) sum += c;
        assertEquals(1000, sum, 0);
    }

    @Test
    void generalizedGaussianShapeInvertsTheMomentRatio() {
        for (double beta : new double[] {0.5, 1, 2, 4}) {
            assertEquals(beta, GeneralizedGaussianShape.fromRatio(GeneralizedGaussianShape.ratio(beta)), beta * 0.01);
        }
        assertEquals(2 / Math.PI, GeneralizedGaussianShape.ratio(2), 1e-9);
    }
}
