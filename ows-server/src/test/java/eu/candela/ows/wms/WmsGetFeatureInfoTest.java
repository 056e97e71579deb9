package eu.candela.ows.wms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GetFeatureInfo on {@link WmsTestLayer}: a native-CRS map aligned with the grid, so map pixel
 * (I, J) is raster pixel (col, row) and band 2 ({@code 1000 * row + col}) says which one was read.
 */
class WmsGetFeatureInfoTest extends WmsServerTestBase {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String query(int i, int j, String format) {
        return "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&LAYERS=" + WmsTestLayer.NAME + "&QUERY_LAYERS=" + WmsTestLayer.NAME
                + "&STYLES=&CRS=EPSG:32630&BBOX=" + WmsTestLayer.MIN_X + "," + WmsTestLayer.minY() + "," + WmsTestLayer.maxX() + ","
                + WmsTestLayer.MAX_Y + "&WIDTH=200&HEIGHT=200&I=" + i + "&J=" + j + "&INFO_FORMAT=" + encode(format);
    }

    private static JsonNode json(HttpResponse<byte[]> r) throws IOException {
        assertThat(r.statusCode()).as(() -> text(r)).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        return JSON.readTree(r.body());
    }

    @Test
    void returnsBandValuesAsGeoJson() throws IOException {
        JsonNode doc = json(wms(query(150, 20, "application/json")));
        assertThat(doc.path("type").asText()).isEqualTo("FeatureCollection");
        assertThat(doc.path("features")).hasSize(1);
        JsonNode properties = doc.path("features").get(0).path("properties");
        assertThat(properties.path("class").asDouble()).isEqualTo(WmsTestLayer.classValue(150, 20));
        assertThat(properties.path("index").asDouble()).isEqualTo(WmsTestLayer.indexValue(150, 20));
    }

    @Test
    void returnsBandValuesAsText() {
        HttpResponse<byte[]> r = wms(query(30, 70, "text/plain"));
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(text(r)).contains(WmsTestLayer.NAME, "class = 0", "index = " + (int) WmsTestLayer.indexValue(30, 70));
    }

    @Test
    void returnsBandValuesAsHtml() {
        HttpResponse<byte[]> r = wms(query(199, 0, "text/html"));
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(text(r)).contains("<th>index</th>", "<td>" + (int) WmsTestLayer.indexValue(199, 0) + "</td>", "<td>1000</td>");
    }

    @Test
    void reportsNodataAsNull() throws IOException {
        JsonNode properties = json(wms(query(10, 190, "application/json"))).path("features").get(0).path("properties");
        assertThat(properties.path("class").isNull()).isTrue();
        assertThat(properties.path("index").asDouble()).isEqualTo(WmsTestLayer.indexValue(10, 190));
    }

    @Test
    void readsTheGroundPointUnderAPixelOfALatitudeFirstMap() throws IOException {
        double[] sw = WmsTestLayer.toLonLat(WmsTestLayer.centre(60, 120));
        double half = 0.0005;
        // 100 x 100 map centred on the ground point: I = J = 50 holds it
        String q = "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&LAYERS=" + WmsTestLayer.NAME + "&QUERY_LAYERS=" + WmsTestLayer.NAME
                + "&STYLES=&CRS=EPSG:4326&BBOX=" + (sw[1] - half) + "," + (sw[0] - half) + "," + (sw[1] + half) + "," + (sw[0] + half)
                + "&WIDTH=101&HEIGHT=101&I=50&J=50&INFO_FORMAT=application/json";
        double index = json(wms(q)).path("features").get(0).path("properties").path("index").asDouble();
        assertThat((int) index / 1000).isEqualTo(120);
        assertThat((int) index % 1000).isEqualTo(60);
    }

    @Test
    void answersEmptyOutsideTheCoverage() throws IOException {
        String outside = query(10, 10, "application/json").replace("BBOX=" + WmsTestLayer.MIN_X, "BBOX=" + (WmsTestLayer.MIN_X - 4000))
                .replace("," + WmsTestLayer.maxX(), "," + (WmsTestLayer.MIN_X - 2000));
        assertThat(json(wms(outside)).path("features")).isEmpty();
        assertThat(text(wms(outside.replace(encode("application/json"), "text/plain")))).doesNotContain("index");
    }

    @Test
    void understandsXAndYIn111() {
        String q = query(30, 70, "text/plain").replace("VERSION=1.3.0", "VERSION=1.1.1").replace("CRS=", "SRS=")
                .replace("&I=30&J=70", "&X=30&Y=70");
        assertThat(text(wms(q))).contains("index = " + (int) WmsTestLayer.indexValue(30, 70));
    }

    @Test
    void rejectsPointsOffTheMapAndUnknownLayers() {
        assertServiceException(wms(query(200, 0, "text/plain")), WmsVersion.V1_3_0, "InvalidPoint", "I");
        assertServiceException(wms(query(0, 0, "text/plain").replace("QUERY_LAYERS=" + WmsTestLayer.NAME, "QUERY_LAYERS=wmstest:nope")),
                WmsVersion.V1_3_0, "LayerNotDefined", "QUERY_LAYERS");
        assertServiceException(wms(query(0, 0, "application/vnd.ogc.gml")), WmsVersion.V1_3_0, "InvalidFormat", "INFO_FORMAT");
    }
}
