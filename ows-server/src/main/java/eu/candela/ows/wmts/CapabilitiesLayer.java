package eu.candela.ows.wmts;

import eu.candela.ows.catalog.LayerInfo;

import java.util.List;
import java.util.Map;

/**
 * What the capabilities say about one layer.
 *
 * @param layer       the catalogue entry
 * @param wgs84Bounds {minLon, minLat, maxLon, maxLat}
 * @param styles      the default style first, then the others
 * @param limits      per tile matrix set the layer can be shown in, its limits per level
 */
record CapabilitiesLayer(LayerInfo layer, double[] wgs84Bounds, List<String> styles,
                         Map<TileMatrixSet, List<TileMatrixLimits>> limits) {
    CapabilitiesLayer {
        wgs84Bounds = wgs84Bounds.clone();
        styles = List.copyOf(styles);
        limits = Map.copyOf(limits);
    }
}
