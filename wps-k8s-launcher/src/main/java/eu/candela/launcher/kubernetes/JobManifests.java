package eu.candela.launcher.kubernetes;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import eu.candela.launcher.spi.JobSpec;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;

/**
 * Builds the batch/v1 Job of one execution. The pod runs the processing image's CLI,
 * {@code run <process-id> /job}, on its job directory (the shared PVC, sub path {@code jobs/<jobId>}),
 * reads the EO archive read-only at {@code /eodata} (named by {@value #EO_ARCHIVE_ENV}), and runs locked down: not root, read-only root file
 * system (writes go to {@code /job} and an emptyDir {@code /tmp}), no capabilities, no privilege
 * escalation, the runtime's default seccomp profile, no service account token. Stateless, thread-safe.
 */
public final class JobManifests {
    /** The job directory inside the pod. */
    public static final String JOB_DIR_IN_POD = "/job";
    public static final String EO_ARCHIVE_IN_POD = "/eodata";
    /**
     * Tells the process where the archive is mounted, so {@code inputs.json} can name archive files
     * relative to it ({@code eodata:<path>}) instead of by the server's path. The processing side's
     * {@code EoArchive.ROOT_VARIABLE}: the launcher knows job directories only, so the name is repeated.
     */
    public static final String EO_ARCHIVE_ENV = "CANDELA_EODATA";
    public static final String CONTAINER_NAME = "process";
    public static final String GPU_RESOURCE = "nvidia.com/gpu";
    /** The processing image's user (see docker/): any fixed non-root uid works with fsGroup. */
    public static final long RUN_AS_USER = 10001;

    private static final String JOB_VOLUME = "job";
    private static final String EO_VOLUME = "eodata";
    private static final String TMP_VOLUME = "tmp";

    private final KubernetesLauncherConfig config;

    public JobManifests(KubernetesLauncherConfig config) {
        this.config = config;
    }

    /**
     * @throws IllegalArgumentException when the process has no image in the table, the job directory is not
     *                                  under the configured jobs root, or the job id cannot name a Job
     */
    public Job build(JobSpec spec) {
        ProcessImage image = config.images().find(spec.processId()).orElseThrow(() -> new IllegalArgumentException(
                "process " + spec.processId() + " has no image in " + ProcessImages.DATA_DIRECTORY_FILE));
        Map<String, String> labels = labels(spec);
        return new JobBuilder()
                .withNewMetadata()
                    .withName(JobLabels.jobName(spec.jobId()))
                    .withNamespace(config.namespace())
                    .withLabels(labels)
                    .addToAnnotations(JobLabels.OWNER_ANNOTATION, spec.owner())
                .endMetadata()
                .withNewSpec()
                    .withBackoffLimit(image.backoffLimit())
                    .withActiveDeadlineSeconds(image.activeDeadlineSeconds().orElse(null))
                    .withTtlSecondsAfterFinished(image.ttlSecondsAfterFinished().orElse(null))
                    .withNewTemplate()
                        .withNewMetadata().withLabels(labels).endMetadata()
                        .withNewSpec()
                            .withRestartPolicy("Never")
                            .withServiceAccountName(image.serviceAccount().orElse(null))
                            .withAutomountServiceAccountToken(false)
                            .withNodeSelector(image.nodeSelector().isEmpty() ? null : image.nodeSelector())
                            .withTolerations(tolerations(image))
                            .withImagePullSecrets(image.imagePullSecrets().stream()
                                    .map(LocalObjectReference::new).toList())
                            .withSecurityContext(new PodSecurityContextBuilder()
                                    .withRunAsNonRoot(true)
                                    .withRunAsUser(RUN_AS_USER)
                                    .withRunAsGroup(RUN_AS_USER)
                                    .withFsGroup(RUN_AS_USER)
                                    .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
                                    .build())
                            .withContainers(container(spec, image))
                            .withVolumes(volumes())
                        .endSpec()
                    .endTemplate()
                .endSpec()
                .build();
    }

    private Map<String, String> labels(JobSpec spec) {
        Map<String, String> labels = new LinkedHashMap<>();
        spec.labels().forEach((key, value) -> labels.put(key, JobLabels.labelValue(value)));
        labels.put(JobLabels.APP, JobLabels.APP_VALUE);
        labels.put(JobLabels.JOB_ID, spec.jobId());
        labels.put(JobLabels.PROCESS, JobLabels.labelValue(spec.processId()));
        labels.put(JobLabels.OWNER, JobLabels.labelValue(spec.owner()));
        return labels;
    }

