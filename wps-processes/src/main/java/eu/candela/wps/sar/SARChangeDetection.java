package eu.candela.wps.sar;

import eu.candela.eodata.raster.CogOptions;
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
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Unsupervised change detection between two SAR backscatter images of one grid (the output of
 * SARChangeDetectionPreprocessing: sigma0 in dB, bands VV / VH): a signed change index, then
 * either two automatic thresholds on its histogram or an unsupervised classifier, giving a map of
 * increase / decrease / no change and a change probability.
 *
 * <p>Two passes over the images, block by block with a halo, memory bounded by the block size:
 * the first gathers the index histogram (thresholds) or a capped sample of features (classifier),
 * the second classifies and writes the outputs. Progress: first pass 0-40 %, second 40-95 %,
 * preview and statistics to 100 %.
 */
@EoProcess(id = "SARChangeDetection", version = "1.0", title = "SAR change detection",
        description = "Finds where backscatter rose or fell between two co-registered SAR images of one grid: a change index "
                + "(log-ratio, mean-ratio or neighbourhood ratio), cut by automatic thresholds (Kittler-Illingworth under a "
                + "generalized Gaussian or Gaussian model, or Otsu) or split by an unsupervised classifier (PCA-k-means, "
                + "fuzzy c-means); outputs a change map (increase / decrease), a change probability and the index.")
public final class SARChangeDetection implements Algorithm<SARChangeDetection.In, SARChangeDetection.Out> {

    /** Cap on the pixels a classifier is fitted on. */
    static final int SAMPLE_CAP = 200_000;
    /** Side of a processing block: 4 x 4 output tiles. */
    static final int BLOCK_SIZE = 2048;
    static final int PREVIEW_SIZE = 1024;

    public record In(
            @Param(title = "Earlier image", description = "GeoTIFF / COG of the first date (for example SARChangeDetectionPreprocessing output)")
            @Formats({MediaTypes.GEOTIFF, MediaTypes.COG}) RasterRef before,
            @Param(title = "Later image", description = "GeoTIFF / COG of the second date, on the grid of the first (same CRS, transform and size)")
            @Formats({MediaTypes.GEOTIFF, MediaTypes.COG}) RasterRef after,
            @Param(title = "Band", description = "The polarisation to compare, by band description (VV, VH, HH, HV) or as a 1-based band number; band 1 when omitted")
            @OptionalParam String band,
            @Param(title = "Scale", description = "What the pixel values are: DB (sigma0 in decibels, the preprocessing output), INTENSITY (linear power) or AMPLITUDE (amplitude digital numbers)")
            @DefaultValue("DB") BackscatterScale scale,
            @Param(title = "Change index", description = "LOG_RATIO (per pixel, in dB), MEAN_RATIO (Inglada and Mercier 2007) or NEIGHBOURHOOD_RATIO (Gong et al. 2012); signed, positive for an increase")
            @DefaultValue("NEIGHBOURHOOD_RATIO") ChangeIndex index,
            @Param(title = "Index window", description = "Side in pixels of the window of the mean-ratio and neighbourhood-ratio indices; odd")
            @DefaultValue("5") @Range(min = 1, max = 15) Integer window,
            @Param(title = "Threshold method", description = "How the index is cut when no classifier is given: KI_GENERALIZED_GAUSSIAN, KI_GAUSSIAN (minimum error; on the log-ratio the log-normal model) or OTSU; two thresholds, decrease | no change | increase")
            @DefaultValue("KI_GENERALIZED_GAUSSIAN") ThresholdMethod thresholdMethod,
            @Param(title = "Classifier", description = "PCA_KMEANS or FUZZY_C_MEANS to classify the index magnitude instead of thresholding it; thresholds when omitted")
            @OptionalParam Classifier classifier,
            @Param(title = "Classifier window", description = "Side of the neighbourhood the classifier looks at (PCA-k-means block h, FCM spatial window); odd")
            @DefaultValue("5") @Range(min = 1, max = 15) Integer classifierWindow) {
    }

    public record Out(
            @Result(title = "Change map", description = "UInt8 COG: 0 no change, 1 increase, 2 decrease, 255 no data",
                    mediaType = MediaTypes.COG, style = "sar_change") Path changeMap,
            @Result(title = "Change probability", description = "Float32 COG, 0..1, -1 no data; how it is defined per method is in the statistics (probabilityDefinition)",
                    mediaType = MediaTypes.COG, style = "change_probability") Path probability,
            @Result(title = "Change index", description = "Float32 COG of the signed change index, -9999 no data",
                    mediaType = MediaTypes.COG, style = "raster") Path changeIndex,
            @Result(title = "Increased pixels", description = "Pixels of class 1") Integer increasedPixels,
            @Result(title = "Decreased pixels", description = "Pixels of class 2") Integer decreasedPixels,
            @Result(title = "Statistics", description = "Per-class pixel counts, thresholds or classifier fit, probability definition",
                    mediaType = MediaTypes.JSON) Path statistics,
            @Result(title = "Preview", description = "PNG of the later image in grey with increases red and decreases blue, at most 1024 pixels across",
                    mediaType = "image/png") Path preview) {
    }

    private final int blockSize;
    private final int tileSize;

    public SARChangeDetection() {
        this(BLOCK_SIZE, CogOptions.defaults().tileSize());
    }

    /** For tests: small blocks and tiles make small images cross block borders. */
    SARChangeDetection(int blockSize, int tileSize) {
        if (blockSize % tileSize != 0) {
            throw new IllegalArgumentException("block size " + blockSize + " is not a multiple of the tile size " + tileSize);
        }
        this.blockSize = blockSize;
        this.tileSize = tileSize;
    }

