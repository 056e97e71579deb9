package eu.candela.wps.cli;

import eu.candela.eodata.raster.BandStatistics;
import eu.candela.wps.jobdir.JobDirectory;
import eu.candela.wps.jobdir.JobResult;
import eu.candela.wps.jobdir.OutputValue;
import eu.candela.wps.spi.GeoJson;
import eu.candela.wps.spi.OutputDescriptor;
import eu.candela.wps.spi.ProcessDefinition;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a process's output record into a {@link JobResult}: files by path relative to the job
 * directory, with band statistics for GeoTIFFs; GeoJSON written to {@code outputs/<id>.geojson};
 * literals as text with their XML Schema type. A {@code null} component is an output the process
 * chose not to produce and is left out.
 */
final class ResultCollector {

    private final ProcessDefinition definition;
    private final JobDirectory jobDirectory;

    ResultCollector(ProcessDefinition definition, JobDirectory jobDirectory) {
        this.definition = definition;
        this.jobDirectory = jobDirectory;
    }

    JobResult collect(Record output) throws IOException {
        RecordComponent[] components = definition.outputType().getRecordComponents();
        List<OutputValue> values = new ArrayList<>(components.length);
        for (int i = 0; i < components.length; i++) {
            Object value = componentValue(components[i], output);
            if (value != null) {
                values.add(outputValue(definition.descriptor().outputs().get(i), value));
            }
        }
        return new JobResult(values);
    }

    private OutputValue outputValue(OutputDescriptor output, Object value) throws IOException {
        if (value instanceof Path path) {
            return file(output, path);
        }
        if (value instanceof GeoJson geoJson) {
            Path file = jobDirectory.outputsDir().resolve(output.id() + ".geojson");
            Files.writeString(file, geoJson.text(), StandardCharsets.UTF_8);
            return file(output, file);
        }
        return OutputValue.literal(output.id(), String.valueOf(value), output.literalType().xsName());
    }

    private OutputValue file(OutputDescriptor output, Path path) throws IOException {
        Path file = jobDirectory.outputsDir().resolve(path);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("output '" + output.id() + "' names file " + path + ", which was not written");
        }
        String mimeType = output.formats().get(0).mimeType();
        Map<String, Object> statistics = mimeType.toLowerCase(Locale.ROOT).startsWith("image/tiff")
                ? Map.of("bands", bandStatistics(file))
                : Map.of();
        return OutputValue.file(output.id(), mimeType, jobDirectory.relativize(file), statistics);
    }

    private static List<Map<String, Object>> bandStatistics(Path file) throws IOException {
        List<BandStatistics> bands = RasterStatistics.of(file);
        List<Map<String, Object>> result = new ArrayList<>(bands.size());
        for (int b = 0; b < bands.size(); b++) {
            BandStatistics s = bands.get(b);
            Map<String, Object> band = new LinkedHashMap<>();
            band.put("band", b + 1);
            band.put("validCount", s.validCount());
            // JSON has no NaN: an all-nodata band reports its count only.
            if (s.validCount() > 0) {
                band.put("min", s.min());
                band.put("max", s.max());
                band.put("mean", s.mean());
                band.put("stddev", s.stddev());
            }
            result.add(band);
        }
        return result;
    }

    private static Object componentValue(RecordComponent component, Record output) {
        try {
            var accessor = component.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(output);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read output " + component.getName(), e);
        }
    }
}
