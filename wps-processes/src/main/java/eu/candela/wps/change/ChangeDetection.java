package eu.candela.wps.change;

import eu.candela.wps.spi.Algorithm;
import eu.candela.wps.spi.DefaultValue;
import eu.candela.wps.spi.EoProcess;
import eu.candela.wps.spi.Formats;
import eu.candela.wps.spi.InvalidInputException;
import eu.candela.wps.spi.MediaTypes;
import eu.candela.wps.spi.OptionalParam;
import eu.candela.wps.spi.Param;
import eu.candela.wps.spi.ProcessContext;
import eu.candela.wps.spi.Range;
import eu.candela.wps.spi.RasterRef;
import eu.candela.wps.spi.Result;
import java.io.IOException;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import java.nio.file.Path;
import java.util.Arrays;
import eu.candela.eodata.raster.CogOptions;
import eu.candela.eodata.raster.CogWriter;
import eu.candela.eodata.raster.OverviewResampling;
import eu.candela.eodata.raster.RasterSpec;
import eu.candela.eodata.raster.SampleType;
import eu.candela.wps.internal.CogWriterGroup;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Unsupervised change detection between two co-registered multispectral scenes with the
 * iteratively reweighted multivariate alteration detection (IR-MAD) of A. A. Nielsen, "The
 * regularized iteratively reweighted MAD method for change detection in multi- and hyperspectral
 * data", IEEE Transactions on Image Processing 16(2):463-478, 2007.
 *
 * <p>MAD variates are the differences of canonical variates of the two scenes, so any per-band
 * linear radiometric difference (gain, offset, illumination, a uniform atmosphere) cancels out.
 * Their sum of squares, standardised, is chi-square distributed with one degree of freedom per band
 * over unchanged pixels; its distribution function is the change probability. Reweighting each
 * pixel by its probability of no change and refitting makes the transform be learnt from the
 * unchanged pixels. Two additions to the paper: the MAD scales are estimated robustly (see
 * {@link IrMad} for why), and the statistic is median-filtered over a small window before the cut,
 * which removes isolated noisy pixels; both are measured in the tests on synthetic and real pairs.
 *
 * <p>Real scenes have clouds, their shadows and no data. When the scenes carry a band described
 * {@code QUALITY} (as Jpeg2Tiff writes them: 0 no data, 1 clear, 2 cloud, 3 shadow, 4 snow, 5 water),
 * or explicit masks are given, pixels that are not clear (or water) in either date are left out of
 * the statistics fit and marked no data in the outputs: a cloud is neither a change nor evidence
 * about the unchanged radiometry.
 *
 * <p>Memory does not grow with the scenes: the statistics are fitted on a regular subsample of at
 * most {@link #MAX_SAMPLE_VALUES} values read block by block, then one pass tile by tile writes
 * the probability and the mask. Progress: sampling 0-30 %, iterations 30-50 %, the map 50-100 %.
 */
@EoProcess(id = "ChangeDetection", version = "1.0", title = "Optical change detection (IR-MAD)",
        description = "Finds changes between two co-registered multispectral scenes of the same grid with the "
                + "iteratively reweighted MAD transform (Nielsen 2007): a chi-square change probability per pixel, "
                + "insensitive to linear radiometric differences between the dates, and a change mask.")
public final class ChangeDetection implements Algorithm<ChangeDetection.In, ChangeDetection.Out> {

    /** Cap on sampled values (pixels x 2 x bands): 1 million pixels of a 4-band pair, 32 MB of floats. */
    static final int MAX_SAMPLE_VALUES = 8_000_000;
    private static final int SAMPLING_BLOCK = 512;

    public record In(
            @Param(title = "Earlier scene", description = "Multiband GeoTIFF of the first date")
            @Formats({MediaTypes.GEOTIFF, MediaTypes.COG}) RasterRef before,
            @Param(title = "Later scene", description = "Multiband GeoTIFF of the second date, on the grid of the first, same bands")
            @Formats({MediaTypes.GEOTIFF, MediaTypes.COG}) RasterRef after,
            @Param(title = "Bands", description = "Comma-separated 1-based band numbers to compare, for example 1,2,3,4; all bands when omitted")
            @OptionalParam String bands,
            @Param(title = "Iterations", description = "Largest number of IR-MAD reweighting iterations; fewer run when the canonical correlations settle")
            @DefaultValue("20") @Range(min = 1, max = 100) Integer iterations,
            @Param(title = "Probability threshold", description = "A pixel is marked changed when its change probability exceeds this "
                    + "value (with thresholdMethod PROBABILITY). The default is strict because a scene has millions of pixels: "
                    + "at 0.99 a 10-megapixel scene shows some 100,000 false alarms even where the statistical model holds")
            @DefaultValue("0.999999") @Range(min = 0, max = 1) Double threshold,
            @Param(title = "Threshold method", description = "PROBABILITY: use the threshold input; OTSU: choose the cut automatically from the histogram of the change statistic")
            @DefaultValue("PROBABILITY") ThresholdMethod thresholdMethod,
            @Param(title = "Median filter", description = "Side in pixels of the median filter applied to the change statistic before "
                    + "it becomes a probability: 1 for none; 3 removes isolated noisy pixels and keeps changed areas; odd")
            @DefaultValue("3") @Range(min = 1, max = 9) Integer medianFilter,
            @Param(title = "Mask of the earlier scene", description = "Optional single-band GeoTIFF on the grid of 'before': 0 where "
                    + "the pixel is clear, any other value (cloud, shadow, no data) leaves it out. For scenes without a QUALITY band; "
                    + "a band described QUALITY in it is read with the QUALITY codes instead")
            @Formats({MediaTypes.GEOTIFF, MediaTypes.COG}) @OptionalParam RasterRef beforeMask,
            @Param(title = "Mask of the later scene", description = "As beforeMask, for 'after'")
            @Formats({MediaTypes.GEOTIFF, MediaTypes.COG}) @OptionalParam RasterRef afterMask,
            @Param(title = "Mask snow", description = "Whether QUALITY 4 (snow / ice) pixels are left out like clouds: snow cover "
                    + "comes and goes with the season and would otherwise dominate the changes")
            @DefaultValue("true") Boolean maskSnow,
            @Param(title = "Allow an empty result", description = "When the scenes share too few clear pixels to fit the statistics "
                    + "(a sub-image under cloud or outside the swath): true writes all-no-data outputs with no changes, false "
                    + "refuses the input 'after'. The optical chain sets it, so one cloudy sub-image does not fail the tile")
            @DefaultValue("false") Boolean allowEmpty) {
    }

    public record Out(
            @Result(title = "Change probability", description = "Float32 COG, chi-square change probability 0..1, -1 where either "
                    + "scene has no data, cloud, cloud shadow or snow (QUALITY band) or is masked",
                    mediaType = MediaTypes.COG, style = "change_probability") Path probability,
            @Result(title = "Change mask", description = "Uint8 COG: 1 change, 0 no change, 255 no data, cloud, shadow, snow or masked",
                    mediaType = MediaTypes.COG, style = "change_mask") Path mask,
            @Result(title = "Changed pixels", description = "Number of pixels marked changed") Integer changedPixels,
            @Result(title = "Changed fraction", description = "Changed pixels over valid pixels") Double changedFraction,
            @Result(title = "Statistics", description = "Pixel counts per class, threshold, canonical correlations, iterations",
                    mediaType = MediaTypes.JSON) Path statistics,
            @Result(title = "Preview", description = "PNG of the later scene with the changes in red, at most 1024 pixels across",
                    mediaType = "image/png") Path preview) {
    }

    /** Largest side of the preview picture, in pixels. */
    static final int PREVIEW_SIZE = 1024;

    @Override
    public Out run(In in, ProcessContext ctx) throws IOException {
        if (in.medianFilter() % 2 == 0) {
            throw new InvalidInputException("medianFilter", "must be odd (1, 3, 5 ...), got " + in.medianFilter());
        }
        ScenePair.Sources sources = new ScenePair.Sources(in.before().path(), in.after().path(), path(in.beforeMask()),
                path(in.afterMask()), in.maskSnow() == null || in.maskSnow());
        try (ScenePair scenes = ScenePair.open(sources, in.bands())) {
            ctx.log().info("Comparing {} x {} pixels, bands {}{}", scenes.width(), scenes.height(), Arrays.toString(scenes.bandNumbers()),
                    scenes.hasQualityBand() ? ", clouds, shadows and no data masked by the QUALITY band" : "");
            PixelSample sample = PixelSample.collect(scenes, MAX_SAMPLE_VALUES / (2 * scenes.bandCount()), SAMPLING_BLOCK, ctx, 0, 30);
            if (sample.count < 40 * scenes.bandCount() && Boolean.TRUE.equals(in.allowEmpty())) {
                return empty(in, scenes, sample, ctx);
            }
            if (sample.count < 40 * scenes.bandCount()) {
                throw new InvalidInputException("after", "shares only " + sample.count
                        + " sampled valid pixels with 'before' (clear of clouds, shadows, snow and masks in both dates); "
                        + "too few to estimate the change statistics");
            }
            ctx.log().info("Sampled {} valid pixels (every {}th row and column)", sample.count, sample.stride);
            IrMad.Fit fit = IrMad.fit(sample, in.iterations(), ctx, 30, 50);
            ctx.log().info("IR-MAD {} after {} iterations; canonical correlations {}", fit.converged() ? "converged" : "stopped",
                    fit.iterations(), Arrays.toString(fit.transform().canonicalCorrelations()));
            double zThreshold = chiSquareThreshold(in, sample, fit.transform());
            double threshold = ChiSquare.cdf(scenes.bandCount(), zThreshold);
            ctx.log().info("Change where the chi-square statistic exceeds {} (probability {})", zThreshold, threshold);

            Path probability = ctx.outputDirectory().resolve("change_probability.tif");
            Path mask = ctx.outputDirectory().resolve("change_mask.tif");
            Map<String, String> metadata = Map.of("PROCESS", "ChangeDetection IR-MAD",
                    "THRESHOLD", Double.toString(threshold), "MEDIAN_FILTER", Integer.toString(in.medianFilter()));
            ChangeMapPass.Counts counts = ChangeMapPass.run(scenes, fit.transform(), in.medianFilter(), zThreshold,
                    probability, mask, metadata, ctx, 50, 100);
            double fraction = counts.valid() == 0 ? 0 : (double) counts.changed() / counts.valid();
            ctx.log().info("{} of {} valid pixels changed ({} %)", counts.changed(), counts.valid(),
                    String.format(Locale.ROOT, "%.3f", 100 * fraction));

            Path statistics = ctx.outputDirectory().resolve("change_statistics.json");
            new ChangeStatistics("IR-MAD", scenes.bandNumbers(), in.thresholdMethod(), threshold,
                    Double.isInfinite(zThreshold) ? null : zThreshold, in.medianFilter(), fit.iterations(), fit.converged(),
                    fit.transform().canonicalCorrelations(), fit.transform().madStandardDeviations(), sample.count, sample.stride,
                    counts.changed(), counts.unchanged(), counts.nodata(), ChangeStatistics.byReason(counts.excluded()),
                    scenes.hasQualityBand(), fraction).write(statistics);
            Path preview = ctx.outputDirectory().resolve("change_preview.png");
            ChangePreview.write(in.after().path(), mask, preview, PREVIEW_SIZE);
            return new Out(probability, mask, Math.toIntExact(counts.changed()), fraction, statistics, preview);
        }
    }

    /**
     * No-data outputs for scenes with too few clear pixels in common: the COG writers fill every tile
     * never written with nodata, so nothing is read or computed.
     */
    private static Out empty(In in, ScenePair scenes, PixelSample sample, ProcessContext ctx) throws IOException {
        ctx.log().warn("Only {} sampled pixels are clear in both dates; too few to fit, so the outputs are all no data", sample.count);
        Path probability = ctx.outputDirectory().resolve("change_probability.tif");
        Path mask = ctx.outputDirectory().resolve("change_mask.tif");
        Map<String, String> metadata = Map.of("PROCESS", "ChangeDetection IR-MAD", "NOTE", "too few clear pixels to compare");
        try (CogWriterGroup group = new CogWriterGroup()) {
            group.add(CogWriter.create(probability, new RasterSpec(scenes.grid(), 1, SampleType.FLOAT32,
                    (double) ChangeMapPass.PROBABILITY_NODATA, List.of("change probability"), metadata), CogOptions.defaults()));
            group.add(CogWriter.create(mask, new RasterSpec(scenes.grid(), 1, SampleType.UINT8, (double) ChangeMapPass.MASK_NODATA,
                    List.of("change mask: 1 change, 0 no change"), metadata),
                    CogOptions.defaults().withOverviewResampling(OverviewResampling.NEAREST)));
            group.commit();
        }
        long pixels = (long) scenes.width() * scenes.height();
        Path statistics = ctx.outputDirectory().resolve("change_statistics.json");
        new ChangeStatistics("IR-MAD", scenes.bandNumbers(), in.thresholdMethod(), in.threshold(), null, in.medianFilter(), 0, false,
                new double[0], new double[0], sample.count, sample.stride, 0, 0, pixels, ChangeStatistics.byReason(Map.of()),
                scenes.hasQualityBand(), 0).write(statistics);
        Path preview = ctx.outputDirectory().resolve("change_preview.png");
        ChangePreview.write(in.after().path(), mask, preview, PREVIEW_SIZE);
        ctx.progress(100, "no clear pixels in common");
        return new Out(probability, mask, 0, 0.0, statistics, preview);
    }

    private static Path path(RasterRef ref) {
        return ref == null ? null : ref.path();
    }

    /**
     * The cut on the chi-square statistic Z. Cutting Z rather than the probability matters: for
     * strong changes the probability rounds to 1, and a cut at 1 would keep nothing.
     */
    private static double chiSquareThreshold(In in, PixelSample sample, MadTransform transform) {
        if (in.thresholdMethod() == ThresholdMethod.OTSU) {
            double[] x = new double[sample.bands];
            double[] y = new double[sample.bands];
            double[] logZ = new double[sample.count];
            for (int i = 0; i < sample.count; i++) {
                IrMad.unpack(sample, i, x, y);
                logZ[i] = Math.log1p(transform.chiSquare(x, y));
            }
            return Math.expm1(Otsu.threshold(logZ, sample.count));
        }
        return in.threshold() >= 1 ? Double.POSITIVE_INFINITY
                : new ChiSquaredDistribution(sample.bands).inverseCumulativeProbability(in.threshold());
    }
}
