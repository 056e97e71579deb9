package eu.candela.ows.testing;

import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * WPS calls to servers a test starts and stops by hand (restart tests), where the per-class
 * server of {@link ServerTestBase} does not fit.
 */
public final class RestartedServers {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private RestartedServers() {}

    public static String base(ConfigurableApplicationContext context) {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** The local name of the status element (ProcessAccepted, ProcessStarted, ...) at a status location. */
    public static String phase(String statusLocation) throws Exception {
        return Xml.of(send(get(statusLocation)).body()).text("local-name(//wps:Status/*)");
    }

    public static String statusLocation(HttpResponse<byte[]> r) {
        assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return Xml.of(r.body()).text("/wps:ExecuteResponse/@statusLocation");
    }

    /** A request document from the test resources with {@code ${BASE}} replaced. */
    public static String body(String resource, String base) throws IOException {
        try (InputStream in = RestartedServers.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${BASE}", base);
        }
    }

    public static HttpRequest post(String base, String xml) {
        return HttpRequest.newBuilder(URI.create(base + "/wps")).header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString(xml)).build();
    }

    public static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).build();
    }

    public static HttpResponse<byte[]> send(HttpRequest request) throws IOException, InterruptedException {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }
}
