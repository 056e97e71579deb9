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
        server.createContext("/to-metadata-name", ex -> {
            ex.getResponseHeaders().add("Location", "http://metadata.test/latest/meta-data/");
            respond(ex, 302, new byte[0]);
        });
        server.createContext("/to-private-literal", ex -> {
            ex.getResponseHeaders().add("Location", "http://10.0.0.7/admin");
            respond(ex, 301, new byte[0]);
        });
        server.createContext("/gzip-bomb", ex -> {
            // 1 MB of zeros in about 1 kB: the limit must count what comes out, not what goes over the wire
            java.io.ByteArrayOutputStream packed = new java.io.ByteArrayOutputStream();
            try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(packed)) {
                gz.write(new byte[1 << 20]);
            }
            ex.getResponseHeaders().add("Content-Encoding", "gzip");
            respond(ex, 200, packed.toByteArray());
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
    void decompressedSizeCountsAgainstTheLimit() {
        ReferenceFetcher fetcher = new ReferenceFetcher(policy(List.of("127.0.0.1"), 64 * 1024));
        Path target = dir.resolve("bomb");
        assertThatThrownBy(() -> fetcher.fetch("http://127.0.0.1:" + port + "/gzip-bomb", "GET", null, Map.of(), target))
                .isInstanceOfSatisfying(ReferenceRefusedException.class, e -> assertThat(e.tooLarge()).isTrue());
        assertThat(target).doesNotExist();
    }

    @Test
    void httpErrorIsReportedWithItsStatus() {
        ReferenceFetcher fetcher = new ReferenceFetcher(policy(List.of("127.0.0.1"), 1000));
        assertThatThrownBy(() -> fetcher.fetch("http://127.0.0.1:" + port + "/missing", "GET", null, Map.of(), dir.resolve("x")))
                .isInstanceOf(ReferenceRefusedException.class).hasMessageContaining("HTTP 404");
    }

    /** Names of the tests' own DNS, resolved without a network: what a hostile name server could answer. */
    private static HostResolver table(Map<String, String> names) {
        return host -> {
            String address = names.get(host);
            if (address == null) return java.net.InetAddress.getAllByName(host); // literals
            return new java.net.InetAddress[] {java.net.InetAddress.getByName(address)};
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://intranet.test/scene.tif", "http://metadata.test/latest/meta-data/",
            "http://loopback.test/", "http://v6private.test/", "http://v6linklocal.test/", "http://nat64.test/"})
    void refusesNamesThatResolveToNonPublicAddresses(String href) {
        ReferenceFetcher fetcher = new ReferenceFetcher(ReferencePolicy.defaults(), table(Map.of(
                "intranet.test", "10.1.2.3", "metadata.test", "169.254.169.254", "loopback.test", "127.0.0.2",
                "v6private.test", "fd12:3456::1", "v6linklocal.test", "fe80::1", "nat64.test", "64:ff9b::a00:1")));
        assertThatThrownBy(() -> fetcher.check(href)).isInstanceOf(ReferenceRefusedException.class)
                .hasMessageContaining("resolves to");
    }

    @Test
    void refusesAnyAddressOfANameWhenOneIsPrivate() {
        HostResolver twoFaced = host -> new java.net.InetAddress[] {
                java.net.InetAddress.getByName("93.184.216.34"), java.net.InetAddress.getByName("192.168.0.1")};
        ReferenceFetcher fetcher = new ReferenceFetcher(ReferencePolicy.defaults(), twoFaced);
        assertThatThrownBy(() -> fetcher.check("http://mixed.test/")).hasMessageContaining("192.168.0.1");
    }

    @Test
    void redirectToANameResolvingToCloudMetadataIsRefused() {
        ReferenceFetcher fetcher = new ReferenceFetcher(policy(List.of("127.0.0.1"), 1024),
                table(Map.of("metadata.test", "169.254.169.254")));
        assertThatThrownBy(() -> fetcher.fetch("http://127.0.0.1:" + port + "/to-metadata-name", "GET", null, Map.of(), dir.resolve("x")))
                .isInstanceOf(ReferenceRefusedException.class).hasMessageContaining("169.254.169.254").hasMessageContaining("link-local");
    }

    @Test
    void redirectToAPrivateAddressIsRefused() {
        ReferenceFetcher fetcher = new ReferenceFetcher(policy(List.of("127.0.0.1"), 1024));
        assertThatThrownBy(() -> fetcher.fetch("http://127.0.0.1:" + port + "/to-private-literal", "GET", null, Map.of(), dir.resolve("x")))
                .isInstanceOf(ReferenceRefusedException.class).hasMessageContaining("10.0.0.7").hasMessageContaining("private");
    }

    @Test
    void connectsToTheAddressThatWasCheckedNotToASecondAnswer() throws Exception {
        // DNS rebinding: the first answer is the one checked, later answers point elsewhere
        java.util.concurrent.atomic.AtomicInteger lookups = new java.util.concurrent.atomic.AtomicInteger();
        HostResolver rebinding = host -> new java.net.InetAddress[] {java.net.InetAddress.getByName(
                lookups.getAndIncrement() == 0 ? "127.0.0.1" : "10.255.255.1")};
        ReferenceFetcher fetcher = new ReferenceFetcher(policy(List.of("scene.test"), 1024), rebinding);
        Path target = dir.resolve("scene.tif");
        fetcher.fetch("http://scene.test:" + port + "/scene.tif", "GET", null, Map.of(), target);
        assertThat(Files.readAllBytes(target)).containsExactly('I', 'I', 42, 0);
        assertThat(lookups).hasValue(1);
    }

    @Test
    void allowListRefusesHostsNotOnIt() {
        ReferencePolicy allowList = new ReferencePolicy(Set.of("https"), List.of("*.copernicus.eu", "data.example.org"),
                false, 1024, Duration.ofSeconds(5), 3, true);
        HostResolver publicAddress = host -> new java.net.InetAddress[] {java.net.InetAddress.getByName("93.184.216.34")};
        ReferenceFetcher fetcher = new ReferenceFetcher(allowList, publicAddress);
        assertThatThrownBy(() -> fetcher.check("https://evil.example.com/x")).hasMessageContaining("not among the hosts");
        assertThatThrownBy(() -> fetcher.check("https://copernicus.eu.evil.com/x")).hasMessageContaining("not among the hosts");
        assertThatThrownBy(() -> fetcher.check("http://data.example.org/x")).hasMessageContaining("scheme");
        org.assertj.core.api.Assertions.assertThatCode(() -> {
            fetcher.check("https://catalogue.dataspace.copernicus.eu/odata");
            fetcher.check("https://DATA.example.org/scene.tif");
        }).doesNotThrowAnyException();
    }

    @Test
    void referenceHeadersCannotRetargetTheRequest() throws Exception {
        ReferenceFetcher fetcher = new ReferenceFetcher(policy(List.of("127.0.0.1"), 1024));
        Path target = dir.resolve("scene.tif");
        fetcher.fetch("http://127.0.0.1:" + port + "/scene.tif", "GET", null, Map.of("Host", "169.254.169.254"), target);
        assertThat(Files.readAllBytes(target)).containsExactly('I', 'I', 42, 0);
    }

    private static ReferencePolicy policy(List<String> allowedHosts, long maxBytes) {
        return new ReferencePolicy(Set.of("http", "https"), allowedHosts, false, maxBytes, Duration.ofSeconds(5), 3, false);
    }

    private static void respond(com.sun.net.httpserver.HttpExchange ex, int status, byte[] body) throws IOException {
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }
}
