package eu.candela.ows.wmts;

import eu.candela.ows.catalog.LayerInfo;
import eu.candela.ows.wps10.ServiceUrls;
import eu.candela.ows.testing.Xml;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The document's structure, with the layer entries given directly; WmtsServiceTest covers them from a real catalogue. */
class WmtsCapabilitiesEncoderTest {
    private static final String BASE = "http://maps.example.org/candela";
    private static final String LAYER = "//wmts:Contents/wmts:Layer[ows:Identifier='bench:s2']";

    static byte[] documentBytes() {
        LayerInfo layer = new LayerInfo("bench", "s2", "s2", "Sentinel-2 peer", "A test layer", "peer_ramp",
                List.of("raster"), true, Instant.parse("2026-12-01T10:00:00Z"), 3);
        double[] lonLat = {-3.8, 40.3, -3.6, 40.5};
        TileMatrixSet crs84 = TileMatrixSets.WORLD_CRS84_QUAD;
        List<TileMatrixLimits> limits = crs84.levels().stream().flatMap(m -> m.limits(lonLat).stream()).toList();
        var entry = new CapabilitiesLayer(layer, lonLat, List.of("peer_ramp", "raster"), Map.of(crs84, limits));
        return new WmtsCapabilitiesEncoder().encode(new WmtsUrls(new ServiceUrls(BASE + "/")), List.of(entry));
    }

    private static Xml document() {
        return Xml.of(documentBytes());
    }

    @Test
    void describesTheService() {
        Xml doc = document();
        assertThat(doc.text("/wmts:Capabilities/@version")).isEqualTo("1.0.0");
        assertThat(doc.text("//ows:ServiceIdentification/ows:ServiceType")).isEqualTo("OGC WMTS");
        assertThat(doc.text("//ows:ServiceIdentification/ows:ServiceTypeVersion")).isEqualTo("1.0.0");
        assertThat(doc.text("//ows:ServiceProvider/ows:ProviderName")).isNotBlank();
        assertThat(doc.text("/wmts:Capabilities/wmts:ServiceMetadataURL/@xlink:href"))
                .isEqualTo(BASE + "/wmts/1.0.0/WMTSCapabilities.xml");
    }

    @Test
    void offersBothOperationsInKvpAndRestfulEncodings() {
        Xml doc = document();
        for (String op : List.of("GetCapabilities", "GetTile")) {
            String get = "//ows:Operation[@name='" + op + "']/ows:DCP/ows:HTTP/ows:Get";
            assertThat(doc.text(get + "[ows:Constraint/ows:AllowedValues/ows:Value='KVP']/@xlink:href"))
                    .isEqualTo(BASE + "/wmts?");
            assertThat(doc.count(get + "[ows:Constraint[@name='GetEncoding']/ows:AllowedValues/ows:Value='RESTful']"))
                    .isEqualTo(1);
        }
    }

    @Test
    void describesTheLayer() {
        Xml doc = document();
        assertThat(doc.text(LAYER + "/ows:Title")).isEqualTo("Sentinel-2 peer");
        assertThat(doc.text(LAYER + "/ows:WGS84BoundingBox/ows:LowerCorner")).isEqualTo("-3.8 40.3");
        assertThat(doc.text(LAYER + "/ows:WGS84BoundingBox/ows:UpperCorner")).isEqualTo("-3.6 40.5");
        assertThat(doc.text(LAYER + "/wmts:Style[@isDefault='true']/ows:Identifier")).isEqualTo("peer_ramp");
        assertThat(doc.count(LAYER + "/wmts:Style")).isEqualTo(2);
        assertThat(doc.text(LAYER + "/wmts:Style[ows:Identifier='raster']/wmts:LegendURL/@xlink:href")).isEqualTo(BASE
                + "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&LAYER=bench%3As2&STYLE=raster&FORMAT=image/png");
        assertThat(doc.count(LAYER + "/wmts:Format[.='image/png']")).isEqualTo(1);
        assertThat(doc.count(LAYER + "/wmts:Format[.='image/jpeg']")).isEqualTo(1);
        assertThat(doc.text(LAYER + "/wmts:ResourceURL[@format='image/png'][@resourceType='tile']/@template")).isEqualTo(BASE
                + "/wmts/rest/bench:s2/{Style}/{TileMatrixSet}/{TileMatrix}/{TileRow}/{TileCol}.png");
        assertThat(doc.text(LAYER + "/wmts:ResourceURL[@format='image/jpeg']/@template")).endsWith("{TileCol}.jpg");
    }

    @Test
    void linksTheTileMatrixSetWithLimits() {
        Xml doc = document();
        String link = LAYER + "/wmts:TileMatrixSetLink[wmts:TileMatrixSet='WorldCRS84Quad']";
        assertThat(doc.count(link)).isEqualTo(1);
        assertThat(doc.count(LAYER + "/wmts:TileMatrixSetLink")).isEqualTo(1);
        String z3 = link + "/wmts:TileMatrixSetLimits/wmts:TileMatrixLimits[wmts:TileMatrix='3']";
        assertThat(doc.text(z3 + "/wmts:MinTileRow")).isEqualTo("2");
        assertThat(doc.text(z3 + "/wmts:MaxTileRow")).isEqualTo("2");
        assertThat(doc.text(z3 + "/wmts:MinTileCol")).isEqualTo("7");
        assertThat(doc.text(z3 + "/wmts:MaxTileCol")).isEqualTo("7");
    }

    @Test
    void definesBothTileMatrixSets() {
        Xml doc = document();
        String google = "//wmts:Contents/wmts:TileMatrixSet[ows:Identifier='GoogleMapsCompatible']";
        assertThat(doc.text(google + "/ows:SupportedCRS")).isEqualTo("urn:ogc:def:crs:EPSG::3857");
        assertThat(doc.text(google + "/wmts:WellKnownScaleSet")).isEqualTo("urn:ogc:def:wkss:OGC:1.0:GoogleMapsCompatible");
        assertThat(doc.text(google + "/wmts:TileMatrix[ows:Identifier='0']/wmts:ScaleDenominator")).isEqualTo("559082264.0287178");
        assertThat(doc.text(google + "/wmts:TileMatrix[ows:Identifier='0']/wmts:TopLeftCorner"))
                .isEqualTo("-20037508.3427892 20037508.3427892");
        assertThat(doc.text(google + "/wmts:TileMatrix[ows:Identifier='2']/wmts:MatrixWidth")).isEqualTo("4");
        String crs84 = "//wmts:Contents/wmts:TileMatrixSet[ows:Identifier='WorldCRS84Quad']";
        assertThat(doc.text(crs84 + "/ows:SupportedCRS")).isEqualTo("urn:ogc:def:crs:OGC:1.3:CRS84");
        assertThat(doc.text(crs84 + "/wmts:TileMatrix[ows:Identifier='0']/wmts:MatrixWidth")).isEqualTo("2");
        assertThat(doc.text(crs84 + "/wmts:TileMatrix[ows:Identifier='0']/wmts:MatrixHeight")).isEqualTo("1");
        assertThat(doc.text(crs84 + "/wmts:TileMatrix[ows:Identifier='0']/wmts:TopLeftCorner")).isEqualTo("-180 90");
    }
}
