package eu.candela.ows.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bearer tokens against a real OIDC server (mock-oauth2-server: real discovery, JWKS and signed
 * tokens): each kind of bad token is refused with 401 and a {@code WWW-Authenticate} challenge,
 * a good one is accepted, and the roles decide the rest.
 */
class TokenValidationTest extends SecuredServerTestBase {
    private static final String EXECUTE = "/wps?service=WPS&version=1.0.0&request=Execute&identifier=Hello"
            + "&DataInputs=name=Gironde&RawDataOutput=response";

    static Stream<Arguments> badTokens() {
        return Stream.of(
                Arguments.of("expired", (Supplier<String>) () -> OidcTestServer.token(OidcTestServer.ISSUER_ID, ALICE,
                        OidcTestServer.AUDIENCE, -120, "user")),
                Arguments.of("wrong issuer", (Supplier<String>) () -> OidcTestServer.token("another-realm", ALICE,
                        OidcTestServer.AUDIENCE, 300, "user")),
                Arguments.of("wrong audience", (Supplier<String>) () -> OidcTestServer.token(OidcTestServer.ISSUER_ID, ALICE,
                        "some-other-client", 300, "user")),
                Arguments.of("alg none", (Supplier<String>) () -> OidcTestServer.unsigned(userToken(ALICE))),
                Arguments.of("tampered signature", (Supplier<String>) () -> OidcTestServer.tampered(userToken(ALICE))),
                Arguments.of("unknown key id", (Supplier<String>) () -> OidcTestServer.signedWithUnknownKey(ALICE, "user")),
                Arguments.of("not a JWT", (Supplier<String>) () -> "definitely-not-a-token"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void refusesBadTokenWith401AndChallenge(String kind, Supplier<String> token) {
        HttpResponse<byte[]> r = get(EXECUTE, token.get());
        assertThat(r.statusCode()).as(kind).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).as(kind).hasValueSatisfying(h ->
                assertThat(h).startsWith("Bearer").contains("invalid_token"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void refusesBadTokenEvenWhereAnonymousVisitorsAreWelcome(String kind, Supplier<String> token) {
        HttpResponse<byte[]> r = get("/wps?service=WPS&request=GetCapabilities", token.get());
        assertThat(r.statusCode()).as(kind).isEqualTo(401);
    }

    @Test
    void expiredTokenIsRefusedForItsExpiry() {
        HttpResponse<byte[]> r = get(EXECUTE, OidcTestServer.token(OidcTestServer.ISSUER_ID, ALICE, OidcTestServer.AUDIENCE, -120, "user"));
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).contains("expired"));
    }

    @Test
    void validTokenExecutes() {
        HttpResponse<byte[]> r = get(EXECUTE, userToken(ALICE));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(text(r)).isEqualTo("Hello Gironde");
    }

    @Test
    void tokenWithinClockSkewOfExpiryIsStillAccepted() {
        // expired 5 s ago; the default skew is 30 s
        HttpResponse<byte[]> r = get(EXECUTE, OidcTestServer.token(OidcTestServer.ISSUER_ID, ALICE, OidcTestServer.AUDIENCE, -5, "user"));
        assertThat(r.statusCode()).as("%s", r.headers().map()).isEqualTo(200);
    }

    @Test
    void missingTokenOnExecuteGives401WithChallenge() {
        HttpResponse<byte[]> r = get(EXECUTE, null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));
    }

    @Test
    void missingTokenOnXmlExecuteGives401() {
        HttpResponse<byte[]> r = post("/wps", requestBody("wps10/execute-hello.xml"), null);
        assertThat(r.statusCode()).isEqualTo(401);
    }

    @Test
    void percentEncodedExecuteIsNoWayAround() {
        HttpResponse<byte[]> r = get(EXECUTE.replace("request=Execute", "ReQuEsT=%45xecute"), null);
        assertThat(r.statusCode()).isEqualTo(401);
    }

    @Test
    void tokenWithoutUserRoleGives403() {
        HttpResponse<byte[]> r = get(EXECUTE, OidcTestServer.token("visitor"));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).contains("insufficient_scope"));
    }

