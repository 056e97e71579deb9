package eu.candela.ows.wps10;

import eu.candela.ows.testing.OgcSchemas;
import eu.candela.ows.testing.ServerTestBase;
import eu.candela.ows.testing.Xml;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** GetCapabilities and DescribeProcess over KVP and XML, schema-validated. */
class Wps10DiscoveryTest extends ServerTestBase {

    @Test
    void capabilitiesByKvpListEveryProcessAndValidate() {
        HttpResponse<byte[]> r = get("/wps?service=WPS&request=GetCapabilities");
        assertThat(r.statusCode()).isEqualTo(200);
        OgcSchemas.assertValid(OgcSchemas.wps10(), r.body());
        Xml xml = Xml.of(r.body());
        assertThat(xml.text("/wps:Capabilities/@version")).isEqualTo("1.0.0");
        assertThat(xml.count("//wps:ProcessOfferings/wps:Process[ows:Identifier='ChangeDetection']")).isEqualTo(1);
        assertThat(xml.count("//wps:ProcessOfferings/wps:Process[ows:Identifier='Hello']")).isEqualTo(1);
        assertThat(xml.text("//ows:Operation[@name='Execute']//ows:Post/@xlink:href")).isEqualTo(base() + "/wps");
    }

    @Test
    void geoServerStyleOwsPathAnswersToo() {
        assertThat(get("/ows?service=WPS&request=GetCapabilities").statusCode()).isEqualTo(200);
    }

    @Test
    void healthReportsTheLauncher() {
        HttpResponse<byte[]> r = get("/actuator/health");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(text(r)).contains("\"launcher\":{\"status\":\"UP\"").contains("\"db\"");
    }

    @Test
    void capabilitiesByXmlPostValidate() {
        HttpResponse<byte[]> r = post("/wps", requestBody("wps10/getcapabilities.xml"));
        assertThat(r.statusCode()).isEqualTo(200);
        OgcSchemas.assertValid(OgcSchemas.wps10(), r.body());
    }

    @Test
    void keysAreCaseInsensitive() {
        HttpResponse<byte[]> r = get("/wps?SERVICE=wps&REQUEST=getcapabilities");
        assertThat(r.statusCode()).isEqualTo(200);
    }

    @Test
    void unsupportedAcceptVersionsFailNegotiation() {
        HttpResponse<byte[]> r = get("/wps?service=WPS&request=GetCapabilities&AcceptVersions=2.0.0");
        assertThat(r.statusCode()).isEqualTo(400);
        OgcSchemas.assertValid(OgcSchemas.wps10(), r.body());
        assertThat(Xml.of(r.body()).text("//ows:Exception/@exceptionCode")).isEqualTo("VersionNegotiationFailed");
    }

    @Test
    void describeAllDescribesEveryProcess() {
        HttpResponse<byte[]> r = get("/wps?service=WPS&version=1.0.0&request=DescribeProcess&identifier=ALL");
        assertThat(r.statusCode()).isEqualTo(200);
        OgcSchemas.assertValid(OgcSchemas.wps10(), r.body());
        Xml xml = Xml.of(r.body());
        assertThat(xml.count("//ProcessDescription")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void describeSeveralIdentifiersKeepsTheirOrder() {
        HttpResponse<byte[]> r = get("/wps?service=WPS&version=1.0.0&request=DescribeProcess&identifier=Hello,ChangeDetection");
        OgcSchemas.assertValid(OgcSchemas.wps10(), r.body());
        Xml xml = Xml.of(r.body());
        assertThat(xml.count("//ProcessDescription")).isEqualTo(2);
        assertThat(xml.text("//ProcessDescription[1]/ows:Identifier")).isEqualTo("Hello");
        assertThat(xml.text("//ProcessDescription[2]/ows:Identifier")).isEqualTo("ChangeDetection");
    }

    @Test
    void describeByXmlPostValidates() {
        HttpResponse<byte[]> r = post("/wps", requestBody("wps10/describe-two.xml"));
        assertThat(r.statusCode()).isEqualTo(200);
        OgcSchemas.assertValid(OgcSchemas.wps10(), r.body());
    }

    @Test
    void changeDetectionDescribesTypesRangesDefaultsAndFormats() {
        Xml xml = Xml.of(get("/wps?service=WPS&version=1.0.0&request=DescribeProcess&identifier=ChangeDetection").body());
        String input = "//ProcessDescription/DataInputs/Input";
        assertThat(xml.text(input + "[ows:Identifier='before']/@minOccurs")).isEqualTo("1");
        assertThat(xml.text(input + "[ows:Identifier='before']/ComplexData/Default/Format/MimeType")).startsWith("image/tiff");
        assertThat(xml.text(input + "[ows:Identifier='iterations']/LiteralData/ows:DataType")).isEqualTo("integer");
        assertThat(xml.text(input + "[ows:Identifier='iterations']/LiteralData/ows:AllowedValues/ows:Range/ows:MaximumValue")).isEqualTo("100");
        assertThat(xml.text(input + "[ows:Identifier='iterations']/LiteralData/DefaultValue")).isNotBlank();
        assertThat(xml.text("//ProcessDescription/ProcessOutputs/Output[ows:Identifier='probability']/ComplexOutput/Default/Format/MimeType"))
                .startsWith("image/tiff");
    }

    @Test
    void describeUnknownProcessNamesIdentifierAsLocator() {
        HttpResponse<byte[]> r = get("/wps?service=WPS&version=1.0.0&request=DescribeProcess&identifier=Hello,Nope");
        assertThat(r.statusCode()).isEqualTo(400);
        OgcSchemas.assertValid(OgcSchemas.wps10(), r.body());
        Xml xml = Xml.of(r.body());
        assertThat(xml.text("//ows:Exception/@exceptionCode")).isEqualTo("InvalidParameterValue");
        assertThat(xml.text("//ows:Exception/@locator")).isEqualTo("Identifier");
        assertThat(xml.text("//ows:ExceptionText")).contains("Nope");
    }
}
