package eu.candela.ows.wms;

import eu.candela.ows.catalog.CatalogException;
import eu.candela.ows.catalog.LayerInfo;
import eu.candela.ows.testing.OgcSchemas;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** GetCapabilities of a server with a published COG: schema validity, the layer's boxes and styles, version negotiation, cache invalidation. */
class Wms130CapabilitiesSchemaTest extends WmsServerTestBase {
    private static final String LAYER = "//*[local-name()='Layer'][*[local-name()='Name']='" + WmsTestLayer.NAME + "']";

    private Document capabilities(String version) {
        HttpResponse<byte[]> r = wms("SERVICE=WMS&REQUEST=GetCapabilities" + (version == null ? "" : "&VERSION=" + version));
        assertThat(r.statusCode()).as(() -> text(r)).isEqualTo(200);
        return dom(r.body());
    }

    @Test
    void capabilities130AreSchemaValid() {
        HttpResponse<byte[]> r = wms("service=WMS&version=1.3.0&request=GetCapabilities");
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/xml");
        OgcSchemas.assertValid(OgcSchemas.wms130(), r.body());
    }

    @Test
    void listsTheLayerWithLatitudeFirstEpsg4326Box() {
        Document doc = capabilities("1.3.0");
        assertThat(xpath(doc, LAYER + "/@queryable")).isEqualTo("1");
        assertThat(xpath(doc, LAYER + "/*[local-name()='Title']")).isEqualTo("Two halves");
        double[] sw = WmsTestLayer.toLonLat(new double[] {WmsTestLayer.MIN_X, WmsTestLayer.minY()});
        double[] ne = WmsTestLayer.toLonLat(new double[] {WmsTestLayer.maxX(), WmsTestLayer.MAX_Y});
        String box4326 = LAYER + "/*[local-name()='BoundingBox'][@CRS='EPSG:4326']";
        // latitude first: minx is the southern latitude
        assertThat(Double.parseDouble(xpath(doc, box4326 + "/@minx"))).isCloseTo(sw[1], within(0.002));
        assertThat(Double.parseDouble(xpath(doc, box4326 + "/@miny"))).isCloseTo(Math.min(sw[0], ne[0]) , within(0.01));
        String crs84 = LAYER + "/*[local-name()='BoundingBox'][@CRS='CRS:84']";
        assertThat(Double.parseDouble(xpath(doc, crs84 + "/@maxy"))).isCloseTo(ne[1], within(0.002));
        String west = LAYER + "/*[local-name()='EX_GeographicBoundingBox']/*[local-name()='westBoundLongitude']";
        assertThat(Double.parseDouble(xpath(doc, west))).isCloseTo(sw[0], within(0.01));
        String utm = LAYER + "/*[local-name()='BoundingBox'][@CRS='EPSG:32630']";
        assertThat(Double.parseDouble(xpath(doc, utm + "/@minx"))).isCloseTo(WmsTestLayer.MIN_X, within(1.0));
        assertThat(Double.parseDouble(xpath(doc, utm + "/@maxy"))).isCloseTo(WmsTestLayer.MAX_Y, within(1.0));
        assertThat(xpath(doc, LAYER + "/*[local-name()='BoundingBox'][@CRS='EPSG:3857']/@minx")).isNotEmpty();
    }

    @Test
    void listsDefaultStyleFirstWithLegendUrl() {
        Document doc = capabilities("1.3.0");
        assertThat(xpath(doc, LAYER + "/*[local-name()='Style'][1]/*[local-name()='Name']")).isEqualTo(WmsTestLayer.STYLE);
        assertThat(xpath(doc, LAYER + "/*[local-name()='Style'][2]/*[local-name()='Name']")).isEqualTo("raster");
        String href = xpath(doc, LAYER + "/*[local-name()='Style'][1]/*[local-name()='LegendURL']/*[local-name()='OnlineResource']/@*[local-name()='href']");
        assertThat(href).startsWith(base() + "/wms?").contains("request=GetLegendGraphic", "layer=wmstest%3Ahalves");
        HttpResponse<byte[]> legend = get(href);
        assertThat(legend.headers().firstValue("Content-Type")).hasValue("image/png");
        var image = image(legend);
        String legendUrl = LAYER + "/*[local-name()='Style'][1]/*[local-name()='LegendURL']";
        assertThat(xpath(doc, legendUrl + "/@width")).isEqualTo(String.valueOf(image.getWidth()));
        assertThat(xpath(doc, legendUrl + "/@height")).isEqualTo(String.valueOf(image.getHeight()));
    }