    @Test
    void clientRolesCountAsWellAsRealmRoles() {
        String token = OidcTestServer.get().issueToken(OidcTestServer.ISSUER_ID, ALICE, OidcTestServer.AUDIENCE,
                java.util.Map.of("resource_access", java.util.Map.of(OidcTestServer.AUDIENCE,
                        java.util.Map.of("roles", java.util.List.of("user")))), 300).serialize();
        assertThat(get(EXECUTE, token).statusCode()).isEqualTo(200);
    }

    @Test
    void anonymousVisitorsGetCapabilities() {
        assertThat(get("/wps?service=WPS&request=GetCapabilities", null).statusCode()).isEqualTo(200);
        assertThat(get("/wms?service=WMS&request=GetCapabilities", null).statusCode()).isEqualTo(200);
        assertThat(get("/wmts/1.0.0/WMTSCapabilities.xml", null).statusCode()).isEqualTo(200);
    }

    @Test
    void statusDocumentsNeedAToken() {
        HttpResponse<byte[]> r = get("/wps/jobs/" + UUID.randomUUID(), null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).isPresent();
    }

    @Test
    void eoDataNeedsAUser() {
        assertThat(get("/eodata/", null).statusCode()).isEqualTo(401);
    }

    @Test
    void restConfigurationNeedsAnOperator() {
        assertThat(get("/rest/layers", null).statusCode()).isEqualTo(401);
        assertThat(get("/rest/layers", userToken(ALICE)).statusCode()).isEqualTo(403);
        assertThat(get("/rest/layers", operatorToken()).statusCode()).isEqualTo(200);
    }

    @Test
    void actuatorIsForAdminsExceptHealth() {
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/metrics", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/metrics", operatorToken()).statusCode()).isEqualTo(403);
        assertThat(get("/actuator/metrics", OidcTestServer.token("root", "admin")).statusCode()).isEqualTo(200);
    }

    @Test
    void notebookOriginMayCallWithATokenOthersMayNot() {
        HttpResponse<byte[]> preflight = send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base() + "/wps"))
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()).header("Origin", NOTEBOOK_ORIGIN)
                .header("Access-Control-Request-Method", "POST").header("Access-Control-Request-Headers", "authorization").build());
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(NOTEBOOK_ORIGIN);
        HttpResponse<byte[]> stranger = send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base() + "/wps"))
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()).header("Origin", "https://evil.example.com")
                .header("Access-Control-Request-Method", "POST").build());
        assertThat(stranger.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(stranger.statusCode()).isEqualTo(403);
    }

    @Test
    void htmlPagesCarrySecurityHeaders() {
        HttpResponse<byte[]> page = get("/preview", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"/wps/jobs/..%2F..%2F..%2Fetc%2Fpasswd",
            "/wps/jobs/%2e%2e/%2e%2e/etc/passwd/outputs/x", "/eodata/..%2F..%2F..%2Fetc%2Fpasswd",
            "/eodata/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/preview/..%2F..%2Fetc%2Fpasswd",
            "/wmts/rest/..%2F..%2Fetc/default/GoogleMapsCompatible/0/0/0.png",
            "/rest/layers/..%2F..%2Fetc%2Fpasswd/access"})
    void namesThatWouldBePathsCannotClimbOut(String path) {
        HttpResponse<byte[]> r = get(path, OidcTestServer.token("root", "admin"));
        assertThat(r.statusCode()).as(path).isBetween(400, 404);
        assertThat(text(r)).doesNotContain("root:");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "/rest/workspaces/..%2F..%2F..%2Ftmp/coveragestores/escape/file.geotiff",
            "/rest/workspaces/results/coveragestores/..%2F..%2Fescape/file.geotiff",
            "/rest/workspaces/%2e%2e/coveragestores/escape/file.geotiff"})
    void uploadNamesCannotClimbOutOfTheDataDirectory(String path) throws Exception {
        HttpResponse<byte[]> r = put(path, "image/tiff", new byte[] {'I', 'I', 42, 0}, operatorToken());
        assertThat(r.statusCode()).as(path).isBetween(400, 404);
        try (var files = java.nio.file.Files.walk(dataDir().getParent(), 3)) {
            assertThat(files.map(f -> f.getFileName().toString())).as("nothing named escape* written").noneMatch(n -> n.startsWith("escape"));
        }
    }
}
