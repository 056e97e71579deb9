package eu.candela.wps.change;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code statistics} output of {@link ChangeDetection}, written as JSON: how the map was made
 * and what it contains.
 *
 * @param method                 always {@code IR-MAD}
 * @param bands                  1-based band numbers compared
 * @param thresholdMethod        how the cut was chosen
 * @param threshold              the change probability cut
 * @param chiSquareThreshold     the same cut on the chi-square statistic; null when nothing can exceed it
 * @param medianFilter           side of the median filter window, 1 for none
 * @param iterations             IR-MAD iterations run
 * @param converged              whether the canonical correlations settled before the iteration limit
 * @param canonicalCorrelations  smallest first
 * @param madStandardDeviations  robust scale of each MAD variate over unchanged pixels
 * @param samplePixels           valid pixels the statistics were fitted on
 * @param sampleStride           every how many rows and columns a pixel was sampled
 * @param changedPixels          pixels of the mask with value 1
 * @param unchangedPixels        pixels of the mask with value 0
 * @param nodataPixels           pixels where either scene has no data (mask 255)
 * @param excludedPixels         the no-data pixels by reason: nodata, cloud, cloud_shadow, snow, mask
 * @param qualityBand            whether the scenes had a QUALITY band that masked them
 * @param changedFraction        changed over valid pixels
 */
record ChangeStatistics(String method, int[] bands, ThresholdMethod thresholdMethod, double threshold, Double chiSquareThreshold,
                        int medianFilter, int iterations, boolean converged, double[] canonicalCorrelations,
                        double[] madStandardDeviations, int samplePixels, int sampleStride, long changedPixels,
                        long unchangedPixels, long nodataPixels, Map<String, Long> excludedPixels, boolean qualityBand,
                        double changedFraction) {

    /** The counts keyed by lower-case reason, in the order of {@link PixelExclusion}. */
    static Map<String, Long> byReason(Map<PixelExclusion, Long> counts) {
        Map<String, Long> named = new LinkedHashMap<>();
        for (PixelExclusion reason : PixelExclusion.values()) {
            named.put(reason.name().toLowerCase(Locale.ROOT), counts.getOrDefault(reason, 0L));
        }
        return named;
    }

    void write(Path file) throws IOException {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), this);
    }
}
