package eu.candela.ows.wps10;

import eu.candela.ows.testing.OgcSchemas;
import eu.candela.ows.testing.ServerTestBase;
import eu.candela.ows.testing.Xml;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Execute over KVP and XML: synchronous, asynchronous with status polling, raw output, inline and referenced inputs. */
class Wps10ExecuteTest extends ServerTestBase {

    @Test
    void synchronousKvpExecuteReturnsLiteralOutput() {
        HttpResponse<byte[]> r = get("/wps?service=WPS&version=1.0.0&request=Execute&identifier=Hello&DataInputs=name=Gironde");
        assertThat(r.statusCode()).isEqualTo(200);
        OgcSchemas.assertValid(OgcSchemas.wps10(), r.body());
        Xml xml = Xml.of(r.body());
        assertThat(xml.count("//wps:Status/wps:ProcessSucceeded")).isEqualTo(1);
        assertThat(xml.text("//wps:Output[ows:Identifier='response']/wps:Data/wps:LiteralData")).isEqualTo("Hello Gironde");
    }

    @Test
    void kvpValuesMayCarryEncodedSeparators() {
        HttpResponse<byte[]> r = get("/wps?service=WPS&version=1.0.0&request=Execute&identifier=Hello"
                + "&DataInputs=name=a%3Db%40c%3Bd&RawDataOutput=response");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(text(r)).isEqualTo("Hello a=b@c;d");
    }

    @Test
    void kvpDataInputsMayBeEncodedAsAWhole() {
        // as the peer benchmark's wpsurls.py and many clients send it: name%3Dvalue
        HttpResponse<byte[]> r = get("/wps?service=WPS&version=1.0.0&request=Execute&identifier=Hello"
                + "&DataInputs=name%3Dpeer000042&RawDataOutput=response");
        assertThat(text(r)).isEqualTo("Hello peer000042");
    }

    @Test
    void synchronousXmlExecuteWithLineageEchoesInputs() {
        HttpResponse<byte[]> r = post("/wps", requestBody("wps10/execute-hello.xml"));
        assertThat(r.statusCode()).isEqualTo(200);
        OgcSchemas.assertValid(OgcSchemas.wps10(), r.body());
        Xml xml = Xml.of(r.body());
        assertThat(xml.text("//wps:DataInputs/wps:Input[ows:Identifier='name']//wps:LiteralData")).isEqualTo("Bordeaux");
        assertThat(xml.count("//wps:OutputDefinitions/wps:Output")).isEqualTo(1);
        assertThat(xml.text("//wps:ProcessOutputs/wps:Output/wps:Data/wps:LiteralData")).isEqualTo("Hello Bordeaux");
    }

    @Test
    void rawDataOutputReturnsTheOutputItself() {
        HttpResponse<byte[]> r = post("/wps", requestBody("wps10/execute-hello-raw.xml"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(text(r)).isEqualTo("Hello raw world");
    }

    @Test
    void asynchronousExecuteMovesThroughStatesAndServesOutputsByReference() {
        HttpResponse<byte[]> accepted = post("/wps", requestBody("wps10/execute-change-async.xml"));
        assertThat(accepted.statusCode()).isEqualTo(200);
        OgcSchemas.assertValid(OgcSchemas.wps10(), accepted.body());
        Xml first = Xml.of(accepted.body());
        String statusLocation = first.text("/wps:ExecuteResponse/@statusLocation");
        assertThat(statusLocation).startsWith(base() + "/wps/jobs/");
        assertThat(first.count("//wps:Status/wps:ProcessAccepted | //wps:Status/wps:ProcessStarted")).isEqualTo(1);

        Set<String> phases = new LinkedHashSet<>();
        Xml[] last = new Xml[1];
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50)).until(() -> {
            HttpResponse<byte[]> s = get(statusLocation);
            OgcSchemas.assertValid(OgcSchemas.wps10(), s.body());
            last[0] = Xml.of(s.body());
            String phase = last[0].text("local-name(//wps:Status/*)");
            phases.add(phase);
            return phase.equals("ProcessSucceeded") || phase.equals("ProcessFailed");
        });
        assertThat(phases).contains("ProcessSucceeded");
        Xml done = last[0];
        assertThat(done.count("//wps:DataInputs/wps:Input")).isEqualTo(3);
        assertThat(Integer.parseInt(done.text("//wps:Output[ows:Identifier='changedPixels']//wps:LiteralData"))).isPositive();
        String probability = done.text("//wps:Output[ows:Identifier='probability']/wps:Reference/@href");
        HttpResponse<byte[]> tiff = get(probability);
        assertThat(tiff.statusCode()).isEqualTo(200);
        assertThat(tiff.headers().firstValue("Content-Type").orElse("")).startsWith("image/tiff");
        assertThat(new String(tiff.body(), 0, 2, StandardCharsets.US_ASCII)).isIn("II", "MM");
    }

    @Test
    void inlineBase64GeoTiffInputsAreDecodedAndOutputsInlined() throws Exception {
        var samples = dataDir().resolve("eodata/samples");
        String body = new String(requestBody("wps10/execute-change-inline.xml"), StandardCharsets.UTF_8)
                .replace("${BEFORE_BASE64}", Base64.getMimeEncoder().encodeToString(Files.readAllBytes(samples.resolve("bordeaux_2017-04-19.tif"))))
                .replace("${AFTER_BASE64}", Base64.getMimeEncoder().encodeToString(Files.readAllBytes(samples.resolve("bordeaux_2017-04-29.tif"))));
        HttpResponse<byte[]> r = post("/wps", body.getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(200);
        OgcSchemas.assertValid(OgcSchemas.wps10(), r.body());
        Xml xml = Xml.of(r.body());
        assertThat(xml.text("//wps:Output[ows:Identifier='mask']//wps:ComplexData/@encoding")).isEqualTo("base64");
        byte[] mask = Base64.getMimeDecoder().decode(xml.text("//wps:Output[ows:Identifier='mask']//wps:ComplexData").trim());
        assertThat(new String(mask, 0, 2, StandardCharsets.US_ASCII)).isEqualTo("II");
    }

    @Test
    void unknownJobStatusIsAnExceptionReportWithTheJobLocator() {
        HttpResponse<byte[]> r = get("/wps/jobs/00000000-0000-0000-0000-000000000000");
        assertThat(r.statusCode()).isEqualTo(404);
        OgcSchemas.assertValid(OgcSchemas.wps10(), r.body());
        assertThat(Xml.of(r.body()).text("//ows:Exception/@locator")).isEqualTo("jobId");
    }
}
