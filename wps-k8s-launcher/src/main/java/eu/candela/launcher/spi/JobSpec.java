package eu.candela.launcher.spi;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What a launcher needs to run one execution: the job, the process and the job directory that
 * already holds {@code inputs.json}. Immutable.
 *
 * @param jobId        the job's id (a UUID string)
 * @param processId    the process to run
 * @param owner        who asked for it ({@code anonymous} until security lands)
 * @param jobDirectory the job directory of the DESIGN.md contract
 * @param labels       extra labels a launcher may attach (Kubernetes labels, log context)
 */
public record JobSpec(String jobId, String processId, String owner, Path jobDirectory, Map<String, String> labels) {
    public JobSpec {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(processId, "processId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(jobDirectory, "jobDirectory");
        labels = Map.copyOf(labels == null ? Map.of() : labels);
    }
}
