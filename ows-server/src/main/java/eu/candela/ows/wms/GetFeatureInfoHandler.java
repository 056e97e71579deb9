package eu.candela.ows.wms;

import eu.candela.ows.render.MapRenderer;
import eu.candela.ows.render.UnsupportedCrsException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * GetFeatureInfo: the band values of each queried layer under pixel (I, J) of the described map.
 * A pixel off a coverage is an empty result for that layer, not an error.
 */
final class GetFeatureInfoHandler {
    private final PublishedLayers layers;
    private final MapRenderer renderer;

    GetFeatureInfoHandler(PublishedLayers layers, MapRenderer renderer) {
        this.layers = layers;
        this.renderer = renderer;
    }

    WmsResponse handle(WmsRequest.GetFeatureInfo request) throws IOException {
        MapView view = request.view();
        List<PublishedLayers.Published> queried = new ArrayList<>();
        for (String name : request.queryLayers()) queried.add(layers.layer(name, "QUERY_LAYERS"));
        for (String name : view.layers()) layers.layer(name, "LAYERS");
        List<FeatureInfoCodec.LayerValues> results = new ArrayList<>();
        try {
            for (PublishedLayers.Published layer : queried) {
                results.add(new FeatureInfoCodec.LayerValues(layer.name(), renderer.valuesAt(layer.file(), view.extent(),
                        view.width(), view.height(), request.i(), request.j())));
            }
        } catch (UnsupportedCrsException e) {
            throw new WmsException(WmsExceptionCode.InvalidCRS, WmsCrs.crsParameter(request.version()),
                    "The map cannot be queried in " + view.crs().identifier() + ": " + e.getMessage(), e);
        }
        return WmsResponse.ok(FeatureInfoCodec.contentType(request.infoFormat()),
                FeatureInfoCodec.encode(results, request.infoFormat()), WmsResponse.NO_CACHING);
    }
}
