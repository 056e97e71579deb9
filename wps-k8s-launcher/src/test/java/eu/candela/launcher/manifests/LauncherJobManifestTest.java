package eu.candela.launcher.manifests;

import eu.candela.launcher.kubernetes.JobManifests;
import eu.candela.launcher.kubernetes.KubernetesLauncherConfig;
import eu.candela.launcher.kubernetes.ProcessImages;
import eu.candela.launcher.spi.JobSpec;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Jobs the launcher would create with an overlay's settings and process table (built by the
 * real {@link JobManifests}) fit that overlay: the namespace admits them (restricted standard),
 * their claims and service account are rendered objects with the right access, and each Job's
 * sub-path is the folder the server sees as {@code data-dir/jobs/<job-id>}.
 */
class LauncherJobManifestTest {
    static final List<String> OVERLAYS = RenderedOverlay.OVERLAYS;
    private static final String SETTINGS = "candela.launcher.kubernetes.";

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyProcessesJobIsAdmittedByTheNamespaceAndUsesItsObjects(String overlay) {
        var rendered = RenderedOverlay.of(overlay);
        Map<String, String> settings = rendered.generated(ConfigMap.class, "candela-server-settings").getData();
        ProcessImages table = ProcessImages.parse(
                rendered.generated(ConfigMap.class, "candela-processes").getData().get("images.yaml"), "candela-processes");
        String namespace = rendered.all(Namespace.class).get(0).getMetadata().getName();
        Path jobsRoot = Path.of(settings.get("candela.data-dir"), "jobs");
        var config = KubernetesLauncherConfig.builder(namespace, table, jobsRoot)
                .jobDirectoriesClaim(settings.get(SETTINGS + "jobs-claim"))
                .jobsSubPath(settings.get(SETTINGS + "jobs-sub-path"))
                .eoArchiveClaim(settings.get(SETTINGS + "eodata-claim"))
                .build();
        JobManifests manifests = new JobManifests(config);

        for (String processId : List.of("ChangeDetection", "Hello")) {
            String jobId = "job-" + processId.toLowerCase();
            Job job = manifests.build(new JobSpec(jobId, processId, "alice", jobsRoot.resolve(jobId), Map.of()));
            String who = "Job of " + processId + " in " + overlay;
            PodSpec pod = job.getSpec().getTemplate().getSpec();

            RestrictedPodStandard.assertMet(who, pod);
            assertThat(rendered.find(ServiceAccount.class, pod.getServiceAccountName())).as("service account of %s", who)
                    .hasValueSatisfying(sa -> assertThat(sa.getAutomountServiceAccountToken()).isFalse());
            Container container = pod.getContainers().get(0);
            assertThat(container.getResources().getRequests()).as("requests of %s", who).containsKeys("cpu", "memory");
            assertThat(container.getResources().getLimits()).as("limits of %s", who).containsKeys("cpu", "memory");

            for (Volume volume : pod.getVolumes()) {
                if (volume.getPersistentVolumeClaim() == null) continue;
                String claim = volume.getPersistentVolumeClaim().getClaimName();
                assertThat(rendered.find(PersistentVolumeClaim.class, claim)).as("claim %s of %s", claim, who).isPresent();
            }
            assertThat(claimAccess(rendered, pod, container, settings.get(SETTINGS + "jobs-claim")))
                    .as("job directory of %s", who).isEqualTo("ReadWriteMany rw " + settings.get(SETTINGS + "jobs-sub-path") + "/" + jobId);
            assertThat(claimAccess(rendered, pod, container, settings.get(SETTINGS + "eodata-claim")))
                    .as("EO archive of %s", who).isEqualTo("ReadOnlyMany ro -");
        }
    }

    /** "accessMode rw|ro subPath" of the container's mount of a claim. */
    private static String claimAccess(RenderedOverlay rendered, PodSpec pod, Container container, String claim) {
        Volume volume = pod.getVolumes().stream()
                .filter(v -> v.getPersistentVolumeClaim() != null && claim.equals(v.getPersistentVolumeClaim().getClaimName()))
                .findFirst().orElseThrow(() -> new AssertionError("no volume of claim " + claim));
        VolumeMount mount = container.getVolumeMounts().stream().filter(m -> m.getName().equals(volume.getName()))
                .findFirst().orElseThrow(() -> new AssertionError("volume " + volume.getName() + " not mounted"));
        List<String> modes = rendered.one(PersistentVolumeClaim.class, claim).getSpec().getAccessModes();
        boolean readOnly = Boolean.TRUE.equals(mount.getReadOnly()) && Boolean.TRUE.equals(volume.getPersistentVolumeClaim().getReadOnly());
        return String.join(",", modes) + (readOnly ? " ro " : " rw ") + (mount.getSubPath() == null ? "-" : mount.getSubPath());
    }
}
