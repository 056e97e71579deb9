package eu.candela.wps.sar.preprocessing;

import eu.candela.eodata.raster.RasterBlock;
import eu.candela.eodata.sentinel1.CalibrationType;
import eu.candela.eodata.sentinel1.RadiometricCalibrator;
import eu.candela.eodata.sentinel1.Sentinel1Band;
import java.io.IOException;

/**
 * Turns one polarisation of a GRD into sigma0 in dB on map pixels, one map window at a time: reads
 * just the window of the measurement the map pixels look at (plus the filter's margin), removes
 * thermal noise and calibrates to sigma0, multilooks, filters speckle, and samples bilinearly at the
 * map pixels' image positions. Multilook cells are aligned to the whole image and the margin covers
 * the filter, so adjacent windows give the same values as one big window would.
 */
final class BandRenderer {
    static final float NODATA = -9999f;
    /** sigma0 floor before the logarithm: noise removal can leave 0, which has no dB value. */
    static final double SIGMA0_FLOOR = 1e-5;

    private final Sentinel1Band band;
    private final RadiometricCalibrator calibrator;
    private final int azimuthLooks;
    private final int rangeLooks;
    private final SpeckleFilter filter;
    private final int window;
    private final double enl;
    private final StepTimes times;

    BandRenderer(Sentinel1Band band, int azimuthLooks, int rangeLooks, SpeckleFilter filter, int window, double enl, StepTimes times) {
        this.band = band;
        this.calibrator = band.calibrator(CalibrationType.SIGMA0, true);
        this.azimuthLooks = azimuthLooks;
        this.rangeLooks = rangeLooks;
        this.filter = filter;
        this.window = window;
        this.enl = enl;
        this.times = times;
    }

    /** Image rectangle, in multilooked cells, that {@code positions} need: {row0, col0, row1, col1} inclusive, or null when outside. */
    int[] cellsNeeded(double[] lines, double[] pixels) {
        int width = band.annotation().width();
        int height = band.annotation().height();
        double minL = Double.POSITIVE_INFINITY;
        double maxL = Double.NEGATIVE_INFINITY;
        double minP = Double.POSITIVE_INFINITY;
        double maxP = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i] >= -0.5 && lines[i] <= height - 0.5 && pixels[i] >= -0.5 && pixels[i] <= width - 0.5) {
                minL = Math.min(minL, lines[i]);
                maxL = Math.max(maxL, lines[i]);
                minP = Math.min(minP, pixels[i]);
                maxP = Math.max(maxP, pixels[i]);
            }
        }
        if (minL > maxL) {
            return null;
        }
        int margin = window / 2 + 2;
        int rows = (height + azimuthLooks - 1) / azimuthLooks;
        int cols = (width + rangeLooks - 1) / rangeLooks;
        return new int[] {
            Math.max(0, (int) Math.floor(minL / azimuthLooks) - margin), Math.max(0, (int) Math.floor(minP / rangeLooks) - margin),
            Math.min(rows - 1, (int) Math.floor(maxL / azimuthLooks) + margin), Math.min(cols - 1, (int) Math.floor(maxP / rangeLooks) + margin)};
    }

    /** sigma0 in dB at the image positions, {@link #NODATA} outside the image or where it has no data. */
    float[] render(double[] lines, double[] pixels) throws IOException {
        float[] out = new float[lines.length];
        java.util.Arrays.fill(out, NODATA);
        int[] cells = cellsNeeded(lines, pixels);
        if (cells == null) {
            return out;
        }
        int cellRows = cells[2] - cells[0] + 1;
        int cellCols = cells[3] - cells[1] + 1;
        int line0 = cells[0] * azimuthLooks;
        int pixel0 = cells[1] * rangeLooks;
        int lineCount = Math.min(band.annotation().height(), (cells[2] + 1) * azimuthLooks) - line0;
        int pixelCount = Math.min(band.annotation().width(), (cells[3] + 1) * rangeLooks) - pixel0;

        long t = System.nanoTime();
        RasterBlock dn = band.readDigitalNumbers(pixel0, line0, pixelCount, lineCount);
        times.add(StepTimes.Step.READ, t);
        t = System.nanoTime();
        calibrator.calibrate(dn);
        times.add(StepTimes.Step.CALIBRATION, t);
        t = System.nanoTime();
        float[] looked = multilook(dn.band(0), pixelCount, lineCount, cellCols, cellRows);
        times.add(StepTimes.Step.MULTILOOK, t);
        t = System.nanoTime();
        float[] filtered = new float[looked.length];
        filter.apply(looked, cellCols, cellRows, window, enl, filtered);
        times.add(StepTimes.Step.SPECKLE_FILTER, t);
        t = System.nanoTime();
        int height = band.annotation().height();
        int width = band.annotation().width();
        for (int i = 0; i < out.length; i++) {
            if (lines[i] < -0.5 || lines[i] > height - 0.5 || pixels[i] < -0.5 || pixels[i] > width - 0.5) {
                continue;
            }
            // Cell centres sit at (cell + 0.5) * looks - 0.5 in image coordinates.
            double y = (lines[i] + 0.5) / azimuthLooks - 0.5 - cells[0];
            double x = (pixels[i] + 0.5) / rangeLooks - 0.5 - cells[1];
            double v = sample(filtered, cellCols, cellRows, x, y);
            if (!Double.isNaN(v)) {
                out[i] = (float) (10 * Math.log10(Math.max(SIGMA0_FLOOR, v)));
            }
        }
        times.add(StepTimes.Step.RESAMPLING, t);
        return out;
    }

    /** Means of looks x looks cells over their valid pixels; a cell with fewer than half valid is no data. */
    private float[] multilook(float[] values, int w, int h, int cols, int rows) {
        if (azimuthLooks == 1 && rangeLooks == 1) {
            return values;
        }
        float[] out = new float[cols * rows];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double sum = 0;
                int n = 0;
                int total = 0;
                for (int dy = 0; dy < azimuthLooks; dy++) {
                    int y = r * azimuthLooks + dy;
                    if (y >= h) {
                        break;
                    }
                    for (int dx = 0; dx < rangeLooks; dx++) {
                        int x = c * rangeLooks + dx;
                        if (x >= w) {
                            break;
                        }
                        total++;
                        float v = values[y * w + x];
                        if (!Float.isNaN(v)) {
                            sum += v;
                            n++;
                        }
                    }
                }
                out[r * cols + c] = n == 0 || 2 * n < total ? Float.NaN : (float) (sum / n);
            }
        }
        return out;
    }

    /** Bilinear over the valid neighbours (weights renormalised), NaN when none is valid. */
    private static double sample(float[] img, int w, int h, double x, double y) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double u = x - x0;
        double v = y - y0;
        double sum = 0;
        double weights = 0;
        for (int dy = 0; dy <= 1; dy++) {
            int yy = y0 + dy;
            if (yy < 0 || yy >= h) {
                continue;
            }
            double wy = dy == 0 ? 1 - v : v;
            for (int dx = 0; dx <= 1; dx++) {
                int xx = x0 + dx;
                if (xx < 0 || xx >= w) {
                    continue;
                }
                double wx = dx == 0 ? 1 - u : u;
                float value = img[yy * w + xx];
                if (!Float.isNaN(value) && wx * wy > 0) {
                    sum += wx * wy * value;
                    weights += wx * wy;
                }
            }
        }
        return weights > 0 ? sum / weights : Double.NaN;
    }
}
