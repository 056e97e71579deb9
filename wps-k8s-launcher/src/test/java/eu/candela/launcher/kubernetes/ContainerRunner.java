package eu.candela.launcher.kubernetes;

import java.io.PrintStream;

import io.fabric8.kubernetes.api.model.batch.v1.Job;

/**
 * What {@link KubeletStandIn} runs in place of a Job's container when it must see the pod's view: the
 * args and environment of the Job spec, paths under the pod's mounts made local ({@link PodView}).
 * Runs on a thread of its own; interrupted when the Job is deleted or runs past its deadline.
 */
@FunctionalInterface
public interface ContainerRunner {
    /**
     * @param job the Job as created by the launcher
     * @param pod what its container sees: args, environment, mounts
     * @param log the container's output: what {@code pods/log} returns afterwards
     * @return the container's exit code; an exception counts as exit code 1 with its message
     */
    int run(Job job, PodView pod, PrintStream log) throws Exception;
}
