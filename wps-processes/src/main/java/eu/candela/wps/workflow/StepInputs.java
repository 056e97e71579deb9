package eu.candela.wps.workflow;

import eu.candela.wps.jobdir.BoundingBoxValue;
import eu.candela.wps.jobdir.FileValue;
import eu.candela.wps.jobdir.InlineValue;
import eu.candela.wps.jobdir.InputValue;
import eu.candela.wps.jobdir.JobDirectory;
import eu.candela.wps.jobdir.JobInputs;
import eu.candela.wps.jobdir.LiteralValue;
import eu.candela.wps.spi.BoundingBox;
import eu.candela.wps.spi.GeoJson;
import eu.candela.wps.spi.InvalidInputException;
import eu.candela.wps.spi.Step;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Turns a {@link Step}'s typed input values into the step's {@code inputs.json}: literals as text,
 * boxes and GeoJSON as such, files linked into the step directory when they lie in the workflow's
 * job directory (see the package documentation) or written with {@code outsidePath} otherwise.
 */
final class StepInputs {

    /** A file to link: from {@code source} to {@code target} (relative to the step directory). */
    record Link(Path source, String target) {
    }

    /** What a step directory must hold: its inputs and the files linked for them. */
    record Plan(JobInputs inputs, List<Link> links) {
    }

    static final String INPUTS_FOLDER = "inputs";

    private final Path workflowDirectory;
    private final Function<Path, String> outsidePath;

    /**
     * @param workflowDirectory the workflow's job directory
     * @param outsidePath       how a file outside it is written into a step's {@code inputs.json}
     */
    StepInputs(Path workflowDirectory, Function<Path, String> outsidePath) {
        this.workflowDirectory = workflowDirectory.toAbsolutePath().normalize();
        this.outsidePath = Objects.requireNonNull(outsidePath, "outsidePath");
    }

    /**
     * The plan for a step, without touching the disk.
     *
     * @throws InvalidInputException naming the input whose value has no job-file form
     */
    Plan plan(Step step) {
        Map<String, List<InputValue>> inputs = new LinkedHashMap<>();
        List<Link> links = new ArrayList<>();
        step.inputs().forEach((id, value) -> {
            List<?> values = value instanceof List<?> list ? list : List.of(value);
            List<InputValue> converted = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                converted.add(convert(id, i, values.get(i), links));
            }
            inputs.put(id, converted);
        });
        return new Plan(new JobInputs(step.processId(), inputs), links);
    }

    /** Creates the step directory from scratch: links its files and writes {@code inputs.json}. */
    void write(Plan plan, JobDirectory step) throws IOException {
        StepDirectories.deleteRecursively(step.root());
        step.create();
        for (Link link : plan.links()) {
            FileLinks.linkOrCopy(link.source(), step.resolve(link.target()));
        }
        step.writeInputs(plan.inputs());
    }

    /** Whether {@code step} already holds exactly this plan: the same inputs, every linked file current. */
    boolean isWritten(Plan plan, JobDirectory step) throws IOException {
        if (!Files.isRegularFile(step.inputsFile())) {
            return false;
        }
        JobInputs written;
        try {
            written = step.readInputs();
        } catch (IOException | RuntimeException unreadable) {
            return false;
        }
        if (!sameInputs(written, plan.inputs())) {
            return false;
        }
        for (Link link : plan.links()) {
            if (!FileLinks.isCurrent(link.source(), step.resolve(link.target()))) {
                return false;
            }
        }
        return true;
    }

    private InputValue convert(String id, int index, Object value, List<Link> links) {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return new LiteralValue(value.toString());
        }
        if (value instanceof Enum<?> constant) {
            return new LiteralValue(constant.name());
        }
        if (value instanceof BoundingBox box) {
            return new BoundingBoxValue(new double[] {box.minX(), box.minY()}, new double[] {box.maxX(), box.maxY()}, box.crs());
        }
        if (value instanceof GeoJson geoJson) {
            return new InlineValue(geoJson.text(), null);
        }
        Path file = value instanceof Path p ? p : singlePath(value);
        if (file == null) {
            throw new InvalidInputException(id, "has a value of type " + value.getClass().getSimpleName()
                    + " that a step cannot take; give a literal, a BoundingBox, a GeoJson, a Path or a file reference");
        }
        Path absolute = file.toAbsolutePath().normalize();
        if (!Files.exists(absolute)) {
            throw new InvalidInputException(id, "refers to " + absolute + ", which does not exist");
        }
        if (!absolute.startsWith(workflowDirectory)) {
            return new FileValue(outsidePath.apply(absolute), null);
        }
        String target = INPUTS_FOLDER + "/" + id + "-" + (index + 1) + "-" + absolute.getFileName();
        links.add(new Link(absolute, target));
        return new FileValue(target, null);
    }

    /** The path of a record that wraps only a path ({@code RasterRef}, a product reference), or null. */
    private static Path singlePath(Object value) {
        if (!(value instanceof Record record)) {
            return null;
        }
        RecordComponent[] components = record.getClass().getRecordComponents();
        if (components.length != 1 || components[0].getType() != Path.class) {
            return null;
        }
        try {
            components[0].getAccessor().setAccessible(true);
            return (Path) components[0].getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    /** Equality of two inputs files' content; {@code BoundingBoxValue} holds arrays, so records' equals does not do. */
    private static boolean sameInputs(JobInputs a, JobInputs b) {
        if (!a.processId().equals(b.processId()) || !a.inputs().keySet().equals(b.inputs().keySet())) {
            return false;
        }
        for (String id : a.inputs().keySet()) {
            List<InputValue> x = a.values(id);
            List<InputValue> y = b.values(id);
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!sameValue(x.get(i), y.get(i))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean sameValue(InputValue x, InputValue y) {
        if (x instanceof BoundingBoxValue p && y instanceof BoundingBoxValue q) {
            return Arrays.equals(p.lower(), q.lower()) && Arrays.equals(p.upper(), q.upper()) && Objects.equals(p.crs(), q.crs());
        }
        return x.equals(y);
    }
}
