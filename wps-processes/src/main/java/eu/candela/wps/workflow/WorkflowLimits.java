package eu.candela.wps.workflow;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Semaphore;

/**
 * The platform's limits on the steps of one workflow run.
 *
 * @param maxConcurrentSteps steps of this workflow running at once, at least 1; caps what the workflow asks for
 * @param overall            shared by all workflows of the runtime: one permit per running step, or
 *                           {@code null} for no overall limit
 * @param busyRetry          how long to wait before trying again to start a step the runtime refused
 *                           while none of the workflow's own steps is running (when one is, its end is
 *                           the signal to try again)
 * @param busyTimeout        how long the workflow waits for a refused step to start while none of its
 *                           own steps runs before failing it, so a platform that stays full ends in a
 *                           clear failure rather than an endless wait
 * @param cancelGrace        how long to wait for cancelled steps to confirm they stopped
 */
public record WorkflowLimits(int maxConcurrentSteps, Semaphore overall, Duration busyRetry, Duration busyTimeout,
                             Duration cancelGrace) {
    public WorkflowLimits {
        if (maxConcurrentSteps < 1) {
            throw new IllegalArgumentException("maxConcurrentSteps must be at least 1, was " + maxConcurrentSteps);
        }
        Objects.requireNonNull(busyRetry, "busyRetry");
        Objects.requireNonNull(busyTimeout, "busyTimeout");
        Objects.requireNonNull(cancelGrace, "cancelGrace");
    }

    /** At most {@code maxConcurrentSteps} at once, no overall limit, retry each second for 10 minutes, 30 s to cancel. */
    public static WorkflowLimits of(int maxConcurrentSteps) {
        return new WorkflowLimits(maxConcurrentSteps, null, Duration.ofSeconds(1), Duration.ofMinutes(10), Duration.ofSeconds(30));
    }
}
