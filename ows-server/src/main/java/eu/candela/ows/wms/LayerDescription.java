package eu.candela.ows.wms;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the capabilities say of one layer, gathered once per catalogue change.
 *
 * @param name        {@code workspace:name}
 * @param title       human title
 * @param abstractText description, may be empty
 * @param wgs84       {minLon, minLat, maxLon, maxLat}
 * @param nativeEpsg  the coverage's EPSG code
 * @param envelopes   per EPSG code (4326, 3857, native), {minX, minY, maxX, maxY} with the east axis first
 * @param styles      the default style first
 */
record LayerDescription(String name, String title, String abstractText, double[] wgs84, int nativeEpsg,
                        Map<Integer, double[]> envelopes, List<StyleDescription> styles) {
    LayerDescription {
        wgs84 = wgs84.clone();
        envelopes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(envelopes));
        styles = List.copyOf(styles);
    }

    /**
     * @param name         style name
     * @param title        style title (its name when the SLD has none)
     * @param legendUrl    the GetLegendGraphic request drawing it
     * @param legendWidth  width of that legend in pixels
     * @param legendHeight its height
     */
    record StyleDescription(String name, String title, String legendUrl, int legendWidth, int legendHeight) {}
}
