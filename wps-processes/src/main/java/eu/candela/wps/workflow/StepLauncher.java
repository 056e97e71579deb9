package eu.candela.wps.workflow;

import java.util.Optional;

/**
 * Where the steps of a workflow run: the in-process runtime runs them on threads of its JVM, the
 * server submits each as a job to its launcher. Knows nothing of workflows: it runs prepared job
 * directories and reports their course.
 */
public interface StepLauncher {

    /**
     * Starts a step and returns at once; {@code listener} hears its course.
     *
     * @throws StepLauncherBusyException when no step can start now; the caller tries again later
     */
    RunningStep start(StepJob job, StepListener listener) throws StepLauncherBusyException;

    /**
     * Follows a step an earlier run of the same workflow started and that may still run (the server
     * restarted while a Kubernetes Job ran it). Empty when it does not run any more; the caller then
     * runs it again from a fresh directory.
     */
    default Optional<RunningStep> resume(StepJob job, StepListener listener) {
        return Optional.empty();
    }
}
