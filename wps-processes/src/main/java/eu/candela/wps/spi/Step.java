package eu.candela.wps.spi;

import java.lang.reflect.RecordComponent;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One step of a {@link Workflow}: a named run of one process with its inputs, as typed values.
 *
 * <p>Input values are what the step's input record holds: {@code String}, enums, numbers,
 * {@code Boolean}, {@link BoundingBox}, {@link GeoJson}, a file as {@link RasterRef} (or another
 * single-{@code Path} record such as a product reference) or as a plain {@link java.nio.file.Path}
 * (typically an earlier step's output, see {@link StepOutputs#file(String)}), and a {@code List} of
 * these for an input that occurs more than once. The runtime writes them into the step's
 * {@code inputs.json}, linking files into the step's job directory; the step's process then checks
 * them like any client's inputs, so a bad value fails the step with the input named.
 *
 * @param name      unique within the workflow run, used for the step's directory and in messages:
 *                  letters, digits, '.', '_' and '-' (for example {@code detect-3})
 * @param processId the id of the process the step runs (not a workflow)
 * @param inputs    input id to value; absent or {@code null} values are left to the process's defaults (copied)
 */
public record Step(String name, String processId, Map<String, Object> inputs) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public Step {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(processId, "processId");
        if (!NAME.matcher(name).matches() || name.startsWith(".")) {
            throw new IllegalArgumentException("step name '" + name
                    + "' must be 1 to 64 letters, digits, '.', '_' or '-', not starting with '.'");
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        inputs.forEach((id, value) -> {
            if (value != null) {
                copy.put(Objects.requireNonNull(id, "input id"), value instanceof List<?> l ? List.copyOf(l) : value);
            }
        });
        inputs = Collections.unmodifiableMap(copy);
    }

    /** A step of the process with the given id and inputs by id. */
    public static Step of(String name, String processId, Map<String, ?> inputs) {
        return new Step(name, processId, new LinkedHashMap<>(inputs));
    }

    /**
     * A step of the given algorithm with its own input record, so the compiler checks the inputs:
     * {@code Step.of("detect-1", ChangeDetection.class, new ChangeDetection.In(...))}.
     */
    public static <I extends Record> Step of(String name, Class<? extends Algorithm<I, ?>> process, I inputs) {
        EoProcess annotation = process.getAnnotation(EoProcess.class);
        if (annotation == null) {
            throw new IllegalArgumentException(process.getName() + " has no @EoProcess annotation");
        }
        Map<String, Object> byId = new LinkedHashMap<>();
        for (RecordComponent c : inputs.getClass().getRecordComponents()) {
            try {
                byId.put(c.getName(), c.getAccessor().invoke(inputs));
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException("cannot read input " + c.getName() + " of " + process.getSimpleName(), e);
            }
        }
        return new Step(name, annotation.id(), byId);
    }
}