    @Override
    public Out run(In in, ProcessContext ctx) throws IOException {
        checkOdd("window", in.window());
        checkOdd("classifierWindow", in.classifierWindow());
        try (SarImagePair pair = SarImagePair.open(in.before().path(), in.after().path(), in.band(), in.scale())) {
            ctx.log().info("SAR change detection on {}: index {} (window {}), {}", pair, in.index(), in.window(),
                    in.classifier() == null ? "thresholds " + in.thresholdMethod() : "classifier " + in.classifier());
            long t0 = System.nanoTime();
            ChangeModel.Builder builder = builder(in, pair);
            BlockPass.run(pair, in.index(), in.window(), builder.halo(), blockSize, ctx, 0, 40, "fitting",
                    builder::add);
            ChangeModel model;
            try {
                model = builder.build();
            } catch (IllegalStateException e) {
                throw new InvalidInputException("after", "shares too few valid pixels with 'before': " + e.getMessage());
            }
            long t1 = System.nanoTime();
            ctx.log().info("Fitted {}", model.describe());

            Path out = ctx.outputDirectory();
            Map<String, String> metadata = Map.of("PROCESS", "SARChangeDetection", "INDEX", in.index().name(),
                    "METHOD", in.classifier() == null ? in.thresholdMethod().name() : in.classifier().name());
            ChangeMapWriter.Counts counts;
            long t2;
            try (ChangeMapWriter writer = new ChangeMapWriter(pair.grid(), out.resolve("sar_change_map.tif"),
                    out.resolve("sar_change_probability.tif"), out.resolve("sar_change_index.tif"), indexName(in.index()), metadata, tileSize)) {
                BlockPass.run(pair, in.index(), in.window(), model.halo(), blockSize, ctx, 40, 94, "change map", (block, index) -> {
                    int n = block.core().width() * block.core().height();
                    byte[] classes = new byte[n];
                    float[] probability = new float[n];
                    model.classify(block, index, classes, probability);
                    writer.write(block, index, classes, probability);
                });
                t2 = System.nanoTime();
                ctx.progress(94, "building overviews");
                writer.commit();
                counts = writer.counts();
            }
            long t3 = System.nanoTime();
            ctx.log().info(String.format(Locale.ROOT, "%d increased, %d decreased, %d unchanged, %d no data",
                    counts.increase(), counts.decrease(), counts.noChange(), counts.nodata()));
            Path statistics = out.resolve("sar_change_statistics.json");
            SarChangeStatistics.write(statistics, in, pair, model, counts);
            ctx.progress(97, "preview");
            Path preview = out.resolve("sar_change_preview.png");
            SarChangePreview.write(pair, out.resolve("sar_change_map.tif"), preview, PREVIEW_SIZE);
            long t4 = System.nanoTime();
            ctx.log().info(String.format(Locale.ROOT, "Step times: fit pass and fit %.1f s, map pass %.1f s, overviews and COG assembly %.1f s, statistics and preview %.1f s",
                    (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t4 - t3) / 1e9));
            return new Out(out.resolve("sar_change_map.tif"), out.resolve("sar_change_probability.tif"),
                    out.resolve("sar_change_index.tif"), Math.toIntExact(counts.increase()), Math.toIntExact(counts.decrease()),
                    statistics, preview);
        }
    }

    private static ChangeModel.Builder builder(In in, SarImagePair pair) {
        if (in.classifier() == null) {
            return ThresholdModel.builder(in.index(), in.thresholdMethod());
        }
        return switch (in.classifier()) {
            case PCA_KMEANS -> PcaKMeans.builder(in.classifierWindow(), pair.width(), pair.height(), SAMPLE_CAP);
            case FUZZY_C_MEANS -> FuzzyCMeans.builder(in.classifierWindow(), pair.width(), pair.height(), SAMPLE_CAP);
        };
    }

    private static void checkOdd(String inputId, int value) {
        if (value % 2 == 0) {
            throw new InvalidInputException(inputId, "must be odd (1, 3, 5 ...), got " + value);
        }
    }

    private static String indexName(ChangeIndex index) {
        return switch (index) {
            case LOG_RATIO -> "log-ratio (dB)";
            case MEAN_RATIO -> "signed mean-ratio";
            case NEIGHBOURHOOD_RATIO -> "signed neighbourhood ratio";
            case DIFFERENCE -> "amplitude difference";
        };
    }

    /** How the change probability output is defined for the method of {@code in}. */
    static String probabilityDefinition(In in) {
        if (in.classifier() == Classifier.PCA_KMEANS) {
            return "d_noChange / (d_noChange + d_change): distances of the pixel's projected neighbourhood to the two k-means centres";
        }
        if (in.classifier() == Classifier.FUZZY_C_MEANS) {
            return "fuzzy membership of the change cluster (FCM_S1, m = 2)";
        }
        return "posterior probability of change (increase or decrease) under the three-class mixture fitted by "
                + in.thresholdMethod() + (in.thresholdMethod() == ThresholdMethod.OTSU ? " (Gaussians fitted to Otsu's classes)" : "");
    }

    static Map<String, Object> inputsSummary(In in, SarImagePair pair) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("band", pair.beforeBandNumber());
        m.put("bandDescription", pair.bandDescription());
        m.put("scale", in.scale().name());
        m.put("index", in.index().name());
        m.put("window", in.window());
        return m;
    }
}
