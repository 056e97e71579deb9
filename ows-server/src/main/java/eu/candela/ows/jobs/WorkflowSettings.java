package eu.candela.ows.jobs;

import java.time.Duration;
import java.util.Objects;

/**
 * How the server runs workflows ({@code candela.workflows.*}).
 *
 * @param maxConcurrentSteps        steps of one workflow running at once; caps what the workflow asks for
 * @param maxConcurrentStepsOverall steps of all workflows running at once
 * @param maxRunningWorkflows       workflows orchestrated at once (one server thread each); beyond, Execute answers ServerBusy
 * @param busyRetry                 wait before submitting again a step the launcher refused (queue full,
 *                                  the owner's running-job limit) while none of the workflow's steps runs
 * @param busyTimeout               how long a workflow with no step running waits for the launcher to take
 *                                  one before it fails with the launcher's reason
 * @param cancelGrace               how long a cancelled workflow waits for its steps to confirm they stopped
 */
public record WorkflowSettings(int maxConcurrentSteps, int maxConcurrentStepsOverall, int maxRunningWorkflows,
                               Duration busyRetry, Duration busyTimeout, Duration cancelGrace) {
    public WorkflowSettings {
        if (maxConcurrentSteps < 1) throw new IllegalArgumentException("candela.workflows.max-concurrent-steps must be at least 1: " + maxConcurrentSteps);
        if (maxConcurrentStepsOverall < 1) {
            throw new IllegalArgumentException("candela.workflows.max-concurrent-steps-overall must be at least 1: " + maxConcurrentStepsOverall);
        }
        if (maxRunningWorkflows < 1) throw new IllegalArgumentException("candela.workflows.max-running must be at least 1: " + maxRunningWorkflows);
        requirePositive(busyRetry, "busy-retry");
        requirePositive(busyTimeout, "busy-timeout");
        requirePositive(cancelGrace, "cancel-grace");
    }

    /** 4 steps per workflow, 16 overall, 8 workflows, retry each second for 10 minutes, 30 s to cancel. */
    public static WorkflowSettings defaults() {
        return new WorkflowSettings(4, 16, 8, Duration.ofSeconds(1), Duration.ofMinutes(10), Duration.ofSeconds(30));
    }

    private static void requirePositive(Duration d, String key) {
        Objects.requireNonNull(d, key);
        if (d.isNegative() || d.isZero()) throw new IllegalArgumentException("candela.workflows." + key + " must be positive: " + d);
    }
}
