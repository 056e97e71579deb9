package eu.candela.ows.wms;

import eu.candela.ows.testing.OgcSchemas;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Capabilities written from a described layer, without a server: schema validity and axis order of the boxes. */
class Capabilities130EncoderTest {

    static CapabilitiesDocument document() {
        Map<Integer, double[]> envelopes = new LinkedHashMap<>();
        envelopes.put(4326, new double[] {-3.5, 40.1, -3.4, 40.2});
        envelopes.put(3857, new double[] {-389_000, 4_880_000, -378_000, 4_895_000});
        envelopes.put(32630, new double[] {400_000, 4_440_000, 410_000, 4_450_000});
        var style = new LayerDescription.StyleDescription("ramp", "A ramp", "http://h/wms?request=GetLegendGraphic&layer=ws:a", 60, 80);
        var layer = new LayerDescription("ws:a", "Layer A", "About A", new double[] {-3.5, 40.1, -3.4, 40.2}, 32630,
                envelopes, List.of(style));
        return new CapabilitiesDocument("http://h/wms", 8192, 4096, List.of(layer));
    }

    @Test
    void isSchemaValid() {
        OgcSchemas.assertValid(OgcSchemas.wms130(), Capabilities130Encoder.encode(document()));
    }

    @Test
    void isSchemaValidWithoutLayers() {
        OgcSchemas.assertValid(OgcSchemas.wms130(), Capabilities130Encoder.encode(
                new CapabilitiesDocument("http://h/wms", 8192, 4096, List.of())));
    }

    @Test
    void writesEpsg4326LatitudeFirstAndCrs84LongitudeFirst() {
        String xml = new String(Capabilities130Encoder.encode(document()), StandardCharsets.UTF_8);
        assertThat(xml).contains("<BoundingBox CRS=\"EPSG:4326\" minx=\"40.1\" miny=\"-3.5\" maxx=\"40.2\" maxy=\"-3.4\"");
        assertThat(xml).contains("<BoundingBox CRS=\"CRS:84\" minx=\"-3.5\" miny=\"40.1\" maxx=\"-3.4\" maxy=\"40.2\"");
        assertThat(xml).contains("<BoundingBox CRS=\"EPSG:32630\" minx=\"400000\"");
        assertThat(xml).contains("<MaxWidth>8192</MaxWidth>", "<MaxHeight>4096</MaxHeight>", "<CRS>EPSG:32630</CRS>");
        assertThat(xml).contains("request=GetLegendGraphic&amp;layer=ws:a");
    }

    @Test
    void writes111WithLongitudeFirstBoxes() {
        String xml = new String(Capabilities111Encoder.encode(document()), StandardCharsets.UTF_8);
        assertThat(xml).startsWith("<?xml").contains("<!DOCTYPE WMT_MS_Capabilities", "<WMT_MS_Capabilities",
                "<LatLonBoundingBox minx=\"-3.5\" miny=\"40.1\"", "<BoundingBox SRS=\"EPSG:4326\" minx=\"-3.5\"",
                "<GetLegendGraphic>", "application/vnd.ogc.se_inimage");
    }
}
