package eu.candela.wps.samples;

/**
 * The radiometry of a generated GRD image, as the calibration and noise annotations will describe
 * it: calibration constants from the incidence angle (beta0 constant at 474 as in real IW
 * products, sigma0 = beta0 / sqrt(sin(incidence)), gamma0 = beta0 / sqrt(tan(incidence))), and a
 * thermal noise of the three sub-swaths of the full 250 km swath, each a bowl in range
 * (noise-equivalent sigma0 from -25 dB at the sub-swath centre to -22 dB at its edges) times an
 * azimuth scalloping of +-4 % with its own phase per sub-swath. The DN generator and the
 * annotations use the same functions, so calibrating with the annotations must give back the
 * sigma0 that was put in. Immutable.
 */
final class GrdRadiometry {
    static final double BETA0 = 474.0;
    static final int SWATHS = 3;
    private static final double SUB_SWATH = GrdGeometry.SWATH_WIDTH / SWATHS;

    private final GrdGeometry geometry;

    GrdRadiometry(GrdGeometry geometry) {
        this.geometry = geometry;
    }

    double sigma0Constant(double pixel) {
        return BETA0 / Math.sqrt(Math.sin(Math.toRadians(geometry.incidenceAngle(pixel))));
    }

    double gammaConstant(double pixel) {
        return BETA0 / Math.sqrt(Math.tan(Math.toRadians(geometry.incidenceAngle(pixel))));
    }

    /** Sub-swath (0..2) of a pixel. */
    int swath(double pixel) {
        return (int) Math.max(0, Math.min(SWATHS - 1, Math.floor(geometry.acrossSwath(pixel) / SUB_SWATH)));
    }

    /** First pixel of sub-swath {@code s} in this image, clamped to 0..width. */
    int firstPixelOfSwath(int s) {
        if (s == 0) {
            return 0;
        }
        double first = Math.ceil((s * SUB_SWATH - geometry.acrossSwath(0)) / geometry.spacing());
        // The pixel must also be classified into s by swath(), which rounds the other way at the boundary.
        int p = (int) Math.max(0, Math.min(geometry.width(), first));
        while (p < geometry.width() && swath(p) < s) {
            p++;
        }
        while (p > 0 && swath(p - 1) >= s) {
            p--;
        }
        return p;
    }

    /** Last pixel of sub-swath {@code s}; below its first pixel when the image does not reach it. */
    int lastPixelOfSwath(int s) {
        return s == SWATHS - 1 ? geometry.width() - 1 : firstPixelOfSwath(s + 1) - 1;
    }

    /** Range noise power in DN^2, before the azimuth factor. */
    double rangeNoise(double pixel) {
        double across = geometry.acrossSwath(pixel);
        int s = swath(pixel);
        double u = (across - (s + 0.5) * SUB_SWATH) / (SUB_SWATH / 2);
        double neszDb = -25 + 3 * u * u;
        double a = sigma0Constant(pixel);
        return Math.pow(10, neszDb / 10) * a * a;
    }

    /** Azimuth noise factor of sub-swath {@code s} at {@code line}. */
    double azimuthNoise(int s, double line) {
        return 1 + 0.04 * Math.sin(2 * Math.PI * line / 700.0 + 1.3 * s);
    }

    /** Total noise power in DN^2 at (line, pixel). */
    double noise(int line, int pixel) {
        return rangeNoise(pixel) * azimuthNoise(swath(pixel), line);
    }
}
