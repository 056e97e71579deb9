package eu.candela.ows.security;

import eu.candela.ows.testing.Xml;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server against a real Keycloak with the realm the Kubernetes set-up imports
 * ({@code k8s/keycloak/candela-realm.json}): notebook tokens (password grant of {@code candela-notebook},
 * audience {@code candela-server} by the realm's mapper) execute, roles come from realm roles, and
 * ownership holds with Keycloak's subjects.
 */
class KeycloakTokenTest extends eu.candela.ows.testing.ServerTestBase {
    private static final String EXECUTE = "/wps?service=WPS&version=1.0.0&request=Execute&identifier=Hello&DataInputs=name=kc";

    @BeforeAll
    static void keycloakRuns() {
        KeycloakServer.get(); // skips (or fails in CI) before the server context is built
    }

    @DynamicPropertySource
    static void keycloakProperties(DynamicPropertyRegistry registry) {
        registry.add("candela.security.issuer-uri", () -> KeycloakServer.get().issuer());
        registry.add("candela.security.audiences", () -> "candela-server");
    }

    @Test
    void notebookTokenExecutesAndOnlyItsOwnerAndOperatorsSeeTheJob() {
        KeycloakServer kc = KeycloakServer.get();
        String alice = kc.token("alice", "alice-pw");
        HttpResponse<byte[]> r = send(get(EXECUTE + "&storeExecuteResponse=true&status=true", alice));
        assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
        String status = Xml.of(r.body()).text("/wps:ExecuteResponse/@statusLocation");

        assertThat(send(get(status, alice)).statusCode()).isEqualTo(200);
        assertThat(send(get(status, kc.token("bob", "bob-pw"))).statusCode()).isEqualTo(404);
        assertThat(send(get(status, kc.token("olga", "olga-pw"))).statusCode()).isEqualTo(200);
    }

    @Test
    void realmRolesDecideTheRestApi() {
        KeycloakServer kc = KeycloakServer.get();
        assertThat(send(get("/rest/layers", kc.token("alice", "alice-pw"))).statusCode()).isEqualTo(403);
        assertThat(send(get("/rest/layers", kc.token("olga", "olga-pw"))).statusCode()).isEqualTo(200);
    }

    @Test
    void tokenOfAnotherRealmIsRefused() {
        HttpResponse<byte[]> r = send(get(EXECUTE, KeycloakServer.get().masterAdminToken()));
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).contains("invalid_token"));
    }

    @Test
    void noTokenIsRefused() {
        assertThat(send(get(EXECUTE, null)).statusCode()).isEqualTo(401);
    }

    private java.net.http.HttpRequest get(String pathAndQuery, String token) {
        var b = java.net.http.HttpRequest.newBuilder(java.net.URI.create(pathAndQuery.startsWith("http") ? pathAndQuery : base() + pathAndQuery));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return b.GET().build();
    }
}
