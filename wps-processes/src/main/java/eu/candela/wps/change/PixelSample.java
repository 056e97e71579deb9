package eu.candela.wps.change;

import eu.candela.eodata.raster.BlockGrid;
import eu.candela.eodata.raster.RasterBlock;
import eu.candela.wps.spi.ProcessContext;
import java.io.IOException;

/**
 * A regular subsample of the valid pixels of a scene pair: every {@code stride}-th pixel of every
 * {@code stride}-th row, read block by block. The IR-MAD statistics are estimated on it, so memory
 * is bounded by the sample cap however large the scenes, while a regular grid still covers every
 * part of the scene.
 */
final class PixelSample {

    /** Bands per scene. */
    final int bands;
    /** Valid pixels kept. */
    final int count;
    /** Pixel i &lt; count: {@code values[i*2p .. i*2p+p-1]} before, the next p after; the tail is unused. */
    final float[] values;
    final int stride;

    private PixelSample(int bands, int count, float[] values, int stride) {
        this.bands = bands;
        this.count = count;
        this.values = values;
        this.stride = stride;
    }

    /** A sample of {@code count} pixels already in memory, laid out as {@link #values}. */
    static PixelSample of(int bands, float[] values, int count) {
        if (values.length < count * 2 * bands) {
            throw new IllegalArgumentException("values hold fewer than " + count + " pixels of " + bands + " bands");
        }
        return new PixelSample(bands, count, values, 1);
    }

    /**
     * Collects at most about {@code maxPixels} pixels, reporting progress from {@code fromPercent} to
     * {@code toPercent}.
     */
    static PixelSample collect(ScenePair scenes, int maxPixels, int blockSize, ProcessContext ctx,
                               int fromPercent, int toPercent) throws IOException {
        long total = (long) scenes.width() * scenes.height();
        int stride = (int) Math.max(1, Math.ceil(Math.sqrt((double) total / maxPixels)));
        int p = scenes.bandCount();
        long capacity = (long) ceilDiv(scenes.width(), stride) * ceilDiv(scenes.height(), stride);
        float[] values = new float[Math.toIntExact(capacity * 2 * p)];
        double[] x = new double[p];
        double[] y = new double[p];
        int count = 0;
        var windows = BlockGrid.of(scenes.width(), scenes.height(), blockSize);
        int done = 0;
        for (BlockGrid.Window w : windows) {
            ctx.checkCancelled();
            // Only windows holding a sampled row and column need reading.
            if (firstMultiple(w.y(), stride) < w.y() + w.height() && firstMultiple(w.x(), stride) < w.x() + w.width()) {
                RasterBlock[] blocks = scenes.read(w.x(), w.y(), w.width(), w.height());
                for (int row = firstMultiple(w.y(), stride); row < w.y() + w.height(); row += stride) {
                    for (int col = firstMultiple(w.x(), stride); col < w.x() + w.width(); col += stride) {
                        if (scenes.pixel(blocks, (row - w.y()) * w.width() + (col - w.x()), x, y) == null) {
                            int base = count * 2 * p;
                            for (int k = 0; k < p; k++) {
                                values[base + k] = (float) x[k];
                                values[base + p + k] = (float) y[k];
                            }
                            count++;
                        }
                    }
                }
            }
            done++;
            ctx.progress(fromPercent + (toPercent - fromPercent) * done / windows.size(), "sampling pixels");
        }
        return new PixelSample(p, count, values, stride);
    }

    private static int firstMultiple(int from, int stride) {
        return ceilDiv(from, stride) * stride;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
