package eu.candela.ows.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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

    /**
     * Posts an asynchronous WPS 1.0.0 Execute document, checks that the acceptance is a schema-valid
     * ExecuteResponse, and polls its statusLocation until the process succeeded or failed.
     *
     * @return the final status document (the caller asserts which of the two it is)
     */
    protected Xml executeAndAwaitFinalStatus(byte[] executeBody, Duration timeout) throws Exception {
        HttpResponse<byte[]> accepted = post("/wps", executeBody);
        assertThat(accepted.statusCode()).as(text(accepted)).isEqualTo(200);
        OgcSchemas.assertValid(OgcSchemas.wps10(), accepted.body());
        String statusLocation = Xml.of(accepted.body()).text("/wps:ExecuteResponse/@statusLocation");
        Xml[] last = new Xml[1];
        await().atMost(timeout).pollInterval(Duration.ofMillis(250)).until(() -> {
            last[0] = Xml.of(get(statusLocation).body());
            String phase = last[0].text("local-name(//wps:Status/*)");
            return phase.equals("ProcessSucceeded") || phase.equals("ProcessFailed");
        });
        return last[0];
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("candela-server-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
