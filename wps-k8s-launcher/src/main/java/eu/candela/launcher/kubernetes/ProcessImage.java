package eu.candela.launcher.kubernetes;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How one process runs as a container: one row of {@link ProcessImages}, defaults already merged in.
 * Immutable. Quantities are Kubernetes quantity strings ({@code 500m}, {@code 2Gi}), checked at load.
 *
 * @param image                   image reference with a tag or a digest ({@code repo/name:1.0}, {@code name@sha256:...})
 * @param command                 the container's command; empty keeps the image's entry point
 * @param args                    arguments placed before {@code run <process-id> <job-dir>}
 * @param env                     environment variables
 * @param requests                resource requests ({@code cpu}, {@code memory}, ...)
 * @param limits                  resource limits
 * @param gpu                     {@code nvidia.com/gpu} count, 0 for none
 * @param nodeSelector            node labels the pod must land on
 * @param tolerations             taints the pod tolerates (GPU nodes are usually tainted)
 * @param serviceAccount          the pod's service account, empty for the namespace default
 * @param imagePullSecrets        names of the pull secrets of a private registry
 * @param activeDeadlineSeconds   run time limit of the Job, empty for none
 * @param backoffLimit            pod retries before the Job fails
 * @param ttlSecondsAfterFinished how long Kubernetes keeps the finished Job, empty to keep it
 */
public record ProcessImage(String image, List<String> command, List<String> args, Map<String, String> env,
                           Map<String, String> requests, Map<String, String> limits, int gpu,
                           Map<String, String> nodeSelector, List<ImageToleration> tolerations,
                           Optional<String> serviceAccount, List<String> imagePullSecrets,
                           Optional<Long> activeDeadlineSeconds, int backoffLimit,
                           Optional<Integer> ttlSecondsAfterFinished) {
    public ProcessImage {
        Objects.requireNonNull(image, "image");
        command = List.copyOf(command);
        args = List.copyOf(args);
        env = Map.copyOf(env);
        requests = Map.copyOf(requests);
        limits = Map.copyOf(limits);
        nodeSelector = Map.copyOf(nodeSelector);
        tolerations = List.copyOf(tolerations);
        Objects.requireNonNull(serviceAccount, "serviceAccount");
        imagePullSecrets = List.copyOf(imagePullSecrets);
        Objects.requireNonNull(activeDeadlineSeconds, "activeDeadlineSeconds");
        Objects.requireNonNull(ttlSecondsAfterFinished, "ttlSecondsAfterFinished");
        if (gpu < 0) {
            throw new IllegalArgumentException("gpu must be at least 0, was " + gpu);
        }
        if (backoffLimit < 0) {
            throw new IllegalArgumentException("backoffLimit must be at least 0, was " + backoffLimit);
        }
    }

    /**
     * A taint the pod tolerates, as in a pod spec.
     *
     * @param key               taint key, null with operator {@code Exists} to tolerate every taint
     * @param operator          {@code Equal} or {@code Exists}
     * @param value             taint value for {@code Equal}, else null
     * @param effect            {@code NoSchedule}, {@code PreferNoSchedule}, {@code NoExecute} or null for all
     * @param tolerationSeconds for {@code NoExecute}: how long the pod stays after the taint appears, or null
     */
    public record ImageToleration(String key, String operator, String value, String effect, Long tolerationSeconds) {
    }
}
