package eu.candela.ows.wps10;

import eu.candela.eodata.raster.GeoTiffReader;
import eu.candela.eodata.sentinel2.ProcessingLevel;
import eu.candela.ows.testing.OgcSchemas;
import eu.candela.ows.testing.ServerTestBase;
import eu.candela.ows.testing.Xml;
import eu.candela.wps.samples.Sentinel2ProductGenerator;
import eu.candela.wps.samples.SyntheticSentinel2Scene;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Jpeg2Tiff through the server's WPS 1.0.0: a generated Level-2A product placed in the EO archive,
 * referenced by its /eodata/ URL (the folder or its manifest), never downloaded.
 */
class Wps10Jpeg2TiffTest extends ServerTestBase {
    private static String productName;

    @BeforeEach
    void placeAProductInTheArchive() throws IOException {
        synchronized (Wps10Jpeg2TiffTest.class) {
            if (productName == null) {
                Path archive = Files.createDirectories(properties.eodataDir().resolve("s2"));
                Path safe = Sentinel2ProductGenerator.generate(archive, new SyntheticSentinel2Scene(240, 3), 1,
                        ProcessingLevel.LEVEL_2A, "04.00");
                productName = safe.getFileName().toString();
            }
        }
    }

    private byte[] execute(String productHref) {
        return new String(requestBody("wps10/execute-jpeg2tiff.xml"), StandardCharsets.UTF_8)
                .replace("${PRODUCT}", productHref).getBytes(StandardCharsets.UTF_8);
    }

    private String statusLocation;

    private Xml runToCompletion(String productHref) {
        HttpResponse<byte[]> accepted = post("/wps", execute(productHref));
        assertThat(accepted.statusCode()).as(text(accepted)).isEqualTo(200);
        OgcSchemas.assertValid(OgcSchemas.wps10(), accepted.body());
        statusLocation = Xml.of(accepted.body()).text("/wps:ExecuteResponse/@statusLocation");
        Xml[] last = new Xml[1];
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = Xml.of(get(statusLocation).body());
            String phase = last[0].text("local-name(//wps:Status/*)");
            return phase.equals("ProcessSucceeded") || phase.equals("ProcessFailed");
        });
        return last[0];
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "/manifest.safe"})
    void convertsTheReferencedProductToACog(String suffix) throws IOException {
        Xml done = runToCompletion(base() + "/eodata/s2/" + productName + suffix);

        assertThat(done.text("local-name(//wps:Status/*)")).as(done.toString()).isEqualTo("ProcessSucceeded");
        // The job names the folder portably (a pod sees the archive at /eodata), never by a server path.
        String jobId = statusLocation.substring(statusLocation.lastIndexOf('/') + 1).replaceFirst("\\.xml$", "");
        assertThat(Files.readString(properties.jobsDir().resolve(jobId).resolve("inputs.json")))
                .contains("\"path\" : \"eodata:s2/" + productName + "\"");
        String href = done.text("//wps:Output[ows:Identifier='image']/wps:Reference/@href");
        HttpResponse<byte[]> tiff = get(href);
        assertThat(tiff.statusCode()).isEqualTo(200);
        Path file = Files.write(dataDir().resolve("downloaded-" + suffix.replace("/", "_") + ".tif"), tiff.body());
        try (GeoTiffReader reader = GeoTiffReader.open(file)) {
            assertThat(reader.info().bandCount()).isEqualTo(11);
            assertThat(reader.info().spec().bandDescriptions()).endsWith("B11", "B12", "QUALITY");
            assertThat(reader.info().spec().metadata()).containsEntry("PRODUCT", productName).containsEntry("TILE_ID", "T31TCJ");
            assertThat(reader.info().width()).isEqualTo(240);
        }
    }

    @Test
    void refusesAProductOnAnotherServerNamingTheInput() {
        HttpResponse<byte[]> r = post("/wps", execute("http://data.example.org/eodata/s2/" + productName));

        assertThat(r.statusCode()).isEqualTo(400);
        Xml xml = Xml.of(r.body());
        assertThat(xml.text("//ows:Exception/@exceptionCode")).isEqualTo("InvalidParameterValue");
        assertThat(xml.text("//ows:Exception/@locator")).isEqualTo("product");
        assertThat(xml.text("//ows:ExceptionText")).contains("must reference a product folder (*.SAFE) of this server's EO data archive");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/eodata/../jobstore", "/eodata/s2/%2e%2e/%2e%2e/jobstore", "/eodata/s2", "/eodata/s2/nothing.SAFE"})
    void refusesWhatIsNoProductOfTheArchive(String path) {
        HttpResponse<byte[]> r = post("/wps", execute(base() + path));

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Xml.of(r.body()).text("//ows:Exception/@locator")).isEqualTo("product");
    }

    @Test
    void describesTheProductInputWithTheSafeMediaType() {
        Xml xml = Xml.of(get("/wps?service=WPS&version=1.0.0&request=DescribeProcess&identifier=Jpeg2Tiff").body());

        assertThat(xml.text("//Input[ows:Identifier='product']/ComplexData/Default/Format/MimeType")).isEqualTo("application/x-sentinel-safe");
        assertThat(xml.text("//Input[ows:Identifier='area']/BoundingBoxData/Default/CRS")).isEqualTo("EPSG:4326");
        assertThat(xml.text("//ProcessOutputs/Output[ows:Identifier='image']//Default/Format/MimeType")).contains("cloud-optimized");
    }
}
