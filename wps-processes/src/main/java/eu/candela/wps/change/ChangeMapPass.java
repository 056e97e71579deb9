package eu.candela.wps.change;

import eu.candela.eodata.raster.CogOptions;
import eu.candela.eodata.raster.CogWriter;
import eu.candela.eodata.raster.OverviewResampling;
import eu.candela.eodata.raster.RasterBlock;
import eu.candela.eodata.raster.RasterSpec;
import eu.candela.eodata.raster.SampleType;
import eu.candela.wps.internal.CogWriterGroup;
import eu.candela.wps.spi.ProcessContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The one full pass over the scenes: the chi-square statistic Z of the fitted MAD transform per
 * pixel, a median filter over a square window (which removes isolated noise pixels but keeps
 * changed areas and their straight edges), the change probability and the mask, written tile by
 * tile as two COGs.
 *
 * <p>Pixels that are not usable in both dates (no data, cloud, cloud shadow, snow, masked; see
 * {@link ScenePair#pixel}) have no statistic: they are -1 in the probability and 255 in the mask,
 * and the median filter of their neighbours leaves them out, so a cloud edge does not leak into
 * the clear pixels beside it.
 *
 * <p>The filter needs neighbours across tile edges, but reading a window with a halo would decode
 * up to nine tiles for each one. So Z is computed once per tile, tile-aligned, into strips of one
 * tile row, and a tile row is filtered once the next one is known: memory is three strips of
 * floats, which grows with the scene's width but not its height.
 */
final class ChangeMapPass {

    static final float PROBABILITY_NODATA = -1f;
    static final int MASK_NODATA = 255;

    /**
     * Pixel counts of the mask.
     *
     * @param excluded the {@code nodata} pixels by reason, in {@link PixelExclusion} order
     */
    record Counts(long changed, long unchanged, long nodata, Map<PixelExclusion, Long> excluded) {
        Counts {
            excluded = Map.copyOf(excluded);
        }

        long valid() { return changed + unchanged; }
    }

    private final ScenePair scenes;
    private final MadTransform transform;
    private final int radius;
    private final double zThreshold;
    private final ProcessContext ctx;
    private final int tile;
    private final int tileRows;
    private final int tileColumns;
    private long changed;
    private long unchanged;
    private long nodata;
    private final long[] excluded = new long[PixelExclusion.values().length];
    private int tilesDone;

    private ChangeMapPass(ScenePair scenes, MadTransform transform, int filterSize, double zThreshold, int tile, ProcessContext ctx) {
        this.scenes = scenes;
        this.transform = transform;
        this.radius = filterSize / 2;
        this.zThreshold = zThreshold;
        this.ctx = ctx;
        this.tile = tile;
        this.tileRows = (scenes.height() + tile - 1) / tile;
        this.tileColumns = (scenes.width() + tile - 1) / tile;
    }

    /**
     * @param filterSize side of the median filter window, odd; 1 for none
     * @param zThreshold a valid pixel is changed when its (filtered) chi-square statistic exceeds this
     */
    static Counts run(ScenePair scenes, MadTransform transform, int filterSize, double zThreshold, Path probabilityFile,
                      Path maskFile, Map<String, String> metadata, ProcessContext ctx, int fromPercent, int toPercent)
            throws IOException {
        RasterSpec probabilitySpec = new RasterSpec(scenes.grid(), 1, SampleType.FLOAT32, (double) PROBABILITY_NODATA,
                List.of("change probability"), metadata);
        RasterSpec maskSpec = new RasterSpec(scenes.grid(), 1, SampleType.UINT8, (double) MASK_NODATA,
                List.of("change mask: 1 change, 0 no change"), metadata);
        try (CogWriterGroup group = new CogWriterGroup()) {
            CogWriter probability = group.add(CogWriter.create(probabilityFile, probabilitySpec, CogOptions.defaults()));
            CogWriter mask = group.add(CogWriter.create(maskFile, maskSpec,
                    CogOptions.defaults().withOverviewResampling(OverviewResampling.NEAREST)));
            ChangeMapPass pass = new ChangeMapPass(scenes, transform, filterSize, zThreshold, probability.tileSize(), ctx);
            pass.write(probability, mask, fromPercent, toPercent - 1);
            ctx.progress(toPercent - 1, "building overviews");
            group.commit();
            Map<PixelExclusion, Long> excluded = new EnumMap<>(PixelExclusion.class);
            for (PixelExclusion reason : PixelExclusion.values()) {
                excluded.put(reason, pass.excluded[reason.ordinal()]);
            }
            return new Counts(pass.changed, pass.unchanged, pass.nodata, excluded);
        }
    }

    private void write(CogWriter probability, CogWriter mask, int fromPercent, int toPercent) throws IOException {
        float[] previous = null;
        float[] current = statistic(0, fromPercent, toPercent);
        for (int row = 0; row < tileRows; row++) {
            float[] next = row + 1 < tileRows ? statistic(row + 1, fromPercent, toPercent) : null;
            classify(row, previous, current, next, probability, mask);
            previous = current;
            current = next;
        }
    }

    /** Z for every pixel of tile row {@code row}, NaN where not valid; strip-wide, row-major. */
    private float[] statistic(int row, int fromPercent, int toPercent) throws IOException {
        int y = row * tile;
        int height = Math.min(tile, scenes.height() - y);
        int width = scenes.width();
        float[] strip = new float[width * height];
        int p = transform.bandCount();
        double[] xs = new double[p];
        double[] ys = new double[p];
        for (int column = 0; column < tileColumns; column++) {
            ctx.checkCancelled();
            int x = column * tile;
            int w = Math.min(tile, width - x);
            RasterBlock[] blocks = scenes.read(x, y, w, height);
            for (int r = 0; r < height; r++) {
                for (int c = 0; c < w; c++) {
                    PixelExclusion exclusion = scenes.pixel(blocks, r * w + c, xs, ys);
                    if (exclusion == null) {
                        strip[r * width + x + c] = (float) transform.chiSquare(xs, ys);
                    } else {
                        strip[r * width + x + c] = Float.NaN;
                        excluded[exclusion.ordinal()]++;
                    }
                }
            }
            tilesDone++;
            ctx.progress(fromPercent + (toPercent - fromPercent) * tilesDone / (tileRows * tileColumns),
                    "change map tile " + tilesDone + " of " + tileRows * tileColumns);
        }
        return strip;
    }

    private void classify(int row, float[] previous, float[] current, float[] next, CogWriter probabilityWriter,
                          CogWriter maskWriter) throws IOException {
        int y = row * tile;
        int height = current.length / scenes.width();
        double[] window = new double[(2 * radius + 1) * (2 * radius + 1)];
        for (int column = 0; column < tileColumns; column++) {
            int x = column * tile;
            int w = Math.min(tile, scenes.width() - x);
            RasterBlock probability = new RasterBlock(x, y, w, height, 1);
            RasterBlock mask = new RasterBlock(x, y, w, height, 1);
            for (int r = 0; r < height; r++) {
                for (int c = 0; c < w; c++) {
                    int i = r * w + c;
                    if (Float.isNaN(current[r * scenes.width() + x + c])) {
                        probability.band(0)[i] = PROBABILITY_NODATA;
                        mask.band(0)[i] = MASK_NODATA;
                        nodata++;
                        continue;
                    }
                    double z = radius == 0 ? current[r * scenes.width() + x + c]
                            : median(previous, current, next, x + c, r, window);
                    probability.band(0)[i] = (float) ChiSquare.cdf(transform.bandCount(), z);
                    if (z > zThreshold) {
                        mask.band(0)[i] = 1;
                        changed++;
                    } else {
                        unchanged++;
                    }
                }
            }
            probabilityWriter.write(probability);
            maskWriter.write(mask);
        }
    }

    /** Median of the valid Z values in the window around column {@code col}, row {@code r} of the current strip. */
    private double median(float[] previous, float[] current, float[] next, int col, int r, double[] window) {
        int width = scenes.width();
        int currentHeight = current.length / width;
        int count = 0;
        for (int dr = -radius; dr <= radius; dr++) {
            int rr = r + dr;
            float[] strip = current;
            if (rr < 0) {
                strip = previous;
                rr += tile;
            } else if (rr >= currentHeight) {
                strip = next;
                rr -= currentHeight;
            }
            if (strip == null) {
                continue;
            }
            for (int dc = -radius; dc <= radius; dc++) {
                int cc = col + dc;
                if (cc < 0 || cc >= width) {
                    continue;
                }
                float z = strip[rr * width + cc];
                if (!Float.isNaN(z)) {
                    window[count++] = z;
                }
            }
        }
        Arrays.sort(window, 0, count);
        return count % 2 == 1 ? window[count / 2] : (window[count / 2 - 1] + window[count / 2]) / 2;
    }
}
