package eu.candela.launcher.manifests;

import eu.candela.launcher.kubernetes.KubernetesLauncher;
import eu.candela.launcher.kubernetes.KubernetesLauncherConfig;
import eu.candela.launcher.kubernetes.ProcessImages;
import eu.candela.launcher.spi.JobListener;
import eu.candela.launcher.spi.JobSpec;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real KubernetesLauncher, run against fabric8's API server stand-in (CRUD mode), asks only
 * for what the Role in {@code k8s/base/rbac.yaml} grants: each recorded HTTP request is turned
 * into the RBAC verb and resource the API server would authorise. A launcher change that needs a
 * new permission fails here instead of with 403 Forbidden in a cluster.
 */
@EnableKubernetesMockClient(crud = true)
class LauncherRequestsWithinRoleManifestTest {
    private static final String NAMESPACE = "candela";
    private static final String IMAGES = """
            defaults:
              image: candela/processing:0.1.0
              command: [java, -jar, /opt/candela/candela-processes.jar]
              resources: { requests: { cpu: 100m, memory: 256Mi }, limits: { cpu: 500m, memory: 512Mi } }
            """;

    KubernetesMockServer server;
    KubernetesClient client;
    @TempDir
    Path claimRoot;

    @Test
    void submittingLeadingAndDismissingUseOnlyGrantedVerbs() throws Exception {
        var config = KubernetesLauncherConfig.builder(NAMESPACE, ProcessImages.parse(IMAGES, "images.yaml"), claimRoot.resolve("jobs"))
                .leaderElection(KubernetesLauncherConfig.LeaderElection.of("candela-launcher", "candela-server-0"))
                .build();
        CancelledListener listener = new CancelledListener();
        Path jobDirectory = Files.createDirectories(claimRoot.resolve("jobs").resolve("job-1"));
        try (KubernetesLauncher launcher = KubernetesLauncher.start(client, config)) {
            Awaitility.await().atMost(30, TimeUnit.SECONDS).until(launcher::isLeader);
            launcher.submit(new JobSpec("job-1", "Hello", "alice", jobDirectory, Map.of()), listener);
            launcher.cancel("job-1");
            assertThat(listener.cancelled.await(30, TimeUnit.SECONDS)).as("the dismissed job was reported cancelled").isTrue();
        }

        Set<String> requested = new TreeSet<>();
        int count = server.getRequestCount();
        for (int i = 0; i < count; i++) {
            RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
            if (request != null) requested.add(RbacRequest.of(request.getMethod(), request.getPath()).grant(NAMESPACE));
        }
        // The flow above must have exercised what the Role is for, or the check below proves little.
        assertThat(requested).contains("batch/jobs:create", "batch/jobs:delete", "batch/jobs:watch",
                "/pods:watch", "coordination.k8s.io/leases:create");
        assertThat(roleGrants()).containsAll(requested);
    }

    private static Set<String> roleGrants() throws Exception {
        Set<String> grants = new TreeSet<>();
        for (HasMetadata o : RenderedOverlay.parse(Files.readString(RepositoryFiles.resolve("k8s/base/rbac.yaml")))) {
            if (!(o instanceof Role role)) continue;
            for (PolicyRule rule : role.getRules()) {
                for (String group : rule.getApiGroups()) {
                    for (String resource : rule.getResources()) {
                        for (String verb : rule.getVerbs()) grants.add(group + "/" + resource + ":" + verb);
                    }
                }
            }
        }
        return grants;
    }

    /** One API request as the RBAC authoriser sees it: verb, API group, resource (with subresource). */
    record RbacRequest(String verb, String group, String namespace, String resource) {
        static RbacRequest of(String method, String pathAndQuery) {
            int q = pathAndQuery.indexOf('?');
            String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
            String query = q < 0 ? "" : pathAndQuery.substring(q + 1);
            String[] s = path.replaceFirst("^/", "").split("/");
            int i;
            String group;
            if (s[0].equals("api")) { group = ""; i = 2; } else if (s[0].equals("apis")) { group = s[1]; i = 3; }
            else throw new AssertionError("not a resource request: " + method + " " + pathAndQuery);
            String namespace = null;
            if (s.length > i + 2 && s[i].equals("namespaces")) { namespace = s[i + 1]; i += 2; }
            String resource = s[i];
            String name = s.length > i + 1 ? s[i + 1] : null;
            if (s.length > i + 2) resource += "/" + s[i + 2];
            boolean watch = query.matches("(.*&)?watch=(true|1)(&.*)?");
            String verb = switch (method) {
                case "GET" -> watch ? "watch" : name != null ? "get" : "list";
                case "POST" -> "create";
                case "PUT" -> "update";
                case "PATCH" -> "patch";
                case "DELETE" -> name != null ? "delete" : "deletecollection";
                default -> throw new AssertionError("unexpected method " + method + " " + pathAndQuery);
            };
            return new RbacRequest(verb, group, namespace, resource);
        }

        /** As {@code group/resource:verb}; a Role grants nothing outside its namespace. */
        String grant(String roleNamespace) {
            assertThat(namespace).as("namespace of %s %s", verb, resource).isEqualTo(roleNamespace);
            return group + "/" + resource + ":" + verb;
        }
    }

    private static final class CancelledListener implements JobListener {
        final CountDownLatch cancelled = new CountDownLatch(1);

        @Override public void started(String jobId) {}
        @Override public void progress(String jobId, int percentCompleted, String message) {}
        @Override public void succeeded(String jobId) {}
        @Override public void failed(String jobId, String reason) {}
        @Override public void cancelled(String jobId) { cancelled.countDown(); }
    }
}
