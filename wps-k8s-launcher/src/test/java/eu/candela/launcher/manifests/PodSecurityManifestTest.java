package eu.candela.launcher.manifests;

import eu.candela.launcher.manifests.RenderedOverlay.Workload;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every container an overlay runs meets the restricted Pod Security Standard the namespace
 * enforces, declares its resources and, when it runs for long, tells Kubernetes when it is ready
 * and alive. Checked on the effective settings: a container's own security context, else its pod's.
 */
class PodSecurityManifestTest {
    static final List<String> OVERLAYS = RenderedOverlay.OVERLAYS;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyPodComesFromAWorkloadTheseTestsInspect(String overlay) {
        var rendered = RenderedOverlay.of(overlay);
        var podKinds = List.of("Pod", "ReplicaSet", "DaemonSet", "Job", "CronJob", "ReplicationController");
        assertThat(rendered.objects()).noneMatch(o -> podKinds.contains(o.getKind()));
        assertThat(rendered.workloads()).extracting(Workload::name)
                .containsExactlyInAnyOrder("candela-server", "candela-postgres");
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyContainerHasReadinessAndLivenessProbes(String overlay) {
        for (Container c : containers(overlay)) {
            assertThat(c.getReadinessProbe()).as("readiness probe of %s", c.getName()).isNotNull();
            assertThat(c.getLivenessProbe()).as("liveness probe of %s", c.getName()).isNotNull();
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void serverProbesAreSpringBootsHealthGroupsOnItsHttpPort(String overlay) {
        Container server = RenderedOverlay.of(overlay).workload("candela-server").template().getSpec().getContainers().get(0);
        assertThat(server.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
        assertThat(server.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
        assertThat(server.getStartupProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
        for (var probe : List.of(server.getReadinessProbe(), server.getLivenessProbe(), server.getStartupProbe())) {
            assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
        }
        assertThat(server.getPorts()).anyMatch(p -> "http".equals(p.getName()) && p.getContainerPort() == 8080);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyContainerRequestsAndLimitsCpuAndMemoryWithRequestsWithinLimits(String overlay) {
        for (Container c : allContainers(overlay)) {
            ResourceRequirements resources = c.getResources();
            assertThat(resources).as("resources of %s", c.getName()).isNotNull();
            for (String resource : List.of("cpu", "memory")) {
                Quantity request = resources.getRequests().get(resource);
                Quantity limit = resources.getLimits().get(resource);
                assertThat(request).as("%s request of %s", resource, c.getName()).isNotNull();
                assertThat(limit).as("%s limit of %s", resource, c.getName()).isNotNull();
                assertThat(amount(request)).as("%s request of %s", resource, c.getName())
                        .isPositive().isLessThanOrEqualTo(amount(limit));
            }
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyPodMeetsTheRestrictedStandardWithAReadOnlyRoot(String overlay) {
        for (Workload w : RenderedOverlay.of(overlay).workloads()) {
            RestrictedPodStandard.assertMet(w.toString(), w.template().getSpec());
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyImageNamesAPinnedTagOrDigest(String overlay) {
        for (Container c : allContainers(overlay)) {
            String image = c.getImage();
            assertThat(image).as("image of %s", c.getName()).isNotBlank();
            if (image.contains("@sha256:")) continue;
            String lastSegment = image.substring(image.lastIndexOf('/') + 1);
            assertThat(lastSegment).as("image of %s", c.getName()).contains(":");
            assertThat(lastSegment.substring(lastSegment.indexOf(':') + 1)).as("tag of %s", image).isNotEqualTo("latest");
        }
    }

    /** Long-running containers: init containers end, so they need no probes. */
    private static List<Container> containers(String overlay) {
        return RenderedOverlay.of(overlay).workloads().stream()
                .flatMap(w -> w.template().getSpec().getContainers().stream()).toList();
    }

    private static List<Container> allContainers(String overlay) {
        return RenderedOverlay.of(overlay).workloads().stream()
                .flatMap(w -> containersOf(w.template().getSpec()).stream()).toList();
    }

    private static List<Container> containersOf(PodSpec pod) {
        return RestrictedPodStandard.containersOf(pod);
    }

    private static BigDecimal amount(Quantity quantity) {
        return Quantity.getAmountInBytes(quantity);
    }
}
