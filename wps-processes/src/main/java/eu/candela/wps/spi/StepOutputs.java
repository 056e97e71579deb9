package eu.candela.wps.spi;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The outputs of one finished {@link Step}: files as absolute {@link Path}s (in the step's job
 * directory, readable by the workflow and usable as later steps' inputs) and literals as text.
 *
 * @param stepName  the step's name
 * @param processId the step's process
 * @param values    output id to a {@link Path} (file output) or a {@code String} (literal output) (copied)
 */
public record StepOutputs(String stepName, String processId, Map<String, Object> values) {

    public StepOutputs {
        Objects.requireNonNull(stepName, "stepName");
        Objects.requireNonNull(processId, "processId");
        values.forEach((id, v) -> {
            if (!(v instanceof Path || v instanceof String)) {
                throw new IllegalArgumentException("output " + id + " must be a Path or a String, got " + v);
            }
        });
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The file of a file output. */
    public Path file(String outputId) {
        if (value(outputId) instanceof Path p) {
            return p;
        }
        throw new IllegalArgumentException("output '" + outputId + "' of step '" + stepName + "' is a literal, not a file");
    }

    /** A literal output as text (the form it has in {@code result.json}). */
    public String literal(String outputId) {
        if (value(outputId) instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException("output '" + outputId + "' of step '" + stepName + "' is a file, not a literal");
    }

    /** Whether the step produced this output (an optional output may be missing). */
    public boolean has(String outputId) {
        return values.containsKey(outputId);
    }

    /**
     * The outputs as the step process's own output record, so the workflow reads them typed:
     * {@code outputs.as(ChangeDetection.Out.class).changeMask()}. Components of type {@code Path}
     * get the file, {@link GeoJson} the file's text, literal types (String, numbers, Boolean, enums)
     * the parsed literal; a missing output gives {@code null}.
     *
     * @throws IllegalArgumentException when a component cannot take its output
     */
    public <O extends Record> O as(Class<O> outputType) {
        RecordComponent[] components = outputType.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            args[i] = convert(components[i].getName(), types[i], values.get(components[i].getName()));
        }
        try {
            Constructor<O> constructor = outputType.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot build " + outputType.getSimpleName() + " from the outputs of step '"
                    + stepName + "': " + e.getMessage(), e);
        }
    }

    private Object value(String outputId) {
        Object v = values.get(outputId);
        if (v == null) {
            throw new IllegalArgumentException("step '" + stepName + "' (" + processId + ") has no output '" + outputId
                    + "'; it has " + values.keySet());
        }
        return v;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object convert(String id, Class<?> type, Object v) {
        if (v == null) {
            if (type.isPrimitive()) {
                throw new IllegalArgumentException("step '" + stepName + "' has no output '" + id + "' for a primitive component");
            }
            return null;
        }
        try {
            if (type == Path.class) {
                return file(id);
            }
            if (type == GeoJson.class) {
                return new GeoJson(java.nio.file.Files.readString(file(id)));
            }
            String s = literal(id);
            if (type == String.class) return s;
            if (type == Integer.class || type == int.class) return Integer.valueOf(s.trim());
            if (type == Long.class || type == long.class) return Long.valueOf(s.trim());
            if (type == Double.class || type == double.class) return Double.valueOf(s.trim());
            if (type == Boolean.class || type == boolean.class) return Boolean.valueOf(s.trim());
            if (type.isEnum()) return Enum.valueOf((Class<? extends Enum>) type, s.trim());
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalArgumentException("output '" + id + "' of step '" + stepName + "' does not fit "
                    + type.getSimpleName() + ": " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("output type " + type.getSimpleName() + " of '" + id + "' is not supported");
    }
}
