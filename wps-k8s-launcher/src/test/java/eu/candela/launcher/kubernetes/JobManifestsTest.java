package eu.candela.launcher.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import eu.candela.launcher.spi.JobSpec;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

class JobManifestsTest {
    private static final String JOB_ID = "3f2c1a7e-5b9d-4e0f-8a61-2d4c6b8e0f12";
    private static final Path JOBS_ROOT = Path.of("/var/lib/candela/jobs");
    private static final ProcessImages IMAGES = ProcessImages.parse("""
            defaults:
              image: candela/processing:0.1.0
              command: [java, -jar, /opt/candela/candela-processes.jar]
              env: { JAVA_TOOL_OPTIONS: "-XX:MaxRAMPercentage=75" }
              resources:
                requests: { cpu: 1, memory: 2Gi }
                limits: { cpu: 2, memory: 4Gi }
              ttlSecondsAfterFinished: 3600
            processes:
              ChangeDetection:
                image: candela/processing-gpu:0.1.0
                gpu: 2
                nodeSelector: { candela.eu/gpu: "true" }
                tolerations: [ { key: nvidia.com/gpu, operator: Exists, effect: NoSchedule } ]
                serviceAccount: candela-processing
                imagePullSecrets: [registry-credentials]
                activeDeadlineSeconds: 7200
                backoffLimit: 1
            """, "images.yaml");

    private final JobManifests manifests = new JobManifests(
            KubernetesLauncherConfig.builder("candela", IMAGES, JOBS_ROOT).build());

    private static JobSpec spec(String processId, String owner) {
        return new JobSpec(JOB_ID, processId, owner, JOBS_ROOT.resolve(JOB_ID), Map.of("candela.eu/request", "wps"));
    }

