package eu.candela.wps.change;

import eu.candela.eodata.raster.BlockGrid;
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
import java.util.List;
import java.util.Map;

/**
 * The one full pass over the scenes: per pixel the chi-square statistic of the fitted MAD
 * transform, its change probability, and the mask, written tile by tile as two COGs.
 */
final class ChangeMapPass {

    static final float PROBABILITY_NODATA = -1f;
    static final int MASK_NODATA = 255;

    /** Pixel counts of the mask. */
    record Counts(long changed, long unchanged, long nodata) {
        long valid() { return changed + unchanged; }
    }

    private ChangeMapPass() {
    }

    /**
     * @param threshold a valid pixel is changed when its change probability exceeds this
     */
    static Counts run(ScenePair scenes, MadTransform transform, double threshold, Path probabilityFile, Path maskFile,
                      Map<String, String> metadata, ProcessContext ctx, int fromPercent, int toPercent) throws IOException {
        RasterSpec probabilitySpec = new RasterSpec(scenes.grid(), 1, SampleType.FLOAT32, (double) PROBABILITY_NODATA,
                List.of("change probability"), metadata);
        RasterSpec maskSpec = new RasterSpec(scenes.grid(), 1, SampleType.UINT8, (double) MASK_NODATA,
                List.of("change mask: 1 change, 0 no change"), metadata);
        int p = transform.bandCount();
        double[] x = new double[p];
        double[] y = new double[p];
        long changed = 0;
        long unchanged = 0;
        long nodata = 0;
        try (CogWriterGroup group = new CogWriterGroup()) {
            CogWriter probabilityWriter = group.add(CogWriter.create(probabilityFile, probabilitySpec, CogOptions.defaults()));
            CogWriter maskWriter = group.add(CogWriter.create(maskFile, maskSpec,
                    CogOptions.defaults().withOverviewResampling(OverviewResampling.NEAREST)));
            List<BlockGrid.Window> windows = BlockGrid.of(scenes.width(), scenes.height(), probabilityWriter.tileSize());
            int done = 0;
            for (BlockGrid.Window w : windows) {
                ctx.checkCancelled();
                RasterBlock[] blocks = scenes.read(w.x(), w.y(), w.width(), w.height());
                RasterBlock probability = new RasterBlock(w.x(), w.y(), w.width(), w.height(), 1);
                RasterBlock mask = new RasterBlock(w.x(), w.y(), w.width(), w.height(), 1);
                float[] probabilities = probability.band(0);
                float[] classes = mask.band(0);
                for (int i = 0; i < probabilities.length; i++) {
                    if (!scenes.pixel(blocks, i, x, y)) {
                        probabilities[i] = PROBABILITY_NODATA;
                        classes[i] = MASK_NODATA;
                        nodata++;
                        continue;
                    }
                    double changeProbability = ChiSquare.cdf(p, transform.chiSquare(x, y));
                    probabilities[i] = (float) changeProbability;
                    if (changeProbability > threshold) {
                        classes[i] = 1;
                        changed++;
                    } else {
                        unchanged++;
                    }
                }
                probabilityWriter.write(probability);
                maskWriter.write(mask);
                done++;
                ctx.progress(fromPercent + (toPercent - 1 - fromPercent) * done / windows.size(),
                        "change map block " + done + " of " + windows.size());
            }
            ctx.progress(toPercent - 1, "building overviews");
            group.commit();
        }
        return new Counts(changed, unchanged, nodata);
    }
}