    private Container container(JobSpec spec, ProcessImage image) {
        List<String> args = new ArrayList<>(image.args());
        args.addAll(List.of("run", spec.processId(), JOB_DIR_IN_POD));
        List<EnvVar> env = new ArrayList<>();
        image.env().forEach((name, value) -> env.add(new EnvVarBuilder().withName(name).withValue(value).build()));
        env.add(new EnvVarBuilder().withName("CANDELA_JOB_ID").withValue(spec.jobId()).build());
        if (config.eoArchiveClaim().isPresent()) {
            env.add(new EnvVarBuilder().withName(EO_ARCHIVE_ENV).withValue(EO_ARCHIVE_IN_POD).build());
        }
        return new ContainerBuilder()
                .withName(CONTAINER_NAME)
                .withImage(image.image())
                .withImagePullPolicy("IfNotPresent")
                .withCommand(image.command().isEmpty() ? null : image.command())
                .withArgs(args)
                .withEnv(env)
                .withWorkingDir(JOB_DIR_IN_POD)
                .withResources(resources(image))
                .withVolumeMounts(mounts(spec))
                // a failed process's last log lines become the container's termination message
                .withTerminationMessagePolicy("FallbackToLogsOnError")
                .withSecurityContext(new SecurityContextBuilder()
                        .withRunAsNonRoot(true)
                        .withRunAsUser(RUN_AS_USER)
                        .withReadOnlyRootFilesystem(true)
                        .withAllowPrivilegeEscalation(false)
                        .withNewCapabilities().withDrop("ALL").endCapabilities()
                        .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
                        .build())
                .build();
    }

    private static io.fabric8.kubernetes.api.model.ResourceRequirements resources(ProcessImage image) {
        Map<String, Quantity> requests = quantities(image.requests());
        Map<String, Quantity> limits = quantities(image.limits());
        if (image.gpu() > 0) {
            // extended resources: Kubernetes wants the limit, and a request equal to it if given
            limits.put(GPU_RESOURCE, new Quantity(Integer.toString(image.gpu())));
            requests.put(GPU_RESOURCE, new Quantity(Integer.toString(image.gpu())));
        }
        return new ResourceRequirementsBuilder().withRequests(requests).withLimits(limits).build();
    }

    private static Map<String, Quantity> quantities(Map<String, String> values) {
        Map<String, Quantity> quantities = new LinkedHashMap<>();
        values.forEach((name, value) -> quantities.put(name, new Quantity(value)));
        return quantities;
    }

    private List<VolumeMount> mounts(JobSpec spec) {
        List<VolumeMount> mounts = new ArrayList<>();
        mounts.add(new VolumeMountBuilder().withName(JOB_VOLUME).withMountPath(JOB_DIR_IN_POD)
                .withSubPath(subPath(spec)).withReadOnly(false).build());
        if (config.eoArchiveClaim().isPresent()) {
            mounts.add(new VolumeMountBuilder().withName(EO_VOLUME).withMountPath(EO_ARCHIVE_IN_POD)
                    .withReadOnly(true).build());
        }
        mounts.add(new VolumeMountBuilder().withName(TMP_VOLUME).withMountPath("/tmp").build());
        return mounts;
    }

    /** {@code jobs/<dir>}: the job directory's place in the PVC, from its place under the server's root. */
    String subPath(JobSpec spec) {
        Path directory = spec.jobDirectory().toAbsolutePath().normalize();
        if (!directory.startsWith(config.serverJobsRoot()) || directory.equals(config.serverJobsRoot())) {
            throw new IllegalArgumentException("job directory " + directory + " is not under the jobs root "
                    + config.serverJobsRoot() + " that the pods see");
        }
        Path relative = config.serverJobsRoot().relativize(directory);
        String inClaim = relative.toString().replace('\\', '/');
        return config.jobsSubPath().isEmpty() ? inClaim : config.jobsSubPath() + "/" + inClaim;
    }

    private List<Volume> volumes() {
        List<Volume> volumes = new ArrayList<>();
        volumes.add(new VolumeBuilder().withName(JOB_VOLUME).withNewPersistentVolumeClaim()
                .withClaimName(config.jobDirectoriesClaim()).withReadOnly(false).endPersistentVolumeClaim().build());
        config.eoArchiveClaim().ifPresent(claim -> volumes.add(new VolumeBuilder().withName(EO_VOLUME)
                .withNewPersistentVolumeClaim().withClaimName(claim).withReadOnly(true).endPersistentVolumeClaim()
                .build()));
        // the only writable place besides /job with a read-only root file system (JVM temp files)
        volumes.add(new VolumeBuilder().withName(TMP_VOLUME).withNewEmptyDir().endEmptyDir().build());
        return volumes;
    }

    private static List<Toleration> tolerations(ProcessImage image) {
        return image.tolerations().stream().map(t -> new TolerationBuilder().withKey(t.key())
                .withOperator(t.operator()).withValue(t.value()).withEffect(t.effect())
                .withTolerationSeconds(t.tolerationSeconds()).build()).toList();
    }
}
