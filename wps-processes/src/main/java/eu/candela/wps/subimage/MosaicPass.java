package eu.candela.wps.subimage;

import eu.candela.eodata.raster.BlockGrid;
import eu.candela.eodata.raster.CogWriter;
import eu.candela.eodata.raster.GeoTiffReader;
import eu.candela.eodata.raster.RasterBlock;
import eu.candela.wps.spi.ProcessContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one pass over the mosaic, output tile by output tile: each band of the probability is the
 * feathered average of the valid values of the sub-images covering the pixel (weights of
 * {@link MosaicLayout.Placed#weight}, nodata and NaN left out); the mask is the value of the
 * sub-image the pixel lies deepest in among those with a valid mask there, or, without mask
 * inputs, the blended probability above the threshold.
 *
 * <p>Memory is one output tile per band plus the readers of the sub-images meeting the current
 * row of tiles, which are opened when first met and closed once the row of tiles passes them.
 */
final class MosaicPass {

    static final int MASK_NODATA = 255;

    /** Pixel counts of the merged mask. */
    record Counts(long changed, long unchanged, long nodata) {
    }

    private final MosaicLayout probabilities;
    private final Map<Path, Path> maskOf;
    private final double threshold;
    private final float probabilityNodata;
    private final Map<Path, GeoTiffReader> open = new HashMap<>();
    private long changed;
    private long unchanged;
    private long nodata;

    /**
     * @param maskOf    each probability file's mask file, empty to derive the mask from the blended probability
     * @param threshold a blended probability above it is a change, when there are no masks
     */
    MosaicPass(MosaicLayout probabilities, Map<Path, Path> maskOf, double threshold, float probabilityNodata) {
        this.probabilities = probabilities;
        this.maskOf = Map.copyOf(maskOf);
        this.threshold = threshold;
        this.probabilityNodata = probabilityNodata;
    }

    Counts run(CogWriter probabilityWriter, CogWriter maskWriter, ProcessContext ctx, int fromPercent, int toPercent)
            throws IOException {
        int tile = probabilityWriter.tileSize();
        int width = probabilities.grid().width();
        int height = probabilities.grid().height();
        List<BlockGrid.Window> tiles = BlockGrid.of(width, height, tile);
        int done = 0;
        try {
            for (BlockGrid.Window t : tiles) {
                ctx.checkCancelled();
                RasterBlock[] out = tile(t, probabilityWriter.spec().bandCount());
                probabilityWriter.write(out[0]);
                maskWriter.write(out[1]);
                if (t.x() + t.width() == width) {
                    closePassed(t.y() + t.height());
                }
                done++;
                ctx.progress(fromPercent + (toPercent - fromPercent) * done / tiles.size(), "mosaic tile " + done + " of " + tiles.size());
            }
        } finally {
            closePassed(Integer.MAX_VALUE);
        }
        return new Counts(changed, unchanged, nodata);
    }

    private RasterBlock[] tile(BlockGrid.Window t, int bands) throws IOException {
        int n = t.width() * t.height();
        double[][] sum = new double[bands][n];
        double[][] weights = new double[bands][n];
        double[] bestDepth = new double[n];
        float[] maskValue = new float[n];
        java.util.Arrays.fill(bestDepth, -1);
        java.util.Arrays.fill(maskValue, MASK_NODATA);
        for (MosaicLayout.Placed p : candidates(t)) {
            int x0 = Math.max(t.x(), p.x());
            int y0 = Math.max(t.y(), p.y());
            int x1 = Math.min(t.x() + t.width(), p.x() + p.width());
            int y1 = Math.min(t.y() + t.height(), p.y() + p.height());
            RasterBlock values = reader(p.file()).read(x0 - p.x(), y0 - p.y(), x1 - x0, y1 - y0);
            RasterBlock masks = maskOf.isEmpty() ? null : reader(maskOf.get(p.file())).read(x0 - p.x(), y0 - p.y(), x1 - x0, y1 - y0);
            for (int row = y0; row < y1; row++) {
                for (int col = x0; col < x1; col++) {
                    int i = (row - t.y()) * t.width() + (col - t.x());
                    int j = (row - y0) * (x1 - x0) + (col - x0);
                    double w = p.weight(col, row);
                    for (int b = 0; b < bands; b++) {
                        float v = values.band(b)[j];
                        if (!Float.isNaN(v) && v != probabilityNodata) {
                            sum[b][i] += w * v;
                            weights[b][i] += w;
                        }
                    }
                    if (masks != null) {
                        float m = masks.band(0)[j];
                        double depth = p.depth(col, row);
                        if (m != MASK_NODATA && !Float.isNaN(m) && depth > bestDepth[i]) {
                            bestDepth[i] = depth;
                            maskValue[i] = m;
                        }
                    }
                }
            }
        }
        RasterBlock probability = new RasterBlock(t.x(), t.y(), t.width(), t.height(), bands);
        RasterBlock mask = new RasterBlock(t.x(), t.y(), t.width(), t.height(), 1);
        for (int i = 0; i < n; i++) {
            for (int b = 0; b < bands; b++) {
                probability.band(b)[i] = weights[b][i] > 0 ? (float) (sum[b][i] / weights[b][i]) : probabilityNodata;
            }
            float m;
            if (masks()) {
                m = maskValue[i];
            } else {
                m = weights[0][i] > 0 ? (probability.band(0)[i] > threshold ? 1 : 0) : MASK_NODATA;
            }
            mask.band(0)[i] = m;
            if (m == 1) {
                changed++;
            } else if (m == 0) {
                unchanged++;
            } else {
                nodata++;
            }
        }
        return new RasterBlock[] {probability, mask};
    }

    private boolean masks() {
        return !maskOf.isEmpty();
    }

    private List<MosaicLayout.Placed> candidates(BlockGrid.Window t) {
        List<MosaicLayout.Placed> meet = new ArrayList<>();
        for (MosaicLayout.Placed p : probabilities.placed()) {
            if (p.x() < t.x() + t.width() && t.x() < p.x() + p.width() && p.y() < t.y() + t.height() && t.y() < p.y() + p.height()) {
                meet.add(p);
            }
        }
        return meet;
    }

    private GeoTiffReader reader(Path file) throws IOException {
        GeoTiffReader reader = open.get(file);
        if (reader == null) {
            reader = GeoTiffReader.open(file);
            open.put(file, reader);
        }
        return reader;
    }

    /** Closes the readers of sub-images that end above mosaic row {@code row}. */
    private void closePassed(int row) throws IOException {
        for (MosaicLayout.Placed p : probabilities.placed()) {
            if (p.y() + p.height() <= row) {
                close(p.file());
                Path mask = maskOf.get(p.file());
                if (mask != null) {
                    close(mask);
                }
            }
        }
    }

    private void close(Path file) throws IOException {
        GeoTiffReader reader = open.remove(file);
        if (reader != null) {
            reader.close();
        }
    }
}
