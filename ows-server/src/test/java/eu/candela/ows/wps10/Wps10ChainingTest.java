package eu.candela.ows.wps10;

import static org.assertj.core.api.Assertions.assertThat;

import eu.candela.eodata.raster.GeoTiffReader;
import eu.candela.ows.jobs.JobRecord;
import eu.candela.ows.jobs.JobService;
import eu.candela.ows.jobs.JobState;
import eu.candela.ows.testing.OgcSchemas;
import eu.candela.ows.testing.ServerTestBase;
import eu.candela.ows.testing.Xml;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * WPS process chaining through HTTP: Execute inputs that are themselves Executes of other processes,
 * GeoServer style (a {@code wps:Reference} to this server's WPS with the inner Execute as
 * {@code wps:Body}) and as a KVP Execute address, resolved by the server as jobs of the same owner.
 */
class Wps10ChainingTest extends ServerTestBase {

    @Autowired
    JobService jobs;

    @Test
    void bothScenesOfAChangeDetectionMayBeExecutesOfAnotherProcess() throws Exception {
        HttpResponse<byte[]> r = post("/wps", requestBody("wps10/chaining/nested-crop-change.xml"));

        assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
        OgcSchemas.assertValid(OgcSchemas.wps10(), r.body());
        Xml xml = Xml.of(r.body());
        assertThat(xml.count("//wps:Status/wps:ProcessSucceeded")).as(text(r)).isEqualTo(1);
        assertThat(Integer.parseInt(xml.text("//wps:Output[ows:Identifier='changedPixels']//wps:LiteralData"))).isPositive();
        // the lineage shows each nested Execute replaced by the output of the job that ran it
        String before = xml.text("//wps:DataInputs/wps:Input[ows:Identifier='before']/wps:Reference/@xlink:href");
        assertThat(before).startsWith(base() + "/wps/jobs/").endsWith("/outputs/cropped");
        String cropJob = before.substring((base() + "/wps/jobs/").length(), before.indexOf("/outputs/"));
        JobRecord crop = jobs.find(cropJob).orElseThrow();
        assertThat(crop.processId()).isEqualTo("test.CropRows");
        assertThat(crop.state()).isEqualTo(JobState.SUCCESSFUL);
        assertThat(crop.owner()).isEqualTo("anonymous");
        // the change mask covers the 128 cropped rows of the 256-row sample
        String maskHref = xml.text("//wps:Output[ows:Identifier='mask']/wps:Reference/@href");
        String outerJob = maskHref.substring((base() + "/wps/jobs/").length(), maskHref.indexOf("/outputs/"));
        Path mask = jobs.jobDirectory(outerJob).resolve("outputs/change_mask.tif");
        try (GeoTiffReader reader = GeoTiffReader.open(mask)) {
            assertThat(reader.info().height()).isEqualTo(128);
            assertThat(reader.info().width()).isEqualTo(256);
        }
    }

    @Test
    void aLiteralOutputBecomesTheLiteralInput() {
        HttpResponse<byte[]> r = post("/wps", requestBody("wps10/chaining/nested-hello.xml"));

        assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
        assertThat(text(r)).isEqualTo("Hello Hello world");
    }

    @Test
    void nestedExecutesMayNestAgain() {
        HttpResponse<byte[]> r = post("/wps", requestBody("wps10/chaining/nested-two-levels.xml"));

        assertThat(text(r)).isEqualTo("Hello Hello Hello world");
    }

    @Test
    void theInnerExecuteMayBeAKvpAddressOfThisServer() {
        HttpResponse<byte[]> r = post("/wps", requestBody("wps10/chaining/nested-kvp.xml"));

        assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
        assertThat(text(r)).isEqualTo("Hello Hello kvp");
    }

    @Test
    void anUnknownInnerProcessIsInvalidParameterValueLocatedAtTheOuterInput() {
        assertReport(post("/wps", requestBody("wps10/chaining/nested-unknown.xml")), 400, "InvalidParameterValue", "name",
                "NoSuchProcess");
    }

    @Test
    void aFailingInnerExecuteIsReportedAtTheOuterInput() {
        assertReport(post("/wps", requestBody("wps10/chaining/nested-failing.xml")), 500, "NoApplicableCode", "before",
                "Input 'rows' must select rows inside the raster's 256");
    }

    @Test
    void nestingDeeperThanTheLimitIsRefusedBeforeAnythingRuns() {
        long hellosBefore = jobs.list("anonymous", 0, 10_000).stream().filter(j -> j.processId().equals("Hello")).count();

        assertReport(post("/wps", requestBody("wps10/chaining/nested-too-deep.xml")), 400, "InvalidParameterValue", "name",
                "nested more than 3 levels deep");
        List<JobRecord> after = jobs.list("anonymous", 0, 10_000);
        assertThat(after.stream().filter(j -> j.processId().equals("Hello")).count()).isEqualTo(hellosBefore);
    }

    private static void assertReport(HttpResponse<byte[]> r, int status, String code, String locator, String text) {
        assertThat(r.statusCode()).as(text(r)).isEqualTo(status);
        OgcSchemas.assertValid(OgcSchemas.wps10(), r.body());
        Xml xml = Xml.of(r.body());
        assertThat(xml.text("/ows:ExceptionReport/ows:Exception/@exceptionCode")).isEqualTo(code);
        assertThat(xml.text("/ows:ExceptionReport/ows:Exception/@locator")).isEqualTo(locator);
        assertThat(xml.text("//ows:ExceptionText")).contains(text);
    }
}
