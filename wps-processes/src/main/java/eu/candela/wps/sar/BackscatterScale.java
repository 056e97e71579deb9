package eu.candela.wps.sar;

/**
 * What the pixel values of the input images are, and how they become linear intensity (power),
 * the quantity the ratio indices are defined on.
 */
public enum BackscatterScale {
    /** sigma0 (or any power) in decibels, as SARChangeDetectionPreprocessing writes it. */
    DB {
        @Override
        float toIntensity(float v) {
            return (float) Math.pow(10, v / 10.0);
        }
    },
    /** Linear power; values at or below zero are raised to {@link #INTENSITY_FLOOR} so ratios stay finite. */
    INTENSITY {
        @Override
        float toIntensity(float v) {
            return Math.max(v, INTENSITY_FLOOR);
        }
    },
    /**
     * Amplitude digital numbers (grey levels of the classic ERS pairs, zero allowed): intensity is
     * (a + 1)^2. The +1 is the customary offset of log-ratio on 8-bit amplitudes (zero grey levels
     * would make the ratio infinite); it compresses ratios only in the darkest pixels.
     */
    AMPLITUDE {
        @Override
        float toIntensity(float v) {
            float a = Math.max(v, 0f) + 1f;
            return a * a;
        }
    };

    static final float INTENSITY_FLOOR = 1e-10f;

    abstract float toIntensity(float v);
}
