package eu.candela.launcher.manifests;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an overlay renders at all: only kinds fabric8's model knows (a typo in apiVersion or kind
 * would otherwise pass every typed check by being skipped), all in the overlay's one namespace.
 */
class RenderedObjectsManifestTest {
    static final List<String> OVERLAYS = RenderedOverlay.OVERLAYS;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyObjectParsesIntoATypedModel(String overlay) {
        var rendered = RenderedOverlay.of(overlay);
        assertThat(rendered.objects()).hasSizeGreaterThan(10);
        assertThat(rendered.objects()).as("objects fabric8 does not know")
                .noneMatch(o -> o instanceof GenericKubernetesResource);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyNamespacedObjectIsInTheOverlaysNamespace(String overlay) {
        var rendered = RenderedOverlay.of(overlay);
        assertThat(rendered.all(Namespace.class)).hasSize(1);
        String namespace = rendered.all(Namespace.class).get(0).getMetadata().getName();
        for (HasMetadata o : rendered.objects()) {
            if (o instanceof Namespace) continue;
            assertThat(o.getMetadata().getNamespace()).as("namespace of %s %s", o.getKind(), o.getMetadata().getName())
                    .isEqualTo(namespace);
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theNamespaceEnforcesTheRestrictedPodSecurityStandard(String overlay) {
        Namespace namespace = RenderedOverlay.of(overlay).all(Namespace.class).get(0);
        assertThat(namespace.getMetadata().getLabels()).containsEntry("pod-security.kubernetes.io/enforce", "restricted");
    }
}
