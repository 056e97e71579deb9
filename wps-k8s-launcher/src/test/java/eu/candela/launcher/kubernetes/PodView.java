package eu.candela.launcher.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.batch.v1.Job;

/**
 * What a Job's container would see, for {@link KubeletStandIn}, which runs it on the local disk: its
 * arguments and environment as the Job spec declares them, with every path under one of the
 * container's volume mounts turned into the local directory standing for that volume. A persistent
 * volume claim stands for the local directory given for its claim name (plus the mount's sub path);
 * an emptyDir for a fresh temporary directory. Nothing else of the server's disk is reachable through
 * it: a path outside every mount (the server's own data directory, say) is refused, as in a pod.
 */
public final class PodView {
    private final Container container;
    private final Map<String, Volume> volumes = new LinkedHashMap<>();
    private final Map<String, Path> claimRoots;
    private final Map<String, Path> emptyDirs = new LinkedHashMap<>();

    /**
     * @param job        the Job as the launcher created it
     * @param claimRoots claim name -> the local directory standing for that persistent volume claim
     */
    public PodView(Job job, Map<String, Path> claimRoots) {
        PodSpec pod = job.getSpec().getTemplate().getSpec();
        this.container = pod.getContainers().get(0);
        if (pod.getVolumes() != null) {
            pod.getVolumes().forEach(volume -> volumes.put(volume.getName(), volume));
        }
        this.claimRoots = Map.copyOf(claimRoots);
    }

    /** The local directory the container sees at {@link JobManifests#JOB_DIR_IN_POD}. */
    public Path jobDirectory() {
        return local(JobManifests.JOB_DIR_IN_POD);
    }

    /** The container's args, mount paths made local. */
    public List<String> args() {
        List<String> args = new ArrayList<>();
        if (container.getArgs() != null) {
            container.getArgs().forEach(arg -> args.add(localIfMounted(arg)));
        }
        return args;
    }

    /** The container's environment as declared (values only, no valueFrom), mount paths made local. */
    public Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        if (container.getEnv() != null) {
            for (EnvVar variable : container.getEnv()) {
                if (variable.getValue() != null) {
                    environment.put(variable.getName(), localIfMounted(variable.getValue()));
                }
            }
        }
        return environment;
    }

    /**
     * The local file for a path inside the container.
     *
     * @throws IllegalArgumentException when no volume is mounted there (the container could not see it)
     */
    public Path local(String pathInPod) {
        return mountOf(pathInPod).map(mount -> {
            Path root = volumeRoot(mount);
            if (mount.getSubPath() != null && !mount.getSubPath().isEmpty()) {
                root = root.resolve(mount.getSubPath());
            }
            String rest = Path.of(mount.getMountPath()).relativize(Path.of(pathInPod)).toString();
            return rest.isEmpty() ? root : root.resolve(rest);
        }).orElseThrow(() -> new IllegalArgumentException("nothing is mounted at " + pathInPod + " in the pod"));
    }

    private String localIfMounted(String value) {
        return value.startsWith("/") && mountOf(value).isPresent() ? local(value).toString() : value;
    }

    private Optional<VolumeMount> mountOf(String pathInPod) {
        if (container.getVolumeMounts() == null || !pathInPod.startsWith("/")) {
            return Optional.empty();
        }
        Path path = Path.of(pathInPod).normalize();
        return container.getVolumeMounts().stream()
                .filter(mount -> path.startsWith(Path.of(mount.getMountPath())))
                .max(Comparator.comparingInt(mount -> mount.getMountPath().length()));
    }

    private Path volumeRoot(VolumeMount mount) {
        Volume volume = volumes.get(mount.getName());
        if (volume == null) {
            throw new IllegalArgumentException("the mount at " + mount.getMountPath() + " names no volume of the pod");
        }
        if (volume.getPersistentVolumeClaim() != null) {
            String claim = volume.getPersistentVolumeClaim().getClaimName();
            Path root = claimRoots.get(claim);
            if (root == null) {
                throw new IllegalArgumentException("the stand-in has no local directory for claim " + claim);
            }
            return root;
        }
        if (volume.getEmptyDir() != null) {
            return emptyDirs.computeIfAbsent(volume.getName(), name -> {
                try {
                    return Files.createTempDirectory("pod-" + name);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        throw new IllegalArgumentException("the stand-in cannot mount volume " + volume.getName());
    }
}
