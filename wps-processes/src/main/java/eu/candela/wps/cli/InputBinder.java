package eu.candela.wps.cli;

import eu.candela.wps.jobdir.BoundingBoxValue;
import eu.candela.wps.jobdir.EoArchive;
import eu.candela.wps.jobdir.FileValue;
import eu.candela.wps.jobdir.InlineValue;
import eu.candela.wps.jobdir.InputValue;
import eu.candela.wps.jobdir.JobDirectory;
import eu.candela.wps.jobdir.JobInputs;
import eu.candela.wps.jobdir.LiteralValue;
import eu.candela.wps.spi.BoundingBox;
import eu.candela.wps.spi.Format;
import eu.candela.wps.spi.GeoJson;
import eu.candela.wps.spi.InputDescriptor;
import eu.candela.wps.spi.InvalidInputException;
import eu.candela.wps.spi.MediaTypes;
import eu.candela.wps.spi.ProcessDefinition;
import eu.candela.wps.spi.ProcessDefinitions;
import eu.candela.wps.spi.ProductRef;
import eu.candela.wps.spi.RasterRef;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Builds a process's input record from {@code inputs.json}: converts each value to the component's
 * type, checks it against the descriptor (type, range, allowed values, formats, CRS, occurrences),
 * applies defaults and insists on required inputs. Every refusal is an
 * {@link InvalidInputException} naming the input.
 */
final class InputBinder {

    private final ProcessDefinition definition;
    private final JobDirectory jobDirectory;
    private final Optional<EoArchive> eoArchive;

    /** @param eoArchive where {@code eodata:} paths lie in this runtime; empty when it has no archive */
    InputBinder(ProcessDefinition definition, JobDirectory jobDirectory, Optional<EoArchive> eoArchive) {
        this.definition = definition;
        this.jobDirectory = jobDirectory;
        this.eoArchive = eoArchive;
    }

