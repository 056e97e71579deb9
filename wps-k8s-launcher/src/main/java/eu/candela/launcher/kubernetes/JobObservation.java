package eu.candela.launcher.kubernetes;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;

/**
 * What a Job and its pods say about an execution, read the way {@code kubectl describe} would be: the
 * Job's {@code Complete}/{@code Failed} condition decides the end, the pods tell why (OOMKilled, eviction,
 * exit code) and whether the process runs yet or waits for its image. Pure: no API calls.
 *
 * @param phase        where the execution is
 * @param failure      for {@link Phase#FAILED}: a reason fit for the user
 * @param pullProblem  while pending: the image pull error a pod is stuck on, else empty
 * @param podsEnded    a pod of the Job is seen ended (Failed or Succeeded): its reasons are in
 */
record JobObservation(Phase phase, String failure, Optional<String> pullProblem, boolean podsEnded) {

    enum Phase { PENDING, RUNNING, SUCCEEDED, FAILED }

    /** Waiting reasons of a container whose image cannot be had; they may heal, so they get a grace time. */
    static final Set<String> PULL_ERRORS = Set.of("ErrImagePull", "ImagePullBackOff", "InvalidImageName",
            "ErrImageNeverPull", "RegistryUnavailable");
    static final int MAX_MESSAGE = 500;

    /**
     * @param processMessage the {@code message} of the job's {@code status.json}, or null: a failed
     *                       process puts its reason there, which beats an exit code
     */
    static JobObservation of(Job job, List<Pod> pods, String processMessage) {
        boolean podsEnded = pods.stream().map(pod -> pod.getStatus() == null ? null : pod.getStatus().getPhase())
                .anyMatch(phase -> "Failed".equals(phase) || "Succeeded".equals(phase));
        Optional<JobCondition> complete = condition(job, "Complete");
        if (complete.isPresent()) {
            return new JobObservation(Phase.SUCCEEDED, null, Optional.empty(), podsEnded);
        }
        Optional<JobCondition> failed = condition(job, "Failed");
        if (failed.isPresent()) {
            return new JobObservation(Phase.FAILED, describeFailure(job, failed.get(), newestFirst(pods),
                    processMessage), Optional.empty(), podsEnded);
        }
        boolean running = pods.stream().anyMatch(JobObservation::hasRun)
                || (job.getStatus() != null && job.getStatus().getReady() != null && job.getStatus().getReady() > 0);
        Optional<String> pullProblem = pods.stream().flatMap(pod -> containerStatuses(pod).stream())
                .filter(status -> waitingReason(status).map(PULL_ERRORS::contains).orElse(false))
                .map(status -> "the image " + status.getImage() + " cannot be pulled ("
                        + status.getState().getWaiting().getReason() + messageSuffix(status.getState().getWaiting()) + ")")
                .findFirst();
        return new JobObservation(running ? Phase.RUNNING : Phase.PENDING, null, pullProblem, podsEnded);
    }

    static Optional<JobCondition> condition(Job job, String type) {
        if (job.getStatus() == null || job.getStatus().getConditions() == null) {
            return Optional.empty();
        }
        return job.getStatus().getConditions().stream()
                .filter(c -> type.equals(c.getType()) && "True".equals(c.getStatus()))
                .findFirst();
    }

    static boolean isFinished(Job job) {
        return condition(job, "Complete").isPresent() || condition(job, "Failed").isPresent();
    }

    private static String describeFailure(Job job, JobCondition failed, List<Pod> pods, String processMessage) {
        String reason = failed.getReason() == null ? "" : failed.getReason();
        if (reason.equals("DeadlineExceeded")) {
            Long limit = job.getSpec() == null ? null : job.getSpec().getActiveDeadlineSeconds();
            return "the job ran past its time limit" + (limit == null ? "" : " of " + limit + " s")
                    + " and was stopped (DeadlineExceeded)";
        }
        for (Pod pod : pods) {
            if (pod.getStatus() != null && "Evicted".equals(pod.getStatus().getReason())) {
                return "the node evicted the job's pod" + suffix(pod.getStatus().getMessage()) + " (Evicted)";
            }
            for (ContainerStatus status : containerStatuses(pod)) {
                ContainerStateTerminated terminated = terminated(status);
                if (terminated == null) {
                    continue;
                }
                if ("OOMKilled".equals(terminated.getReason())) {
                    return "the process ran out of memory and was killed" + memoryLimit(pod) + " (OOMKilled)";
                }
                if (terminated.getExitCode() != null && terminated.getExitCode() != 0) {
                    String why = processMessage != null && !processMessage.isBlank()
                            ? processMessage : terminated.getMessage();
                    return "the process failed with exit code " + terminated.getExitCode() + suffix(why);
                }
            }
        }
        String message = failed.getMessage();
        return "the Kubernetes Job failed" + (reason.isEmpty() ? "" : " (" + reason + ")") + suffix(message);
    }

    private static boolean hasRun(Pod pod) {
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        // a pod that failed before its container ran (evicted while pending) never started the process
        return "Running".equals(phase) || "Succeeded".equals(phase)
                || ("Failed".equals(phase) && containerStatuses(pod).stream().anyMatch(s -> terminated(s) != null));
    }

    private static String memoryLimit(Pod pod) {
        return pod.getSpec() == null ? "" : pod.getSpec().getContainers().stream()
                .filter(c -> c.getResources() != null && c.getResources().getLimits() != null)
                .map(c -> c.getResources().getLimits().get("memory"))
                .filter(q -> q != null)
                .findFirst()
                .map(Quantity::toString)
                .map(limit -> " at its limit of " + limit)
                .orElse("");
    }

    private static List<ContainerStatus> containerStatuses(Pod pod) {
        if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
            return List.of();
        }
        return pod.getStatus().getContainerStatuses();
    }

    private static ContainerStateTerminated terminated(ContainerStatus status) {
        ContainerState state = status.getState();
        return state == null ? null : state.getTerminated();
    }

    private static Optional<String> waitingReason(ContainerStatus status) {
        ContainerState state = status.getState();
        ContainerStateWaiting waiting = state == null ? null : state.getWaiting();
        return waiting == null ? Optional.empty() : Optional.ofNullable(waiting.getReason());
    }

    private static List<Pod> newestFirst(List<Pod> pods) {
        return pods.stream().sorted(Comparator.comparing(
                (Pod pod) -> String.valueOf(pod.getMetadata().getCreationTimestamp())).reversed()).toList();
    }

    private static String messageSuffix(ContainerStateWaiting waiting) {
        return waiting.getMessage() == null || waiting.getMessage().isBlank() ? "" : ": " + shorten(waiting.getMessage());
    }

    private static String suffix(String message) {
        return message == null || message.isBlank() ? "" : ": " + shorten(message);
    }

    /** Termination messages fall back to the log's tail: keep the last lines, and not too many. */
    private static String shorten(String message) {
        String trimmed = message.strip();
        return trimmed.length() <= MAX_MESSAGE ? trimmed : "..." + trimmed.substring(trimmed.length() - MAX_MESSAGE);
    }
}
