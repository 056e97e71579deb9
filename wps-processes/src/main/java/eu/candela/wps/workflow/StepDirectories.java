package eu.candela.wps.workflow;

import eu.candela.wps.jobdir.JobDirectory;
import eu.candela.wps.jobdir.JobResult;
import eu.candela.wps.jobdir.OutputValue;
import eu.candela.wps.spi.StepOutputs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Where a workflow's steps live ({@code <job>/steps/<name>}) and how their results are read. */
public final class StepDirectories {

    /** The folder of a workflow job directory that holds its steps' job directories. */
    public static final String STEPS_FOLDER = "steps";

    private StepDirectories() {
    }

    /** The job directory of step {@code stepName} of the workflow in {@code workflowDirectory}. */
    public static JobDirectory of(Path workflowDirectory, String stepName) {
        return new JobDirectory(workflowDirectory.resolve(STEPS_FOLDER).resolve(stepName));
    }

    /** The step directories a workflow run has created so far. */
    public static java.util.List<Path> all(Path workflowDirectory) throws IOException {
        Path steps = workflowDirectory.resolve(STEPS_FOLDER);
        if (!Files.isDirectory(steps)) {
            return java.util.List.of();
        }
        try (Stream<Path> list = Files.list(steps)) {
            return list.filter(Files::isDirectory).sorted().toList();
        }
    }

    /**
     * The outputs of a step that succeeded: its {@code result.json} with every file present, or empty
     * when it has none (yet).
     */
    static Optional<StepOutputs> completeOutputs(JobDirectory step, String stepName, String processId) {
        Optional<JobResult> result;
        try {
            result = step.readResult();
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
        if (result.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (OutputValue output : result.get().outputs()) {
            if (output.isFile()) {
                Path file = step.resolve(output.path()).toAbsolutePath().normalize();
                if (!Files.exists(file)) {
                    return Optional.empty();
                }
                values.put(output.id(), file);
            } else {
                values.put(output.id(), output.literal());
            }
        }
        return Optional.of(new StepOutputs(stepName, processId, values));
    }

    static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
