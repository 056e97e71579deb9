package eu.candela.wps.jobdir;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One output in {@code result.json}: either a file ({@code path} set) or a literal ({@code literal}
 * set), never both.
 *
 * <p>For GeoTIFF outputs {@code statistics} holds {@code "bands"}: a list with one map per band,
 * {@code band} (1-based), {@code validCount}, and when {@code validCount > 0} also {@code min},
 * {@code max}, {@code mean} and {@code stddev} (population), computed over valid samples
 * (neither nodata nor NaN). It is empty for other outputs.
 *
 * @param id         the output id
 * @param mimeType   media type of a file output, {@code null} for literals
 * @param path       relative to the job directory ('/' separators), {@code null} for literals
 * @param literal    a literal value as text, {@code null} for files
 * @param dataType   the XML Schema type name of a literal ({@code integer}, {@code double}, ...), {@code null} for files
 * @param statistics as above; never null (copied)
 */
public record OutputValue(String id, String mimeType, String path, String literal, String dataType,
                          Map<String, Object> statistics) {
    public OutputValue {
        Objects.requireNonNull(id, "id");
        if ((path == null) == (literal == null)) {
            throw new IllegalArgumentException("output " + id + " needs exactly one of path and literal");
        }
        if (path != null && mimeType == null) {
            throw new IllegalArgumentException("file output " + id + " needs a mimeType");
        }
        if (literal != null && dataType == null) {
            throw new IllegalArgumentException("literal output " + id + " needs a dataType");
        }
        statistics = Collections.unmodifiableMap(new LinkedHashMap<>(statistics == null ? Map.of() : statistics));
    }

    public static OutputValue file(String id, String mimeType, String path, Map<String, Object> statistics) {
        return new OutputValue(id, mimeType, path, null, null, statistics);
    }

    public static OutputValue literal(String id, String literal, String dataType) {
        return new OutputValue(id, null, null, literal, dataType, Map.of());
    }

    @JsonIgnore
    public boolean isFile() { return path != null; }
}
