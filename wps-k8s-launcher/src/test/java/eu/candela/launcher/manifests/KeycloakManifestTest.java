package eu.candela.launcher.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code k8s/keycloak}: the realm the server trusts, and the server's settings in the base that
 * point at it. Keycloak is applied beside an overlay, so these are checks of its own rendering.
 */
class KeycloakManifestTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<HasMetadata> rendered() {
        Kubectl.require();
        return RenderedOverlay.parse(Kubectl.kustomize(RepositoryFiles.resolve("k8s/keycloak")));
    }

    private static <T> T one(Class<T> type) {
        return rendered().stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
    }

    @Test
    void theRealmHasTheThreeRolesAndAPublicNotebookClientWhoseTokensNameTheServer() throws IOException {
        JsonNode realm = JSON.readTree(one(ConfigMap.class).getData().get("candela-realm.json"));
        assertThat(realm.path("realm").asText()).isEqualTo("candela");
        assertThat(realm.path("roles").path("realm").findValuesAsText("name")).containsExactlyInAnyOrder("user", "operator", "admin");
        JsonNode notebook = client(realm, "candela-notebook");
        assertThat(notebook.path("publicClient").asBoolean()).isTrue();
        assertThat(notebook.path("protocolMappers").findValuesAsText("included.client.audience")).containsExactly("candela-server");
        assertThat(client(realm, "candela-server").path("publicClient").asBoolean()).isFalse();
        assertThat(realm.has("users")).as("no users, no passwords in the export").isFalse();
    }

    @Test
    void theServerTrustsTheIssuerKeycloakWritesAndFetchesKeysFromItsService() throws IOException {
        Map<String, String> settings = Files.readAllLines(RepositoryFiles.resolve("k8s/base/server-settings.env")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split("=", 2))
                .collect(Collectors.toMap(kv -> kv[0], kv -> kv[1]));
        Deployment keycloak = one(Deployment.class);
        Map<String, String> env = keycloak.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                .filter(e -> e.getValue() != null).collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
        assertThat(settings.get("candela.security.issuer-uri")).isEqualTo(env.get("KC_HOSTNAME") + "/realms/candela");
        Service service = one(Service.class);
        assertThat(settings.get("candela.security.jwk-set-uri")).isEqualTo("http://" + service.getMetadata().getName() + ":"
                + service.getSpec().getPorts().get(0).getPort() + env.get("KC_HTTP_RELATIVE_PATH")
                + "/realms/candela/protocol/openid-connect/certs");
        assertThat(settings.get("candela.security.audiences")).isEqualTo("candela-server");
    }

    private static JsonNode client(JsonNode realm, String clientId) {
        for (JsonNode c : realm.path("clients")) if (clientId.equals(c.path("clientId").asText())) return c;
        throw new AssertionError("no client " + clientId);
    }
}
