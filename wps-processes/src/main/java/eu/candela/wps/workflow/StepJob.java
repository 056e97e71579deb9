package eu.candela.wps.workflow;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A prepared step, ready to run: its {@code inputs.json} is written.
 *
 * @param stepName  the step's name in the workflow
 * @param processId the process to run
 * @param directory the step's job directory
 */
public record StepJob(String stepName, String processId, Path directory) {
    public StepJob {
        Objects.requireNonNull(stepName, "stepName");
        Objects.requireNonNull(processId, "processId");
        Objects.requireNonNull(directory, "directory");
    }
}