    Record bind(JobInputs inputs) throws IOException {
        for (String given : inputs.inputs().keySet()) {
            if (definition.descriptor().input(given).isEmpty()) {
                throw new InvalidInputException(given, "is not an input of process " + definition.id());
            }
        }
        RecordComponent[] components = definition.inputType().getRecordComponents();
        Object[] arguments = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            InputDescriptor input = definition.descriptor().inputs().get(i);
            arguments[i] = bindComponent(components[i], input, inputs.values(input.id()));
        }
        return construct(components, arguments);
    }

    private Object bindComponent(RecordComponent component, InputDescriptor input, List<InputValue> given)
            throws IOException {
        List<InputValue> values = given;
        if (values.isEmpty() && input.defaultValue() != null) {
            values = List.of(new LiteralValue(input.defaultValue()));
        }
        if (values.isEmpty() && input.required()) {
            throw new InvalidInputException(input.id(), "is required");
        }
        if (values.size() > input.maxOccurs()) {
            throw new InvalidInputException(input.id(), "occurs " + values.size() + " times, at most "
                    + input.maxOccurs() + " allowed");
        }
        Class<?> type = ProcessDefinitions.valueType(component);
        List<Object> converted = new ArrayList<>(values.size());
        for (InputValue value : values) {
            converted.add(convert(input, type, value));
        }
        if (component.getType() == List.class) {
            return List.copyOf(converted);
        }
        return converted.isEmpty() ? null : converted.get(0);
    }

    private Object convert(InputDescriptor input, Class<?> type, InputValue value) throws IOException {
        return switch (input.kind()) {
            case LITERAL -> {
                if (!(value instanceof LiteralValue literal)) {
                    throw new InvalidInputException(input.id(), "expects a literal value");
                }
                Object parsed = input.parseLiteral(literal.value());
                yield type.isEnum() ? enumConstant(type, (String) parsed) : parsed;
            }
            case COMPLEX -> complex(input, type, value);
            case BOUNDING_BOX -> boundingBox(input, value);
        };
    }

    private Object complex(InputDescriptor input, Class<?> type, InputValue value) throws IOException {
        String mimeType;
        if (value instanceof FileValue file) {
            mimeType = file.mimeType();
        } else if (value instanceof InlineValue inline) {
            mimeType = inline.mimeType();
        } else {
            throw new InvalidInputException(input.id(), "expects a document (a file or inline data)");
        }
        if (mimeType != null && input.formats().stream().map(Format::mimeType).noneMatch(f -> MediaTypes.matches(f, mimeType))) {
            throw new InvalidInputException(input.id(), "media type '" + mimeType + "' is not accepted; use one of "
                    + input.formats().stream().map(Format::mimeType).toList());
        }
        if (type == RasterRef.class) {
            if (!(value instanceof FileValue file)) {
                throw new InvalidInputException(input.id(), "expects a raster file, not inline data");
            }
            return new RasterRef(existingFile(input, file));
        }
        if (type == ProductRef.class) {
            if (!(value instanceof FileValue file)) {
                throw new InvalidInputException(input.id(), "expects a product folder (*.SAFE) in the EO archive, not inline data");
            }
            return new ProductRef(productFolder(input, file));
        }
        String text = value instanceof FileValue file
                ? Files.readString(existingFile(input, file), StandardCharsets.UTF_8)
                : ((InlineValue) value).text();
        try {
            return new GeoJson(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(input.id(), e.getMessage());
        }
    }

    private Path existingFile(InputDescriptor input, FileValue file) {
        Path path = locate(input, file);
        if (!Files.isRegularFile(path)) {
            throw new InvalidInputException(input.id(), "file '" + file.path() + "' does not exist");
        }
        return path;
    }

    /**
     * The {@code *.SAFE} folder {@code file} names: the folder itself, or the nearest enclosing
     * {@code *.SAFE} folder of a file in it (a reference to {@code manifest.safe}).
     */
    private Path productFolder(InputDescriptor input, FileValue file) {
        Path path = locate(input, file);
        if (!Files.exists(path)) {
            throw new InvalidInputException(input.id(), "product folder '" + file.path() + "' does not exist");
        }
        for (Path p = path; p != null; p = p.getParent()) {
            if (Files.isDirectory(p) && p.getFileName() != null
                    && p.getFileName().toString().toUpperCase(java.util.Locale.ROOT).endsWith(".SAFE")) {
                return p;
            }
        }
        throw new InvalidInputException(input.id(), "'" + file.path() + "' is not a product folder (*.SAFE) nor a file in one");
    }

    /**
     * Where a file or folder of {@code inputs.json} is in this runtime: {@code eodata:} paths in the EO
     * archive, relative ones in the job directory. Every path input (files and product folders) goes through here.
     */
    private Path locate(InputDescriptor input, FileValue file) {
        if (!EoArchive.isReference(file.path())) {
            return jobDirectory.resolve(file.path()).toAbsolutePath().normalize();
        }
        EoArchive archive = eoArchive.orElseThrow(() -> new InvalidInputException(input.id(), "'" + file.path()
                + "' is in the EO archive, but this runtime has none (" + EoArchive.ROOT_VARIABLE + " is not set)"));
        try {
            return archive.resolve(file.path());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(input.id(), e.getMessage());
        }
    }

    private static BoundingBox boundingBox(InputDescriptor input, InputValue value) {
        if (!(value instanceof BoundingBoxValue box)) {
            throw new InvalidInputException(input.id(), "expects a bounding box");
        }
        String crs = box.crs() == null ? input.supportedCrs().get(0) : box.crs();
        if (input.supportedCrs().stream().noneMatch(crs::equalsIgnoreCase)) {
            throw new InvalidInputException(input.id(), "CRS '" + crs + "' is not supported; use one of " + input.supportedCrs());
        }
        double[] lower = box.lower();
        double[] upper = box.upper();
        if (lower.length != 2) {
            throw new InvalidInputException(input.id(), "must have 2 dimensions, has " + lower.length);
        }
        try {
            return new BoundingBox(lower[0], lower[1], upper[0], upper[1], crs);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(input.id(), e.getMessage());
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumConstant(Class<?> type, String name) {
        return Enum.valueOf((Class<? extends Enum>) type, name);
    }

    private Record construct(RecordComponent[] components, Object[] arguments) {
        try {
            Constructor<? extends Record> constructor = definition.inputType().getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            constructor.setAccessible(true);
            return constructor.newInstance(arguments);
        } catch (InvocationTargetException e) {
            // The record's own validation refused the combination of values.
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException("cannot build the inputs of " + definition.id(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build the inputs of " + definition.id(), e);
        }
    }
}
