package eu.candela.wps.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChiSquareTest {

    @ParameterizedTest(name = "{0} degrees of freedom")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 12, 13})
    void agreesWithCommonsMath(int k) {
        ChiSquaredDistribution reference = new ChiSquaredDistribution(k);
        for (double x : new double[] {0, 1e-6, 0.1, 1, 2.5, k, 10, 13.28, 30, 80}) {
            assertThat(ChiSquare.cdf(k, x)).as("cdf(%s)", x).isCloseTo(reference.cumulativeProbability(x), within(1e-12));
        }
    }

    @ParameterizedTest(name = "{0} degrees of freedom")
    @ValueSource(ints = {2, 4, 13})
    void keepsPrecisionInTheFarTail(int k) {
        // Where the cdf rounds to 1, the survival still orders pixels.
        assertThat(ChiSquare.survival(k, 200)).isPositive().isLessThan(ChiSquare.survival(k, 150));
    }
}
