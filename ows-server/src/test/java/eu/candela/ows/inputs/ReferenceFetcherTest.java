package eu.candela.ows.inputs;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The reference policy against hostile references, with a real HTTP server on loopback for fetches and redirects. */
class ReferenceFetcherTest {
    private HttpServer server;
    private int port;

    @TempDir
    Path dir;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        port = server.getAddress().getPort();
        server.createContext("/scene.tif", ex -> respond(ex, 200, new byte[] {'I', 'I', 42, 0}));
        server.createContext("/big", ex -> respond(ex, 200, new byte[4096]));
        server.createContext("/to-localhost", ex -> {
            ex.getResponseHeaders().add("Location", "http://localhost:" + port + "/scene.tif");
            respond(ex, 302, new byte[0]);
        });
        server.createContext("/loop", ex -> {
            ex.getResponseHeaders().add("Location", "/loop");
            respond(ex, 302, new byte[0]);
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "file:///etc/passwd", "ftp://example.org/scene.tif", "jar:file:/x.jar!/a", "gopher://127.0.0.1/",
            "http://127.0.0.1/scene.tif", "http://localhost/scene.tif", "http://[::1]/scene.tif",
            "http://[::ffff:127.0.0.1]/scene.tif", "http://0.0.0.0/", "http://10.0.0.7/", "http://172.16.3.4/",
            "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data/", "http://100.64.0.1/", "http://[fd00::1]/",
            "http://[fe80::1]/", "http://user:secret@example.org/", "not a url at all"})
    void refusesByDefault(String href) {
        ReferenceFetcher fetcher = new ReferenceFetcher(ReferencePolicy.defaults());
        assertThatThrownBy(() -> fetcher.check(href)).isInstanceOf(ReferenceRefusedException.class);
    }

    @Test
    void explicitlyAllowedHostIsFetched() throws Exception {
        ReferenceFetcher fetcher = new ReferenceFetcher(policy(List.of("127.0.0.1"), 1024));
        Path target = dir.resolve("scene.tif");
        fetcher.fetch("http://127.0.0.1:" + port + "/scene.tif", "GET", null, Map.of(), target);
        assertThat(Files.readAllBytes(target)).containsExactly('I', 'I', 42, 0);
    }

    @Test
    void redirectToANonPublicHostIsRefusedEvenFromAnAllowedOne() {
        ReferenceFetcher fetcher = new ReferenceFetcher(policy(List.of("127.0.0.1"), 1024));
        assertThatThrownBy(() -> fetcher.fetch("http://127.0.0.1:" + port + "/to-localhost", "GET", null, Map.of(), dir.resolve("x")))
                .isInstanceOf(ReferenceRefusedException.class).hasMessageContaining("localhost").hasMessageContaining("loopback");
    }

    @Test
    void endlessRedirectsStop() {
        ReferenceFetcher fetcher = new ReferenceFetcher(policy(List.of("127.0.0.1"), 1024));
        assertThatThrownBy(() -> fetcher.fetch("http://127.0.0.1:" + port + "/loop", "GET", null, Map.of(), dir.resolve("x")))
                .isInstanceOf(ReferenceRefusedException.class).hasMessageContaining("redirects");
    }

    @Test
    void documentOverTheLimitIsRefusedAndNotKept() {
        ReferenceFetcher fetcher = new ReferenceFetcher(policy(List.of("127.0.0.1"), 1000));
        Path target = dir.resolve("big");
        assertThatThrownBy(() -> fetcher.fetch("http://127.0.0.1:" + port + "/big", "GET", null, Map.of(), target))
                .isInstanceOfSatisfying(ReferenceRefusedException.class, e -> assertThat(e.tooLarge()).isTrue());
        assertThat(target).doesNotExist();
    }

    @Test
    void httpErrorIsReportedWithItsStatus() {
        ReferenceFetcher fetcher = new ReferenceFetcher(policy(List.of("127.0.0.1"), 1000));
        assertThatThrownBy(() -> fetcher.fetch("http://127.0.0.1:" + port + "/missing", "GET", null, Map.of(), dir.resolve("x")))
                .isInstanceOf(ReferenceRefusedException.class).hasMessageContaining("HTTP 404");
    }

    private static ReferencePolicy policy(List<String> allowedHosts, long maxBytes) {
        return new ReferencePolicy(Set.of("http", "https"), allowedHosts, false, maxBytes, Duration.ofSeconds(5), 3);
    }

    private static void respond(com.sun.net.httpserver.HttpExchange ex, int status, byte[] body) throws IOException {
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }
}
