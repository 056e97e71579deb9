package eu.candela.ows.wms;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** GetLegendGraphic of {@link WmsTestLayer}'s styles. */
class WmsGetLegendGraphicTest extends WmsServerTestBase {

    @Test
    void drawsLegendsAsPng() {
        HttpResponse<byte[]> r = wms("SERVICE=WMS&REQUEST=GetLegendGraphic&LAYER=" + WmsTestLayer.NAME + "&FORMAT=image/png&WIDTH=30&HEIGHT=25");
        assertThat(r.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(image(r).getWidth()).isGreaterThanOrEqualTo(30);
        assertServiceException(wms("SERVICE=WMS&REQUEST=GetLegendGraphic&LAYER=" + WmsTestLayer.NAME + "&STYLE=nostyle"),
                WmsVersion.V1_3_0, "StyleNotDefined", "STYLE");
        assertServiceException(wms("SERVICE=WMS&REQUEST=GetLegendGraphic&LAYER=wmstest:nope"), WmsVersion.V1_3_0, "LayerNotDefined", "LAYER");
    }
}
