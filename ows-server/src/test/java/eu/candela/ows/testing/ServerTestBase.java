package eu.candela.ows.testing;

import eu.candela.ows.CandelaServer;
import eu.candela.ows.config.CandelaProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real server on a random loopback port with its own data directory (small generated sample
 * pair, H2 job store). All subclasses share one server: Spring caches the context.
 */
@SpringBootTest(classes = CandelaServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ServerTestBase {
    protected static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @LocalServerPort
    protected int port;

    @Autowired
    protected CandelaProperties properties;

    /** Called once per application context: each context (each property set) gets its own data directory and job store. */
    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        Path dataDir = tempDir();
        registry.add("candela.data-dir", dataDir::toString);
        registry.add("candela.samples.size", () -> "256");
        registry.add("candela.wps.max-request-size", () -> "8MB");
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dataDir.resolve("jobstore/jobs"));
    }

    protected Path dataDir() {
        return properties.dataDir();
    }

    protected String base() {
        return "http://127.0.0.1:" + port;
    }

    protected HttpResponse<byte[]> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(pathAndQuery.startsWith("http") ? pathAndQuery : base() + pathAndQuery)).GET().build());
    }

    protected HttpResponse<byte[]> post(String path, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    protected HttpResponse<byte[]> delete(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).DELETE().build());
    }

    /** A request body from src/test/resources with ${BASE} replaced by this server's base URL. */
    protected byte[] requestBody(String resource) {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalArgumentException("no test resource " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${BASE}", base())
                    .getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected static HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("candela-server-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
