package eu.candela.ows.wps10;

import eu.candela.ows.testing.OgcSchemas;
import eu.candela.ows.testing.ServerTestBase;
import eu.candela.ows.testing.Xml;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Inline GeoJSON ComplexData and BoundingBoxData with a CRS, in XML and KVP, with EPSG:4326 (lat, lon) and CRS84 (lon, lat). */
class Wps10GeoJsonAndBoundingBoxTest extends ServerTestBase {
    /** Bordeaux and Arcachon, as two features. */
    private static final String POINTS = "{\"type\":\"FeatureCollection\",\"features\":["
            + "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Point\",\"coordinates\":[-0.58,44.84]}},"
            + "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Point\",\"coordinates\":[-1.17,44.66]}}]}";

    @Test
    void xmlExecuteSelectsFeaturesInsideTheLatitudeFirstBox() {
        HttpResponse<byte[]> r = post("/wps", requestBody("wps10/execute-feature-selection.xml"));
        assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
        OgcSchemas.assertValid(OgcSchemas.wps10(), r.body());
        Xml xml = Xml.of(r.body());
        assertThat(xml.text("//wps:Output[ows:Identifier='count']//wps:LiteralData")).isEqualTo("2");
        assertThat(xml.text("//wps:Output[ows:Identifier='extent']//wps:ComplexData"))
                .contains("-0.6").contains("44.894").doesNotContain("-1.17");
        assertThat(xml.text("//wps:DataInputs/wps:Input[ows:Identifier='area']//ows:LowerCorner")).isEqualTo("44.7 -0.7");
    }

    @Test
    void kvpBoundingBoxInCrs84IsLongitudeFirst() {
        String query = "/wps?service=WPS&version=1.0.0&request=Execute&identifier=FeatureSelection&RawDataOutput=count"
                + "&DataInputs=features=" + encode(POINTS) + "%40mimeType%3Dapplication%2Fgeo%2Bjson"
                + ";area=-0.7,44.7,-0.1,45.0,urn:ogc:def:crs:OGC:1.3:CRS84";
        HttpResponse<byte[]> r = get(query);
        assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
        assertThat(text(r)).isEqualTo("1");
    }

    @Test
    void marginInMetresGrowsTheArea() {
        // Arcachon lies about 37 km west of the box: a 40 km margin takes it in
        String query = "/wps?service=WPS&version=1.0.0&request=Execute&identifier=FeatureSelection&RawDataOutput=count"
                + "&DataInputs=features=" + encode(POINTS) + ";area=-0.7,44.7,-0.1,45.0,urn:ogc:def:crs:OGC:1.3:CRS84"
                + ";margin=40000@uom=m";
        assertThat(text(get(query))).isEqualTo("2");
    }

    @Test
    void literalInAnotherUnitIsRefused() {
        String query = "/wps?service=WPS&version=1.0.0&request=Execute&identifier=FeatureSelection"
                + "&DataInputs=features=" + encode(POINTS) + ";margin=40@uom=km";
        HttpResponse<byte[]> r = get(query);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Xml.of(r.body()).text("//ows:Exception/@locator")).isEqualTo("margin");
    }

    @Test
    void describeProcessAdvertisesTheUnit() {
        Xml xml = Xml.of(get("/wps?service=WPS&version=1.0.0&request=DescribeProcess&identifier=FeatureSelection").body());
        assertThat(xml.text("//Input[ows:Identifier='margin']/LiteralData/UOMs/Default/ows:UOM")).isEqualTo("m");
        assertThat(xml.text("//Input[ows:Identifier='area']/BoundingBoxData/Default/CRS")).isEqualTo("EPSG:4326");
        assertThat(xml.text("//Input[ows:Identifier='features']/ComplexData/Default/Format/MimeType")).isEqualTo("application/geo+json");
    }

    @Test
    void unsupportedBoundingBoxCrsIsRefusedWithTheInputAsLocator() {
        String query = "/wps?service=WPS&version=1.0.0&request=Execute&identifier=FeatureSelection"
                + "&DataInputs=features=" + encode(POINTS) + ";area=0,0,1,1,EPSG:2154";
        HttpResponse<byte[]> r = get(query);
        assertThat(r.statusCode()).isEqualTo(400);
        Xml xml = Xml.of(r.body());
        assertThat(xml.text("//ows:Exception/@exceptionCode")).isEqualTo("InvalidParameterValue");
        assertThat(xml.text("//ows:Exception/@locator")).isEqualTo("area");
    }

    @Test
    void invalidGeoJsonFailsTheJobWithAClearMessage() {
        String query = "/wps?service=WPS&version=1.0.0&request=Execute&identifier=FeatureSelection"
                + "&DataInputs=features=" + encode("{\"type\":\"Nonsense\"}");
        HttpResponse<byte[]> r = get(query);
        OgcSchemas.assertValid(OgcSchemas.wps10(), r.body());
        Xml xml = Xml.of(r.body());
        assertThat(xml.text("//wps:ProcessFailed//ows:ExceptionText")).contains("features").contains("Nonsense");
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
