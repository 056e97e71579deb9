package eu.candela.launcher.manifests;

import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server's Role grants what the Kubernetes launcher does and nothing more: Jobs, their pods
 * and logs, and the reconciliation Lease. Rules are flattened to {@code group/resource:verb}
 * grants, so a wildcard or an extra verb anywhere shows up as a difference. Two verbs beyond the
 * obvious ones come from how fabric8 talks to the API server (LauncherRequestsWithinRoleManifestTest
 * records it): a label-selector pod delete is {@code deletecollection}, a Lease renewal a {@code patch}.
 */
class LauncherRoleManifestTest {
    static final List<String> OVERLAYS = RenderedOverlay.OVERLAYS;

    private static final Set<String> LAUNCHER_GRANTS = Set.of(
            "batch/jobs:create", "batch/jobs:get", "batch/jobs:list", "batch/jobs:watch", "batch/jobs:delete",
            "/pods:get", "/pods:list", "/pods:watch", "/pods:delete", "/pods:deletecollection",
            "/pods/log:get",
            "coordination.k8s.io/leases:get", "coordination.k8s.io/leases:create", "coordination.k8s.io/leases:update",
            "coordination.k8s.io/leases:patch");

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theOnlyRoleGrantsExactlyWhatTheLauncherNeeds(String overlay) {
        var rendered = RenderedOverlay.of(overlay);
        assertThat(rendered.all(Role.class)).extracting(r -> r.getMetadata().getName()).containsExactly("candela-launcher");
        Role role = rendered.one(Role.class, "candela-launcher");
        for (PolicyRule rule : role.getRules()) {
            assertThat(rule.getResourceNames()).as("resourceNames in %s", rule).isNullOrEmpty();
            assertThat(rule.getNonResourceURLs()).as("nonResourceURLs in %s", rule).isNullOrEmpty();
        }
        assertThat(grants(role.getRules())).isEqualTo(new TreeSet<>(LAUNCHER_GRANTS));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void nothingIsGrantedClusterWide(String overlay) {
        var rendered = RenderedOverlay.of(overlay);
        assertThat(rendered.all(ClusterRole.class)).isEmpty();
        assertThat(rendered.all(ClusterRoleBinding.class)).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theRoleIsBoundToTheServersServiceAccountAloneInItsNamespace(String overlay) {
        var rendered = RenderedOverlay.of(overlay);
        assertThat(rendered.all(RoleBinding.class)).hasSize(1);
        RoleBinding binding = rendered.all(RoleBinding.class).get(0);
        assertThat(binding.getRoleRef().getKind()).isEqualTo("Role");
        assertThat(binding.getRoleRef().getName()).isEqualTo("candela-launcher");
        assertThat(binding.getSubjects()).hasSize(1);
        Subject subject = binding.getSubjects().get(0);
        assertThat(subject.getKind()).isEqualTo("ServiceAccount");
        assertThat(subject.getName()).isEqualTo("candela-server");
        assertThat(subject.getNamespace()).isEqualTo(binding.getMetadata().getNamespace());

        var server = rendered.workload("candela-server").template().getSpec();
        assertThat(server.getServiceAccountName()).isEqualTo("candela-server");
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void podsWithoutTheLauncherRoleGetNoApiToken(String overlay) {
        var rendered = RenderedOverlay.of(overlay);
        var processing = rendered.one(io.fabric8.kubernetes.api.model.ServiceAccount.class, "candela-processing");
        assertThat(processing.getAutomountServiceAccountToken()).isFalse();
        var postgres = rendered.workload("candela-postgres").template().getSpec();
        assertThat(postgres.getAutomountServiceAccountToken()).isFalse();
    }

    private static Set<String> grants(List<PolicyRule> rules) {
        Set<String> grants = new TreeSet<>();
        for (PolicyRule rule : rules) {
            for (String group : rule.getApiGroups()) {
                for (String resource : rule.getResources()) {
                    for (String verb : rule.getVerbs()) {
                        grants.add(group + "/" + resource + ":" + verb);
                    }
                }
            }
        }
        return grants;
    }
}