    private static Container container(Job job) {
        return job.getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    @Test
    void jobIsNamedAndLabelledForTheSelector() {
        Job job = manifests.build(spec("Hello", "alice@example.eu"));

        assertThat(job.getApiVersion()).isEqualTo("batch/v1");
        assertThat(job.getMetadata().getName()).isEqualTo("candela-" + JOB_ID);
        assertThat(job.getMetadata().getNamespace()).isEqualTo("candela");
        Map<String, String> labels = job.getMetadata().getLabels();
        assertThat(labels).containsEntry("app.kubernetes.io/name", "candela")
                .containsEntry("candela.eu/job-id", JOB_ID)
                .containsEntry("candela.eu/process", "Hello")
                .containsEntry("candela.eu/request", "wps");
        // '@' may not be in a label value: the owner label is made safe, the annotation keeps it whole
        assertThat(labels.get("candela.eu/owner")).matches("alice_example.eu-[0-9a-f]{8}");
        assertThat(job.getMetadata().getAnnotations()).containsEntry("candela.eu/owner", "alice@example.eu");
        assertThat(job.getSpec().getTemplate().getMetadata().getLabels()).isEqualTo(labels);
    }

    @Test
    void containerRunsTheCliOnTheJobDirectoryWithTheTablesImageAndResources() {
        Job job = manifests.build(spec("Hello", "alice"));
        Container container = container(job);

        assertThat(container.getImage()).isEqualTo("candela/processing:0.1.0");
        assertThat(container.getCommand()).containsExactly("java", "-jar", "/opt/candela/candela-processes.jar");
        assertThat(container.getArgs()).containsExactly("run", "Hello", "/job");
        assertThat(container.getEnv()).extracting(e -> e.getName() + "=" + e.getValue())
                .contains("JAVA_TOOL_OPTIONS=-XX:MaxRAMPercentage=75", "CANDELA_JOB_ID=" + JOB_ID,
                        "CANDELA_EODATA=/eodata"); // where inputs.json's eodata: paths lie in the pod
        assertThat(container.getResources().getRequests())
                .isEqualTo(Map.of("cpu", new Quantity("1"), "memory", new Quantity("2Gi")));
        assertThat(container.getResources().getLimits())
                .isEqualTo(Map.of("cpu", new Quantity("2"), "memory", new Quantity("4Gi")));
        assertThat(job.getSpec().getBackoffLimit()).isZero();
        assertThat(job.getSpec().getActiveDeadlineSeconds()).isNull();
        assertThat(job.getSpec().getTtlSecondsAfterFinished()).isEqualTo(3600);
        assertThat(job.getSpec().getTemplate().getSpec().getRestartPolicy()).isEqualTo("Never");
    }

    @Test
    void gpuProcessGetsGpusSchedulingAndItsOwnLimits() {
        Job job = manifests.build(spec("ChangeDetection", "alice"));
        PodSpec pod = job.getSpec().getTemplate().getSpec();
        Container container = container(job);

        assertThat(container.getImage()).isEqualTo("candela/processing-gpu:0.1.0");
        assertThat(container.getResources().getLimits()).containsEntry("nvidia.com/gpu", new Quantity("2"));
        assertThat(container.getResources().getRequests()).containsEntry("nvidia.com/gpu", new Quantity("2"));
        assertThat(pod.getNodeSelector()).isEqualTo(Map.of("candela.eu/gpu", "true"));
        assertThat(pod.getTolerations()).singleElement().satisfies(t -> {
            assertThat(t.getKey()).isEqualTo("nvidia.com/gpu");
            assertThat(t.getOperator()).isEqualTo("Exists");
            assertThat(t.getEffect()).isEqualTo("NoSchedule");
        });
        assertThat(pod.getServiceAccountName()).isEqualTo("candela-processing");
        assertThat(pod.getImagePullSecrets()).extracting(r -> r.getName()).containsExactly("registry-credentials");
        assertThat(job.getSpec().getActiveDeadlineSeconds()).isEqualTo(7200L);
        assertThat(job.getSpec().getBackoffLimit()).isEqualTo(1);
    }

    @Test
    void volumesGiveTheJobDirectoryReadWriteAndTheArchiveReadOnly() {
        Job job = manifests.build(spec("Hello", "alice"));
        PodSpec pod = job.getSpec().getTemplate().getSpec();
        Map<String, VolumeMount> mounts = new java.util.HashMap<>();
        container(job).getVolumeMounts().forEach(m -> mounts.put(m.getMountPath(), m));
        Map<String, Volume> volumes = new java.util.HashMap<>();
        pod.getVolumes().forEach(v -> volumes.put(v.getName(), v));

        VolumeMount jobMount = mounts.get("/job");
        assertThat(jobMount.getSubPath()).isEqualTo("jobs/" + JOB_ID);
        assertThat(jobMount.getReadOnly()).isFalse();
        assertThat(volumes.get(jobMount.getName()).getPersistentVolumeClaim().getClaimName()).isEqualTo("candela-jobs");
        VolumeMount archive = mounts.get("/eodata");
        assertThat(archive.getReadOnly()).isTrue();
        assertThat(volumes.get(archive.getName()).getPersistentVolumeClaim().getClaimName()).isEqualTo("candela-eodata");
        assertThat(volumes.get(archive.getName()).getPersistentVolumeClaim().getReadOnly()).isTrue();
        assertThat(volumes.get(mounts.get("/tmp").getName()).getEmptyDir()).isNotNull();
        assertThat(mounts).hasSize(3);
    }

    @Test
    void podRunsLockedDown() {
        Job job = manifests.build(spec("Hello", "alice"));
        PodSpec pod = job.getSpec().getTemplate().getSpec();
        var security = container(job).getSecurityContext();

        assertThat(security.getRunAsNonRoot()).isTrue();
        assertThat(security.getRunAsUser()).isEqualTo(10001L);
        assertThat(security.getReadOnlyRootFilesystem()).isTrue();
        assertThat(security.getAllowPrivilegeEscalation()).isFalse();
        assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(security.getCapabilities().getAdd()).isNullOrEmpty();
        assertThat(security.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getFsGroup()).isEqualTo(10001L);
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
    }

    @Test
    void manifestSerializesToTheYamlKubernetesExpects() {
        String yaml = Serialization.asYaml(manifests.build(spec("Hello", "alice")));

        assertThat(yaml).contains("kind: \"Job\"", "restartPolicy: \"Never\"", "subPath: \"jobs/" + JOB_ID + "\"",
                "terminationMessagePolicy: \"FallbackToLogsOnError\"");
    }

    @Test
    void withoutArchiveClaimThereIsNoArchiveVolume() {
        JobManifests noArchive = new JobManifests(
                KubernetesLauncherConfig.builder("candela", IMAGES, JOBS_ROOT).eoArchiveClaim(null).build());

        Job job = noArchive.build(spec("Hello", "alice"));

        assertThat(container(job).getVolumeMounts()).extracting(VolumeMount::getMountPath)
                .containsExactly("/job", "/tmp");
        assertThat(container(job).getEnv()).extracting(e -> e.getName()).doesNotContain("CANDELA_EODATA");
    }

    @Test
    void jobDirectoryOutsideTheJobsRootIsRefused() {
        JobSpec elsewhere = new JobSpec(JOB_ID, "Hello", "alice", Path.of("/tmp/elsewhere"), Map.of());

        assertThatThrownBy(() -> manifests.build(elsewhere)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("job directory /tmp/elsewhere is not under the jobs root /var/lib/candela/jobs that the pods see");
    }

    @Test
    void labelValuesAreMadeSafeStablyAndKeptWhenAlreadySafe() {
        assertThat(JobLabels.labelValue("alice")).isEqualTo("alice");
        assertThat(JobLabels.labelValue("alice@example.eu")).isEqualTo(JobLabels.labelValue("alice@example.eu"))
                .isNotEqualTo(JobLabels.labelValue("alice_example.eu"));
        String longOwner = "CN=" + "x".repeat(100) + ",O=Candela";
        assertThat(JobLabels.labelValue(longOwner)).hasSizeLessThanOrEqualTo(63)
                .matches("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");
        assertThat(JobLabels.labelValue("@@@")).matches("[0-9a-f]{8}");
        assertThatThrownBy(() -> JobLabels.jobName("Not a DNS name!")).isInstanceOf(IllegalArgumentException.class);
    }
}
