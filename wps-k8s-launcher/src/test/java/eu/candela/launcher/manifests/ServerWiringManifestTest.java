package eu.candela.launcher.manifests;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import eu.candela.launcher.manifests.RenderedOverlay.Workload;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressServiceBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The objects of an overlay fit together: every name a pod refers to is rendered, Services and
 * the Ingress reach real ports, and the server's settings point the Kubernetes launcher at the
 * namespace, claims, process table and identity this overlay creates.
 */
class ServerWiringManifestTest {
    static final List<String> OVERLAYS = RenderedOverlay.OVERLAYS;
    private static final String SETTINGS = "candela.launcher.kubernetes.";
    private static final String CLUSTER_TABLE = "k8s/base/data-dir/processes/images.yaml";

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyNameAPodRefersToIsRendered(String overlay) {
        var rendered = RenderedOverlay.of(overlay);
        for (Workload w : rendered.workloads()) {
            PodSpec pod = w.template().getSpec();
            if (pod.getServiceAccountName() != null) {
                assertThat(rendered.find(ServiceAccount.class, pod.getServiceAccountName())).as("service account of %s", w).isPresent();
            }
            Set<String> volumeNames = new HashSet<>();
            for (Volume v : pod.getVolumes()) {
                volumeNames.add(v.getName());
                if (v.getPersistentVolumeClaim() != null) {
                    assertThat(rendered.find(PersistentVolumeClaim.class, v.getPersistentVolumeClaim().getClaimName()))
                            .as("claim of volume %s in %s", v.getName(), w).isPresent();
                }
                if (v.getConfigMap() != null) {
                    assertThat(rendered.find(ConfigMap.class, v.getConfigMap().getName())).as("ConfigMap of volume %s in %s", v.getName(), w).isPresent();
                }
                if (v.getSecret() != null) {
                    assertThat(rendered.find(Secret.class, v.getSecret().getSecretName())).as("Secret of volume %s in %s", v.getName(), w).isPresent();
                }
            }
            rendered.find(StatefulSet.class, w.name()).ifPresent(s ->
                    s.getSpec().getVolumeClaimTemplates().forEach(t -> volumeNames.add(t.getMetadata().getName())));
            for (Container c : pod.getContainers()) {
                assertThat(c.getVolumeMounts()).as("mounts of %s in %s", c.getName(), w)
                        .allMatch(m -> volumeNames.contains(m.getName()));
                for (EnvFromSource from : c.getEnvFrom()) {
                    if (from.getConfigMapRef() != null) {
                        assertThat(rendered.find(ConfigMap.class, from.getConfigMapRef().getName())).as("envFrom of %s", c.getName()).isPresent();
                    }
                    if (from.getSecretRef() != null) {
                        assertThat(rendered.find(Secret.class, from.getSecretRef().getName())).as("envFrom of %s", c.getName()).isPresent();
                    }
                }
                for (EnvVar env : c.getEnv()) {
                    var source = env.getValueFrom();
                    if (source == null) continue;
                    if (source.getSecretKeyRef() != null) {
                        var ref = source.getSecretKeyRef();
                        assertThat(rendered.find(Secret.class, ref.getName())).as("Secret of %s", env.getName())
                                .hasValueSatisfying(s -> assertThat(s.getData()).containsKey(ref.getKey()));
                    }
                    if (source.getConfigMapKeyRef() != null) {
                        var ref = source.getConfigMapKeyRef();
                        assertThat(rendered.find(ConfigMap.class, ref.getName())).as("ConfigMap of %s", env.getName())
                                .hasValueSatisfying(m -> assertThat(m.getData()).containsKey(ref.getKey()));
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyServiceSelectsOneWorkloadAndNamesOneOfItsPorts(String overlay) {
        var rendered = RenderedOverlay.of(overlay);
        for (Service service : rendered.all(Service.class)) {
            Map<String, String> selector = service.getSpec().getSelector();
            List<Workload> selected = rendered.workloads().stream()
                    .filter(w -> w.template().getMetadata().getLabels().entrySet().containsAll(selector.entrySet())).toList();
            assertThat(selected).as("workloads Service %s selects", service.getMetadata().getName()).hasSize(1);
            Set<String> portNames = new HashSet<>();
            selected.get(0).template().getSpec().getContainers().forEach(c -> c.getPorts().forEach(p -> portNames.add(p.getName())));
            for (ServicePort port : service.getSpec().getPorts()) {
                assertThat(portNames).as("target port of Service %s", service.getMetadata().getName())
                        .contains(port.getTargetPort().getStrVal());
            }
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theIngressRoutesToTheServersServicePort(String overlay) {
        var rendered = RenderedOverlay.of(overlay);
        Ingress ingress = rendered.one(Ingress.class, "candela-server");
        for (var rule : ingress.getSpec().getRules()) {
            for (var path : rule.getHttp().getPaths()) {
                IngressServiceBackend backend = path.getBackend().getService();
                Service service = rendered.one(Service.class, backend.getName());
                assertThat(service.getSpec().getPorts()).extracting(ServicePort::getName).contains(backend.getPort().getName());
                assertThat(service.getSpec().getSelector()).containsEntry("app.kubernetes.io/name", "candela-server");
            }
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void serverRunsTheKubernetesLauncherInItsOwnNamespace(String overlay) {
        Container server = server(overlay);
        assertThat(settings(overlay)).containsEntry("candela.launcher.type", "kubernetes");
        EnvVar namespace = env(server, SETTINGS + "namespace");
        assertThat(namespace.getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.namespace");
    }

    /** The Role grants the Lease for this: with leader election off, two replicas would both reconcile. */
    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void replicasElectTheOneThatReconciles(String overlay) {
        assertThat(settings(overlay)).containsEntry(SETTINGS + "leader-election.enabled", "true");
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void jobsRunAsTheProcessingAccountWhichHasNoApiToken(String overlay) throws IOException {
        String account = (String) processTable(overlay).get("defaults").get("serviceAccount");
        var rendered = RenderedOverlay.of(overlay);
        assertThat(rendered.find(ServiceAccount.class, account)).as("service account %s", account)
                .hasValueSatisfying(sa -> assertThat(sa.getAutomountServiceAccountToken()).isFalse());
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void jobDirectoriesAreASharedWritableClaimMountedWhereTheServerKeepsJobs(String overlay) {
        String claim = settings(overlay).get(SETTINGS + "jobs-claim");
        assertThat(accessModes(overlay, claim)).containsExactly("ReadWriteMany");
        VolumeMount mount = mountOfClaim(overlay, claim);
        assertThat(mount.getMountPath()).isEqualTo(dataDir(overlay) + "/jobs");
        // The launcher mounts <jobs-sub-path>/<job-id> in each Job: the server must see the same folder.
        assertThat(mount.getSubPath()).isEqualTo(settings(overlay).get(SETTINGS + "jobs-sub-path"));
        assertThat(mount.getReadOnly()).isNotEqualTo(Boolean.TRUE);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theEoArchiveIsAReadOnlyClaimMountedReadOnlyWhereTheServerServesIt(String overlay) {
        String claim = settings(overlay).get(SETTINGS + "eodata-claim");
        assertThat(accessModes(overlay, claim)).containsExactly("ReadOnlyMany");
        VolumeMount mount = mountOfClaim(overlay, claim);
        assertThat(mount.getMountPath()).isEqualTo(dataDir(overlay) + "/eodata");
        assertThat(mount.getReadOnly()).isTrue();
    }

    /** Several replicas share the catalogue, so the data directory itself must be on a ReadWriteMany claim. */
    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theDataDirectoryIsASharedWritableClaim(String overlay) {
        var rendered = RenderedOverlay.of(overlay);
        PodSpec pod = rendered.workload("candela-server").template().getSpec();
        VolumeMount mount = server(overlay).getVolumeMounts().stream()
                .filter(m -> m.getMountPath().equals(dataDir(overlay))).findFirst().orElseThrow();
        Volume volume = pod.getVolumes().stream().filter(v -> v.getName().equals(mount.getName())).findFirst().orElseThrow();
        assertThat(accessModes(overlay, volume.getPersistentVolumeClaim().getClaimName())).containsExactly("ReadWriteMany");
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theProcessTableIsAMountedConfigMapFile(String overlay) throws IOException {
        var rendered = RenderedOverlay.of(overlay);
        Path imagesFile = Path.of(settings(overlay).get(SETTINGS + "images-table"));
        VolumeMount mount = server(overlay).getVolumeMounts().stream()
                .filter(m -> imagesFile.getParent().equals(Path.of(m.getMountPath()))).findFirst().orElseThrow();
        Volume volume = rendered.workload("candela-server").template().getSpec().getVolumes().stream()
                .filter(v -> v.getName().equals(mount.getName())).findFirst().orElseThrow();
        ConfigMap table = rendered.one(ConfigMap.class, volume.getConfigMap().getName());
        assertThat(table.getData().get(imagesFile.getFileName().toString()))
                .isEqualTo(Files.readString(RepositoryFiles.resolve(CLUSTER_TABLE)));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theJobStoreIsThePostgresServiceWithThePasswordFromItsSecret(String overlay) {
        var rendered = RenderedOverlay.of(overlay);
        URI url = URI.create(settings(overlay).get("spring.datasource.url").substring("jdbc:".length()));
        assertThat(url.getScheme()).isEqualTo("postgresql");
        Service service = rendered.one(Service.class, url.getHost());
        assertThat(service.getSpec().getPorts()).extracting(ServicePort::getPort).contains(url.getPort());

        var password = env(server(overlay), "spring.datasource.password").getValueFrom().getSecretKeyRef();
        Container postgres = rendered.workload("candela-postgres").template().getSpec().getContainers().get(0);
        var postgresPassword = env(postgres, "POSTGRES_PASSWORD").getValueFrom().getSecretKeyRef();
        assertThat(password.getName()).isEqualTo(postgresPassword.getName());
        assertThat(password.getKey()).isEqualTo(postgresPassword.getKey());
        assertThat(postgres.getPorts()).extracting(ContainerPort::getContainerPort).contains(url.getPort());
    }

    /**
     * The cluster's table is the data directory's default plus the Jobs' service account; a copy
     * that drifted further would run other images or resources in the cluster than locally.
     */
    @Test
    void theClustersProcessTableIsTheDataDirectoryDefaultWithTheJobsAccount() throws IOException {
        Map<String, Map<String, Object>> cluster = readTable(Files.readString(RepositoryFiles.resolve(CLUSTER_TABLE)));
        Map<String, Map<String, Object>> local = readTable(Files.readString(RepositoryFiles.resolve("geoserver-data-dir/processes/images.yaml")));
        assertThat(cluster.get("defaults").remove("serviceAccount")).isEqualTo("candela-processing");
        assertThat(cluster).isEqualTo(local);
    }

    private static Map<String, Map<String, Object>> processTable(String overlay) throws IOException {
        var rendered = RenderedOverlay.of(overlay);
        Path imagesFile = Path.of(settings(overlay).get(SETTINGS + "images-table"));
        VolumeMount mount = server(overlay).getVolumeMounts().stream()
                .filter(m -> imagesFile.getParent().equals(Path.of(m.getMountPath()))).findFirst().orElseThrow();
        Volume volume = rendered.workload("candela-server").template().getSpec().getVolumes().stream()
                .filter(v -> v.getName().equals(mount.getName())).findFirst().orElseThrow();
        return readTable(rendered.one(ConfigMap.class, volume.getConfigMap().getName()).getData().get(imagesFile.getFileName().toString()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> readTable(String yaml) throws IOException {
        return new YAMLMapper().readValue(yaml, Map.class);
    }

    private static Container server(String overlay) {
        return RenderedOverlay.of(overlay).workload("candela-server").template().getSpec().getContainers().get(0);
    }

    /** The literal settings the server container gets: its envFrom ConfigMaps, then its own env values. */
    private static Map<String, String> settings(String overlay) {
        var rendered = RenderedOverlay.of(overlay);
        Map<String, String> settings = new LinkedHashMap<>();
        for (EnvFromSource from : server(overlay).getEnvFrom()) {
            if (from.getConfigMapRef() != null) {
                settings.putAll(rendered.one(ConfigMap.class, from.getConfigMapRef().getName()).getData());
            }
        }
        for (EnvVar env : server(overlay).getEnv()) {
            if (env.getValue() != null) settings.put(env.getName(), env.getValue());
        }
        return settings;
    }

    private static String dataDir(String overlay) {
        return settings(overlay).get("candela.data-dir");
    }

    private static EnvVar env(Container container, String name) {
        return container.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(container.getName() + " has no env " + name));
    }

    private static List<String> accessModes(String overlay, String claim) {
        return RenderedOverlay.of(overlay).one(PersistentVolumeClaim.class, claim).getSpec().getAccessModes();
    }

    private static VolumeMount mountOfClaim(String overlay, String claim) {
        PodSpec pod = RenderedOverlay.of(overlay).workload("candela-server").template().getSpec();
        Volume volume = pod.getVolumes().stream()
                .filter(v -> v.getPersistentVolumeClaim() != null && claim.equals(v.getPersistentVolumeClaim().getClaimName()))
                .findFirst().orElseThrow(() -> new AssertionError("the server mounts no volume of claim " + claim));
        return server(overlay).getVolumeMounts().stream().filter(m -> m.getName().equals(volume.getName())).findFirst()
                .orElseThrow(() -> new AssertionError("volume " + volume.getName() + " is not mounted"));
    }
}
