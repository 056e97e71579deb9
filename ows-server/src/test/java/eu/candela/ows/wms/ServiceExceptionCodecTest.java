package eu.candela.ows.wms;

import eu.candela.ows.testing.OgcSchemas;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Service exception reports of both versions: schema-valid 1.3.0, GeoServer-shaped 1.1.1, code and locator kept. */
class ServiceExceptionCodecTest {

    @Test
    void writesSchemaValid130ReportWithCodeAndLocator() {
        byte[] xml = ServiceExceptionCodec.encode(new WmsException(WmsExceptionCode.InvalidCRS, "CRS", "no <such> CRS"), WmsVersion.V1_3_0);
        OgcSchemas.assertValid(OgcSchemas.wms130(), xml);
        String text = new String(xml, StandardCharsets.UTF_8);
        assertThat(text).contains("xmlns=\"http://www.opengis.net/ogc\"", "version=\"1.3.0\"", "code=\"InvalidCRS\"",
                "locator=\"CRS\"", "no &lt;such&gt; CRS");
        assertThat(ServiceExceptionCodec.contentType(WmsVersion.V1_3_0)).isEqualTo("text/xml");
    }

    @Test
    void writes111ReportWithDoctypeAndInvalidSrs() {
        byte[] xml = ServiceExceptionCodec.encode(new WmsException(WmsExceptionCode.InvalidCRS, "SRS", "bad"), WmsVersion.V1_1_1);
        String text = new String(xml, StandardCharsets.UTF_8);
        assertThat(text).contains("<!DOCTYPE ServiceExceptionReport SYSTEM", "<ServiceExceptionReport version=\"1.1.1\">",
                "code=\"InvalidSRS\"", "locator=\"SRS\"");
        assertThat(ServiceExceptionCodec.contentType(WmsVersion.V1_1_1)).isEqualTo("application/vnd.ogc.se_xml");
    }

    @Test
    void leavesCodeOutForServerFaults() {
        byte[] xml = ServiceExceptionCodec.encode(new WmsException(WmsExceptionCode.NoApplicableCode, null, "oops"), WmsVersion.V1_3_0);
        OgcSchemas.assertValid(OgcSchemas.wms130(), xml);
        assertThat(new String(xml, StandardCharsets.UTF_8)).doesNotContain("code=").doesNotContain("locator=");
    }
}
