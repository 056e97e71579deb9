package eu.candela.ows.security;

import eu.candela.ows.testing.ServerTestBase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A real server that validates bearer tokens of {@link OidcTestServer}'s realm. All subclasses
 * share one server (same properties, one Spring context).
 */
public abstract class SecuredServerTestBase extends ServerTestBase {
    protected static final String ALICE = "alice";
    protected static final String BOB = "bob";
    protected static final String OPERATOR = "olga";
    protected static final String NOTEBOOK_ORIGIN = "https://notebooks.example.org";

    @DynamicPropertySource
    static void securityProperties(DynamicPropertyRegistry registry) {
        registry.add("candela.security.issuer-uri", OidcTestServer::issuer);
        registry.add("candela.security.audiences", () -> OidcTestServer.AUDIENCE);
        registry.add("candela.security.cors.allowed-origins", () -> NOTEBOOK_ORIGIN);
    }

    protected static String userToken(String name) {
        return OidcTestServer.token(name, "user");
    }

    protected static String operatorToken() {
        return OidcTestServer.token(OPERATOR, "operator");
    }

    /** GET with {@code Authorization: Bearer token}; no header when token is null. */
    protected HttpResponse<byte[]> get(String pathAndQuery, String token) {
        return send(authorized(HttpRequest.newBuilder(uri(pathAndQuery)), token).GET().build());
    }

    protected HttpResponse<byte[]> delete(String pathAndQuery, String token) {
        return send(authorized(HttpRequest.newBuilder(uri(pathAndQuery)), token).DELETE().build());
    }

    protected HttpResponse<byte[]> post(String path, byte[] body, String token) {
        return send(authorized(HttpRequest.newBuilder(uri(path)), token).header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    protected HttpResponse<byte[]> put(String path, String contentType, byte[] body, String token) {
        return send(authorized(HttpRequest.newBuilder(uri(path)), token).header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    private URI uri(String pathAndQuery) {
        return URI.create(pathAndQuery.startsWith("http") ? pathAndQuery : base() + pathAndQuery);
    }

    private static HttpRequest.Builder authorized(HttpRequest.Builder b, String token) {
        return token == null ? b : b.header("Authorization", "Bearer " + token);
    }
}
