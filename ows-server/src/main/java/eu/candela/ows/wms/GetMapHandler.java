package eu.candela.ows.wms;

import eu.candela.ows.render.MapImage;
import eu.candela.ows.render.MapImageWriter;
import eu.candela.ows.render.MapRenderer;
import eu.candela.ows.render.MapRequest;
import eu.candela.ows.render.OutputFormat;
import eu.candela.ows.render.UnsupportedCrsException;
import eu.candela.ows.style.RasterStyle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * GetMap: resolves every layer and style first (so a bad name fails before any drawing), renders
 * each layer, lays them over the background in order and encodes the result.
 */
final class GetMapHandler {
    private final PublishedLayers layers;
    private final MapRenderer renderer;

    GetMapHandler(PublishedLayers layers, MapRenderer renderer) {
        this.layers = layers;
        this.renderer = renderer;
    }

    WmsResponse handle(WmsRequest.GetMap request) throws IOException {
        MapImage map = draw(request.view(), request.version());
        return WmsResponse.ok(request.format().mimeType(), encode(map, request.format(), request.view().background()),
                WmsResponse.MAP_CACHING);
    }

    MapImage draw(MapView view, WmsVersion version) throws IOException {
        List<MapRequest> requests = new ArrayList<>();
        boolean single = view.layers().size() == 1;
        for (int i = 0; i < view.layers().size(); i++) {
            PublishedLayers.Published layer = layers.layer(view.layers().get(i), "LAYERS");
            RasterStyle style = layers.style(layer, view.styles().get(i), "STYLES");
            // One layer is drawn straight onto its background; several are drawn transparent and composited.
            requests.add(new MapRequest(layer.file(), view.extent(), view.width(), view.height(), style,
                    view.interpolations().get(i), single ? view.transparent() : true, view.background()));
        }
        try {
            if (single) return renderer.render(requests.get(0));
            MapCompositor canvas = new MapCompositor(view.width(), view.height(), view.transparent(), view.background());
            for (MapRequest r : requests) canvas.over(renderer.render(r));
            return canvas.image();
        } catch (UnsupportedCrsException e) {
            throw new WmsException(WmsExceptionCode.InvalidCRS, WmsCrs.crsParameter(version),
                    "The map cannot be drawn in " + view.crs().identifier() + ": " + e.getMessage(), e);
        }
    }

    static byte[] encode(MapImage image, OutputFormat format, int background) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, image.width() * image.height()));
        MapImageWriter.write(image, format, background, out);
        return out.toByteArray();
    }
}
