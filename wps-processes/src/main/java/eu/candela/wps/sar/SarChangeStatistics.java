package eu.candela.wps.sar;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code statistics} output of {@link SARChangeDetection} as JSON: the inputs that shaped the
 * map, the fitted thresholds or classifier, what the probability means, and the pixel count of
 * each class.
 */
final class SarChangeStatistics {

    private SarChangeStatistics() {
    }

    static void write(Path file, SARChangeDetection.In in, SarImagePair pair, ChangeModel model, ChangeMapWriter.Counts counts)
            throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("process", "SARChangeDetection");
        json.putAll(SARChangeDetection.inputsSummary(in, pair));
        json.put("model", model.describe());
        json.put("probabilityDefinition", SARChangeDetection.probabilityDefinition(in));
        Map<String, Object> classes = new LinkedHashMap<>();
        classes.put("noChange", counts.noChange());
        classes.put("increase", counts.increase());
        classes.put("decrease", counts.decrease());
        classes.put("nodata", counts.nodata());
        json.put("pixels", classes);
        json.put("changedFraction", counts.valid() == 0 ? 0 : (counts.increase() + counts.decrease()) / (double) counts.valid());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
    }
}
