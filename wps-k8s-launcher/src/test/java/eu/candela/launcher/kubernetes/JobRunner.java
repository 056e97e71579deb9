package eu.candela.launcher.kubernetes;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import io.fabric8.kubernetes.api.model.batch.v1.Job;

/**
 * What {@link KubeletStandIn} runs in place of a Job's container: the process, on its job directory on
 * the local disk. Runs on a thread of its own; interrupted when the Job is deleted or runs past its
 * {@code activeDeadlineSeconds}.
 */
@FunctionalInterface
public interface JobRunner {
    /**
     * @param job          the Job as created by the launcher (image, args, resources, volumes)
     * @param jobDirectory the local directory the pod would see at {@code /job}
     * @param log          the container's output: what {@code pods/log} returns afterwards
     * @return the container's exit code; an exception counts as exit code 1 with its message
     */
    int run(Job job, Path jobDirectory, PrintStream log) throws Exception;

    /** The process id of the container's {@code run <process-id> <job-dir>} arguments. */
    static String processId(Job job) {
        List<String> args = job.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs();
        int run = args.indexOf("run");
        if (run < 0 || run + 1 >= args.size()) {
            throw new IllegalArgumentException("the container's args " + args + " have no run <process-id>");
        }
        return args.get(run + 1);
    }
}