    @Test
    void hidesDisabledLayers() throws CatalogException {
        String name = WmsTestLayer.WORKSPACE + ":hidden";
        catalog.putLayer(new LayerInfo(WmsTestLayer.WORKSPACE, "hidden", "halves", "Hidden", "", "raster", List.of(), false, Instant.now(), 0));
        try {
            assertThat(xpath(capabilities("1.3.0"), "count(//*[local-name()='Name'][.='" + name + "'])")).isEqualTo("0");
            String getMap = "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=" + name + "&STYLES=&CRS=EPSG:32630"
                    + "&BBOX=440000,4478000,442000,4480000&WIDTH=10&HEIGHT=10&FORMAT=image/png";
            assertServiceException(wms(getMap), WmsVersion.V1_3_0, "LayerNotDefined", "LAYERS");
        } finally {
            catalog.removeLayer(WmsTestLayer.WORKSPACE, "hidden");
        }
    }

    @Test
    void rootLayerListsCrsAndServiceLimits() {
        Document doc = capabilities("1.3.0");
        String crs = "/*/*[local-name()='Capability']/*[local-name()='Layer']/*[local-name()='CRS']";
        for (String code : List.of("CRS:84", "EPSG:4326", "EPSG:3857", "EPSG:32630")) {
            assertThat(xpath(doc, "count(" + crs + "[.='" + code + "'])")).as(code).isEqualTo("1");
        }
        assertThat(xpath(doc, "//*[local-name()='MaxWidth']")).isEqualTo(String.valueOf(properties.maps().maxWidth()));
        assertThat(xpath(doc, "//*[local-name()='GetMap']/*[local-name()='Format'][.='image/png; mode=8bit']")).isNotEmpty();
        assertThat(xpath(doc, "//*[local-name()='GetFeatureInfo']/*[local-name()='Format'][.='application/json']")).isNotEmpty();
    }

    @Test
    void answers130WithoutVersionAnd111ForOlderRequests() {
        assertThat(capabilities(null).getDocumentElement().getLocalName()).isEqualTo("WMS_Capabilities");
        assertThat(capabilities("1.1.0").getDocumentElement().getLocalName()).isEqualTo("WMT_MS_Capabilities");
        assertThat(capabilities("1.4.0").getDocumentElement().getAttribute("version")).isEqualTo("1.3.0");
    }

    @Test
    void capabilities111HaveLatLonBoxAndDoctype() {
        HttpResponse<byte[]> r = wms("SERVICE=WMS&VERSION=1.1.1&REQUEST=GetCapabilities");
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/vnd.ogc.wms_xml");
        assertThat(text(r)).contains("<!DOCTYPE WMT_MS_Capabilities");
        Document doc = dom(r.body());
        double[] sw = WmsTestLayer.toLonLat(new double[] {WmsTestLayer.MIN_X, WmsTestLayer.minY()});
        assertThat(Double.parseDouble(xpath(doc, LAYER + "/*[local-name()='LatLonBoundingBox']/@miny"))).isCloseTo(sw[1], within(0.002));
        assertThat(xpath(doc, LAYER + "/*[local-name()='SRS']")).isEqualTo("EPSG:32630");
        assertThat(xpath(doc, "//*[local-name()='GetLegendGraphic']/*[local-name()='Format']")).isEqualTo("image/png");
    }

    @Test
    void isAlsoServedAtOws() {
        HttpResponse<byte[]> r = get("/ows?service=wms&request=GetCapabilities");
        assertThat(r.statusCode()).isEqualTo(200);
        OgcSchemas.assertValid(OgcSchemas.wms130(), r.body());
    }

    @Test
    void followsCatalogueChanges() throws CatalogException {
        String name = WmsTestLayer.WORKSPACE + ":copy";
        assertThat(xpath(capabilities("1.3.0"), "count(//*[local-name()='Name'][.='" + name + "'])")).isEqualTo("0");
        catalog.putLayer(new LayerInfo(WmsTestLayer.WORKSPACE, "copy", "halves", "Copy", "", "raster", List.of(), true, Instant.now(), 0));
        try {
            assertThat(xpath(capabilities("1.3.0"), "count(//*[local-name()='Name'][.='" + name + "'])")).isEqualTo("1");
            assertThat(xpath(capabilities("1.1.1"), "count(//*[local-name()='Name'][.='" + name + "'])")).isEqualTo("1");
        } finally {
            catalog.removeLayer(WmsTestLayer.WORKSPACE, "copy");
        }
        assertThat(xpath(capabilities("1.3.0"), "count(//*[local-name()='Name'][.='" + name + "'])")).isEqualTo("0");
    }
}
