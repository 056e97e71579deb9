package eu.candela.ows.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.candela.ows.testing.ExternalTools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * A real Keycloak (the Quarkus distribution from Maven Central, unpacked by the {@code keycloak}
 * Maven profile into {@code target/keycloak}) started once per test JVM in dev mode on loopback,
 * with the realm of {@code k8s/keycloak/candela-realm.json} imported plus three test users.
 * Absent distribution: the tests skip, or fail under {@code candela.requireExternalTools=true} (CI).
 */
public final class KeycloakServer {
    public static final String REALM_FILE = "../k8s/keycloak/candela-realm.json";
    /** user name, password, realm role. */
    static final List<String[]> USERS = List.of(new String[] {"alice", "alice-pw", "user"},
            new String[] {"bob", "bob-pw", "user"}, new String[] {"olga", "olga-pw", "operator"});
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static KeycloakServer instance;

    private final int port;

    private KeycloakServer(int port) {
        this.port = port;
    }

    public static synchronized KeycloakServer get() {
        if (instance != null) return instance;
        String home = System.getProperty("candela.keycloakHome", "");
        Path kc = home.isEmpty() ? null : Path.of(home, "bin", "kc.sh");
        ExternalTools.require(kc != null && Files.isRegularFile(kc),
                "Keycloak's distribution (mvn -Pkeycloak unpacks org.keycloak:keycloak-quarkus-dist; CI does it)");
        try {
            instance = start(Path.of(home));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Keycloak from " + home, e);
        }
        return instance;
    }

    public String issuer() {
        return "http://127.0.0.1:" + port + "/realms/candela";
    }

    /** An access token of a test user, by the password grant of the notebook client (as a script would). */
    public String token(String user, String password) {
        String form = "grant_type=password&client_id=candela-notebook&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(issuer() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (r.statusCode() != 200) throw new IllegalStateException("token request for " + user + ": " + r.statusCode() + " " + r.body());
        try {
            return new ObjectMapper().readTree(r.body()).get("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A token of the master realm's admin: a real Keycloak token, but of another issuer and audience. */
    public String masterAdminToken() {
        String form = "grant_type=password&client_id=admin-cli&username=admin&password=admin";
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build());
        try {
            return new ObjectMapper().readTree(r.body()).get("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KeycloakServer start(Path home) throws IOException {
        writeRealm(home.resolve("data").resolve("import").resolve("candela-realm.json"));
        deleteTree(home.resolve("data").resolve("h2")); // a fresh import of the realm as it is now
        int port = freePort();
        int management = freePort();
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin").resolve("kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + port, "--http-management-port=" + management, "--import-realm")
                .redirectErrorStream(true).redirectOutput(home.resolve("keycloak-test.log").toFile());
        pb.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        pb.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        Process process = pb.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }));
        KeycloakServer server = new KeycloakServer(port);
        // the first start of a fresh distribution builds it (about 40 s on a free machine, minutes on a loaded one)
        await().atMost(Duration.ofMinutes(8)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            if (!process.isAlive()) throw new IllegalStateException("Keycloak exited; see " + home.resolve("keycloak-test.log"));
            return server.ready();
        });
        return server;
    }

    private boolean ready() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The realm export of k8s/ with the test users added. */
    private static void writeRealm(Path target) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode realm = (ObjectNode) json.readTree(Path.of(REALM_FILE).toFile());
        ArrayNode users = realm.putArray("users");
        for (String[] u : USERS) {
            ObjectNode user = users.addObject().put("username", u[0]).put("enabled", true).put("email", u[0] + "@example.org")
                    .put("emailVerified", true).put("firstName", u[0]).put("lastName", "Test");
            user.putArray("credentials").addObject().put("type", "password").put("value", u[1]).put("temporary", false);
            user.putArray("realmRoles").add(u[2]);
        }
        Files.createDirectories(target.getParent());
        json.writeValue(target.toFile(), realm);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
