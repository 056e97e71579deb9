package eu.candela.ows.demo;

import eu.candela.eodata.raster.GeoTiffReader;
import eu.candela.eodata.raster.RasterBlock;
import eu.candela.ows.config.CandelaProperties;
import eu.candela.ows.eodata.SampleDataInstaller;
import eu.candela.ows.xml.SafeXml;
import eu.candela.wps.samples.SamplePairGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import java.time.Instant;

/**
 * The end-to-end demo ({@code candela.demo.enabled=true}): once the server is up it sends itself
 * a real WPS Execute over HTTP of ChangeDetection on the bundled pair, follows the status
 * document with a progress line, then prints where the results are, their statistics and the
 * score against the pair's known changes. The server keeps running unless
 * {@code candela.demo.exit-after=true}.
 */
@Component
public class DemoRunner {
    private static final String WPS = "http://www.opengis.net/wps/1.0.0";
    private static final String OWS = "http://www.opengis.net/ows/1.1";
    private final CandelaProperties properties;
    private final SampleDataInstaller samples;
    private final PrintStream out = System.out;

    public DemoRunner(CandelaProperties properties, SampleDataInstaller samples) {
        this.properties = properties;
        this.samples = samples;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void run(ApplicationReadyEvent event) {
        if (!properties.demo().enabled()) return;
        int exitCode = 0;
        try {
            int port = ((WebServerApplicationContext) event.getApplicationContext()).getWebServer().getPort();
            demo("http://127.0.0.1:" + port);
        } catch (Exception e) {
            out.println("DEMO FAILED: " + e.getMessage());
            exitCode = 1;
        }
        if (properties.demo().exitAfter()) {
            int code = exitCode;
            System.exit(SpringApplication.exit(event.getApplicationContext(), () -> code));
        }
    }

    void demo(String base) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String body;
        try (InputStream in = getClass().getResourceAsStream("/demo/execute-change-detection.xml")) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${BASE}", base);
        }
        out.println();
        out.println("=== Candela demo: WPS 1.0.0 Execute of ChangeDetection on the bundled Bordeaux pair ===");
        out.println("POST " + base + "/wps  (inputs by reference to " + base + "/eodata/samples/)");
        Instant start = Instant.now();
        Document response = post(http, base + "/wps", body);
        String statusLocation = response.getDocumentElement().getAttribute("statusLocation");
        out.println("Accepted; status document: " + statusLocation);
        String phase = "";
        String lastLine = "";
        while (!phase.equals("ProcessSucceeded") && !phase.equals("ProcessFailed")) {
            Thread.sleep(250); // a person is watching: poll at a human pace
            response = get(http, statusLocation);
            Element status = SafeXml.child(response.getDocumentElement(), WPS, "Status").orElseThrow();
            Element state = SafeXml.firstElementChild(status).orElseThrow();
            phase = state.getLocalName();
            String pct = phase.equals("ProcessStarted") ? state.getAttribute("percentCompleted") : phase.equals("ProcessSucceeded") ? "100" : "0";
            String line = String.format("  %-17s %3s %%  %s", phase, pct, state.getTextContent().trim());
            if (!line.equals(lastLine)) out.println(line); // one line per change: readable in a terminal and in a log
            lastLine = line;
        }
        if (phase.equals("ProcessFailed")) {
            throw new IllegalStateException("the process failed: " + response.getDocumentElement().getTextContent().trim());
        }
        out.printf("Succeeded in %.1f s. Outputs:%n", Duration.between(start, Instant.now()).toMillis() / 1000.0);
        NodeList outputs = response.getElementsByTagNameNS(WPS, "Output");
        String maskUrl = null;
        Map<String, String> maps = new LinkedHashMap<>();
        List<String> layers = new ArrayList<>();
        for (int i = 0; i < outputs.getLength(); i++) {
            Element o = (Element) outputs.item(i);
            if (!(o.getParentNode() instanceof Element p) || !p.getLocalName().equals("ProcessOutputs")) continue;
            String id = SafeXml.child(o, OWS, "Identifier").orElseThrow().getTextContent();
            var ref = SafeXml.child(o, WPS, "Reference");
            if (ref.isPresent()) {
                String href = ref.get().getAttribute("href");
                out.printf("  %-18s %s%n", id, href);
                if (id.equals("mask")) maskUrl = href;
            } else {
                String value = o.getElementsByTagNameNS(WPS, "Data").item(0).getTextContent().trim();
                out.printf("  %-18s %s%n", id, value);
                if (id.endsWith("_wms")) maps.put(id.substring(0, id.length() - 4), value);
                if (id.endsWith("_layer")) layers.add(value);
            }
        }
        String jobId = statusLocation.substring(statusLocation.lastIndexOf('/') + 1);
        out.println("Result files: " + properties.jobsDir().resolve(jobId).resolve("outputs"));
        if (maskUrl != null) score(http, maskUrl);
        saveMaps(http, maps, jobId);
        for (String layer : layers) out.println("Layer preview: " + base + "/preview/" + layer);
        out.println("The server keeps running at " + base + "/wps?service=WPS&request=GetCapabilities, layers at " + base + "/preview"
                + (properties.demo().exitAfter() ? " (exiting now: candela.demo.exit-after=true)" : " (Ctrl-C to stop)"));
    }

    /** Fetches each published output's WMS picture: a person would rather look at a change map than read it. */
    private void saveMaps(HttpClient http, Map<String, String> maps, String jobId) throws IOException, InterruptedException {
        if (maps.isEmpty()) return;
        Path dir = properties.dataDir().resolve("demo").resolve(jobId);
        Files.createDirectories(dir);
        for (Map.Entry<String, String> map : maps.entrySet()) {
            Path png = dir.resolve(map.getKey() + ".png");
            HttpResponse<Path> r = http.send(HttpRequest.newBuilder(URI.create(map.getValue())).build(),
                    HttpResponse.BodyHandlers.ofFile(png));
            String type = r.headers().firstValue("Content-Type").orElse("");
            if (r.statusCode() != 200 || !type.startsWith("image/png")) {
                throw new IllegalStateException("WMS GetMap of " + map.getKey() + " answered HTTP " + r.statusCode() + " " + type);
            }
            out.printf("Map of %-10s %s (%d bytes, from WMS GetMap)%n", map.getKey() + ":", png, Files.size(png));
        }
    }

    /** Compares the mask fetched over HTTP with the generator's known changes. */
    private void score(HttpClient http, String maskUrl) throws IOException, InterruptedException {
        Path mask = Files.createTempFile("candela-demo-mask", ".tif");
        try {
            http.send(HttpRequest.newBuilder(URI.create(maskUrl)).build(), HttpResponse.BodyHandlers.ofFile(mask));
            long tp = 0, fp = 0, fn = 0;
            try (GeoTiffReader m = GeoTiffReader.open(mask);
                 GeoTiffReader t = GeoTiffReader.open(samples.samplesDir().resolve(SamplePairGenerator.TRUTH_FILE))) {
                RasterBlock a = m.read(0, 0, m.info().width(), m.info().height());
                RasterBlock b = t.read(0, 0, t.info().width(), t.info().height());
                float[] pa = a.band(0), pb = b.band(0);
                for (int i = 0; i < pa.length; i++) {
                    boolean detected = pa[i] == 1f, truth = pb[i] == 1f;
                    if (detected && truth) tp++; else if (detected) fp++; else if (truth) fn++;
                }
            }
            double precision = tp / (double) Math.max(1, tp + fp), recall = tp / (double) Math.max(1, tp + fn);
            out.printf("Against the %d known changed pixels: precision %.3f, recall %.3f, F1 %.3f%n",
                    tp + fn, precision, recall, 2 * precision * recall / Math.max(1e-12, precision + recall));
        } finally {
            Files.deleteIfExists(mask);
        }
    }

    private static Document post(HttpClient http, String url, String xml) throws IOException, InterruptedException {
        return parse(http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString(xml)).build(), HttpResponse.BodyHandlers.ofByteArray()));
    }

    private static Document get(HttpClient http, String url) throws IOException, InterruptedException {
        return parse(http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray()));
    }

    private static Document parse(HttpResponse<byte[]> r) {
        if (r.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + r.statusCode() + ": " + new String(r.body(), StandardCharsets.UTF_8));
        }
        return SafeXml.parse(new ByteArrayInputStream(r.body()));
    }
}
