package eu.candela.wps.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import eu.candela.wps.testing.RecordingContext;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IrMadTest {

    private static final int BANDS = 3;
    private static final int PIXELS = 20_000;
    private static final int CHANGED = 1_000;

    @TempDir
    Path dir;

    /** Correlated scenes; the last {@link #CHANGED} pixels change, and after = gain * (before + noise) + offset. */
    private static PixelSample sample(double[] gain, double[] offset) {
        SplittableRandom random = new SplittableRandom(7);
        float[] values = new float[PIXELS * 2 * BANDS];
        for (int i = 0; i < PIXELS; i++) {
            double brightness = 1000 + 800 * random.nextDouble();
            double greenness = 2000 * random.nextDouble();
            for (int k = 0; k < BANDS; k++) {
                double before = brightness + (k == BANDS - 1 ? greenness : -0.2 * greenness) + 15 * gaussian(random);
                double surface = i >= PIXELS - CHANGED ? before + (k == 0 ? 900 : -700) : before;
                values[i * 2 * BANDS + k] = (float) before;
                values[i * 2 * BANDS + BANDS + k] = (float) (gain[k] * (surface + 15 * gaussian(random)) + offset[k]);
            }
        }
        return PixelSample.of(BANDS, values, PIXELS);
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private IrMad.Fit fit(PixelSample sample) {
        return IrMad.fit(sample, 30, new RecordingContext(dir), 0, 10);
    }

    private static double z(IrMad.Fit fit, PixelSample sample, int pixel) {
        double[] x = new double[BANDS];
        double[] y = new double[BANDS];
        IrMad.unpack(sample, pixel, x, y);
        return fit.transform().chiSquare(x, y);
    }

    @Test
    void convergesBeforeTheIterationLimit() {
        assertThat(fit(sample(new double[] {1, 1, 1}, new double[] {0, 0, 0})).converged()).isTrue();
    }

    @Test
    void separatesChangedFromUnchangedPixels() {
        PixelSample sample = sample(new double[] {1, 1, 1}, new double[] {0, 0, 0});
        IrMad.Fit fit = fit(sample);

        assertThat(z(fit, sample, PIXELS - 1)).isGreaterThan(100);
        assertThat(z(fit, sample, 0)).isLessThan(20);
    }

    @Test
    void ignoresPerBandGainAndOffsetBetweenDates() {
        PixelSample plain = sample(new double[] {1, 1, 1}, new double[] {0, 0, 0});
        PixelSample shifted = sample(new double[] {0.8, 1.1, 1.3}, new double[] {150, -80, 40});
        IrMad.Fit a = fit(plain);
        IrMad.Fit b = fit(shifted);

        for (int pixel : new int[] {0, 17, 5_000, PIXELS - 1}) {
            double za = z(a, plain, pixel);
            assertThat(z(b, shifted, pixel)).as("Z of pixel %d", pixel).isCloseTo(za, within(1e-3 * za + 1e-3));
        }
    }

    @Test
    void scalesUnchangedPixelsToChiSquareWithOneDegreePerBand() {
        PixelSample sample = sample(new double[] {1, 1, 1}, new double[] {0, 0, 0});
        IrMad.Fit fit = fit(sample);
        double sum = 0;
        for (int i = 0; i < PIXELS - CHANGED; i++) {
            sum += z(fit, sample, i);
        }

        assertThat(sum / (PIXELS - CHANGED)).isCloseTo(BANDS, within(0.15));
    }
}
