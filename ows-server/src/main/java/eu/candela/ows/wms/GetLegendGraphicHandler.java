package eu.candela.ows.wms;

import eu.candela.ows.render.LegendRenderer;
import eu.candela.ows.render.MapImage;
import eu.candela.ows.style.RasterStyle;

import java.io.IOException;

/** GetLegendGraphic (SLD 1.1 profile of WMS): the legend of a layer's style, swatches of the requested size. */
final class GetLegendGraphicHandler {
    /** Behind legends written as JPEG, which has no transparency. */
    private static final int WHITE = 0xFFFFFF;

    private final PublishedLayers layers;

    GetLegendGraphicHandler(PublishedLayers layers) {
        this.layers = layers;
    }

    WmsResponse handle(WmsRequest.GetLegendGraphic request) throws IOException {
        PublishedLayers.Published layer = layers.layer(request.layer(), "LAYER");
        RasterStyle style = layers.style(layer, request.style(), "STYLE");
        MapImage legend = LegendRenderer.render(style, request.swatchWidth(), request.swatchHeight());
        return WmsResponse.ok(request.format().mimeType(), GetMapHandler.encode(legend, request.format(), WHITE),
                WmsResponse.MAP_CACHING);
    }
}
