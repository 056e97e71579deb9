package eu.candela.launcher.manifests;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What dev and prod are for: dev is one small server on plain HTTP; prod runs two larger replicas
 * (the Lease lets one reconcile), behind TLS, with a disruption budget that keeps one serving.
 */
class OverlayDifferencesManifestTest {
    private static final String SERVER = "candela-server";

    @Test
    void devRunsOneServerReplicaAndProdTwo() {
        assertThat(RenderedOverlay.of("dev").workload(SERVER).replicas()).isEqualTo(1);
        assertThat(RenderedOverlay.of("prod").workload(SERVER).replicas()).isEqualTo(2);
    }

    @Test
    void prodServerGetsMoreCpuAndMemoryThanDev() {
        ResourceRequirements dev = serverResources("dev");
        ResourceRequirements prod = serverResources("prod");
        for (String resource : List.of("cpu", "memory")) {
            assertThat(amount(prod.getRequests().get(resource))).as("%s request", resource)
                    .isGreaterThan(amount(dev.getRequests().get(resource)));
            assertThat(amount(prod.getLimits().get(resource))).as("%s limit", resource)
                    .isGreaterThan(amount(dev.getLimits().get(resource)));
        }
    }

    @Test
    void onlyProdHasADisruptionBudgetAndItLetsADrainProceed() {
        assertThat(RenderedOverlay.of("dev").all(PodDisruptionBudget.class)).isEmpty();

        var prod = RenderedOverlay.of("prod");
        assertThat(prod.all(PodDisruptionBudget.class)).hasSize(1);
        PodDisruptionBudget budget = prod.all(PodDisruptionBudget.class).get(0);
        var podLabels = prod.workload(SERVER).template().getMetadata().getLabels();
        assertThat(podLabels).containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());
        // minAvailable equal to replicas would block every node drain for good.
        int minAvailable = budget.getSpec().getMinAvailable().getIntVal();
        assertThat(minAvailable).isPositive().isLessThan(prod.workload(SERVER).replicas());
    }

    @Test
    void devServesPlainHttpAndProdTerminatesTlsForItsHost() {
        Ingress dev = RenderedOverlay.of("dev").one(Ingress.class, SERVER);
        assertThat(dev.getSpec().getTls()).isNullOrEmpty();
        assertThat(publicUrl("dev")).startsWith("http://" + dev.getSpec().getRules().get(0).getHost());

        Ingress prod = RenderedOverlay.of("prod").one(Ingress.class, SERVER);
        String host = prod.getSpec().getRules().get(0).getHost();
        assertThat(prod.getSpec().getTls()).hasSize(1);
        IngressTLS tls = prod.getSpec().getTls().get(0);
        assertThat(tls.getHosts()).containsExactly(host);
        assertThat(tls.getSecretName()).isNotBlank();
        assertThat(publicUrl("prod")).isEqualTo("https://" + host);
    }

    @Test
    void prodSpreadsServerReplicasOverNodes() {
        var affinity = RenderedOverlay.of("prod").workload(SERVER).template().getSpec().getAffinity();
        assertThat(affinity).isNotNull();
        assertThat(affinity.getPodAntiAffinity().getPreferredDuringSchedulingIgnoredDuringExecution())
                .anyMatch(t -> "kubernetes.io/hostname".equals(t.getPodAffinityTerm().getTopologyKey()));
    }

    private static ResourceRequirements serverResources(String overlay) {
        return RenderedOverlay.of(overlay).workload(SERVER).template().getSpec().getContainers().get(0).getResources();
    }

    private static String publicUrl(String overlay) {
        return RenderedOverlay.of(overlay).generated(ConfigMap.class, "candela-server-settings").getData().get("candela.public-url");
    }

    private static java.math.BigDecimal amount(Quantity quantity) {
        return Quantity.getAmountInBytes(quantity);
    }
}
