package eu.candela.ows.wps10;

import eu.candela.ows.jobs.JobService;
import eu.candela.ows.testing.OgcSchemas;
import eu.candela.ows.testing.ServerTestBase;
import eu.candela.ows.testing.Xml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of bad request gets its ExceptionReport with the right code and locator, valid
 * against the schema, and leaves the job store as it was: nothing crashes, nothing is lost.
 */
class Wps10BadInputTest extends ServerTestBase {
    @Autowired
    JobService jobs;

    @ParameterizedTest(name = "{0} -> {2} at {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            malformed.xml               | 400 | NoApplicableCode      | -
            xxe-file.xml                | 400 | NoApplicableCode      | -
            entity-bomb.xml             | 400 | NoApplicableCode      | -
            not-wps.xml                 | 501 | OperationNotSupported | request
            wrong-version.xml           | 400 | InvalidParameterValue | version
            unknown-process.xml         | 400 | InvalidParameterValue | Identifier
            missing-input.xml           | 400 | MissingParameterValue | after
            unknown-input.xml           | 400 | InvalidParameterValue | colour
            wrong-type.xml              | 400 | InvalidParameterValue | iterations
            out-of-range.xml            | 400 | InvalidParameterValue | iterations
            unsupported-mime.xml        | 400 | InvalidParameterValue | after
            unknown-output.xml          | 400 | InvalidParameterValue | nothing
            file-reference.xml          | 400 | InvalidParameterValue | after
            metadata-reference.xml      | 400 | InvalidParameterValue | after
            private-reference.xml       | 400 | InvalidParameterValue | after
            loopback-reference.xml      | 400 | InvalidParameterValue | after
            ipv6-loopback-reference.xml | 400 | InvalidParameterValue | after
            not-a-tiff.xml              | 400 | InvalidParameterValue | after
            eodata-traversal.xml        | 400 | InvalidParameterValue | after
            """)
    void badXmlRequestGetsItsExceptionReport(String file, int status, String code, String locator) {
        var jobsBefore = jobs.countByState();
        HttpResponse<byte[]> r = post("/wps", requestBody("wps10/bad/" + file));
        assertReport(r, status, code, locator);
        assertThat(jobs.countByState()).as("no job record created or lost").isEqualTo(jobsBefore);
    }

    @ParameterizedTest(name = "{0} -> {2} at {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            request=GetCapabilities                                             | 400 | MissingParameterValue | service
            service=WMS&request=GetCapabilities                                 | 400 | InvalidParameterValue | service
            service=WPS                                                         | 400 | MissingParameterValue | request
            service=WPS&request=Destroy                                         | 501 | OperationNotSupported | request
            service=WPS&request=DescribeProcess&identifier=Hello                | 400 | MissingParameterValue | version
            service=WPS&version=1.0.0&request=DescribeProcess                   | 400 | MissingParameterValue | Identifier
            service=WPS&version=1.0.0&request=Execute                           | 400 | MissingParameterValue | Identifier
            service=WPS&version=1.0.0&request=Execute&identifier=Nope           | 400 | InvalidParameterValue | Identifier
            service=WPS&version=1.0.0&request=Execute&identifier=Hello          | 400 | MissingParameterValue | name
            service=WPS&version=1.0.0&request=Execute&identifier=Hello&DataInputs=name=x&storeExecuteResponse=maybe | 400 | InvalidParameterValue | storeExecuteResponse
            service=WPS&version=1.0.0&request=Execute&identifier=Hello&DataInputs=name=x;name=y | 400 | InvalidParameterValue | name
            service=WPS&version=1.0.0&request=Execute&identifier=Hello&DataInputs=name=x&status=true | 400 | InvalidParameterValue | status
            """)
    void badKvpRequestGetsItsExceptionReport(String query, int status, String code, String locator) {
        assertReport(get("/wps?" + query), status, code, locator);
    }

    @Test
    void xxeIsNeverResolved() {
        HttpResponse<byte[]> r = post("/wps", requestBody("wps10/bad/xxe-file.xml"));
        assertThat(text(r)).doesNotContain("root:").contains("DOCTYPE");
    }

    @Test
    void deeplyNestedDocumentIsRefused() {
        String deep = "<a>".repeat(10_000) + "</a>".repeat(10_000);
        assertReport(post("/wps", deep.getBytes(StandardCharsets.UTF_8)), 400, "NoApplicableCode", null);
    }

    @Test
    void bodyOverTheLimitIsRefusedWithFileSizeExceeded() {
        byte[] huge = new byte[9 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) ' ');
        assertReport(post("/wps", huge), 413, "FileSizeExceeded", "request");
    }

    private static void assertReport(HttpResponse<byte[]> r, int status, String code, String locator) {
        assertThat(r.statusCode()).as(text(r)).isEqualTo(status);
        OgcSchemas.assertValid(OgcSchemas.wps10(), r.body());
        Xml xml = Xml.of(r.body());
        assertThat(xml.text("/ows:ExceptionReport/ows:Exception/@exceptionCode")).isEqualTo(code);
        if (locator != null) {
            assertThat(xml.text("/ows:ExceptionReport/ows:Exception/@locator")).isEqualTo(locator);
        }
        assertThat(xml.text("//ows:ExceptionText")).isNotBlank();
    }
}
