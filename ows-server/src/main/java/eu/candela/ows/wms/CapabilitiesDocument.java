package eu.candela.ows.wms;

import java.util.List;
import java.util.TreeSet;

/**
 * Everything a capabilities document says, whatever its version.
 *
 * @param serviceUrl the WMS endpoint ({@code <base>/wms}), without query
 * @param maxWidth   largest map width
 * @param maxHeight  largest map height
 * @param layers     the visible layers
 */
record CapabilitiesDocument(String serviceUrl, int maxWidth, int maxHeight, List<LayerDescription> layers) {
    static final String TITLE = "Candela Web Map Service";
    static final String ABSTRACT = "Maps of the GeoTIFF coverages published by this Candela server: job results "
            + "and layers added through the REST API.";
    static final List<String> MAP_FORMATS = List.of("image/png", "image/png; mode=8bit", "image/jpeg");
    static final List<String> INFO_FORMATS = List.of("text/plain", "text/html", "application/json");

    CapabilitiesDocument {
        layers = List.copyOf(layers);
    }

    /** The URL operations are sent to: the endpoint with {@code ?}, as WMS wants a prefix to append pairs to. */
    String operationUrl() {
        return serviceUrl + "?";
    }

    /** EPSG:4326, EPSG:3857 and every layer's native code, in that order (duplicates dropped). */
    List<Integer> epsgCodes() {
        TreeSet<Integer> natives = new TreeSet<>();
        layers.forEach(l -> natives.add(l.nativeEpsg()));
        java.util.LinkedHashSet<Integer> codes = new java.util.LinkedHashSet<>(List.of(4326, 3857));
        codes.addAll(natives);
        return List.copyOf(codes);
    }

    /** {minLon, minLat, maxLon, maxLat} around every layer, clamped to the world; the world when there are none. */
    double[] wgs84Union() {
        if (layers.isEmpty()) return new double[] {-180, -90, 180, 90};
        double[] u = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (LayerDescription l : layers) {
            double[] b = l.wgs84();
            u[0] = Math.min(u[0], b[0]);
            u[1] = Math.min(u[1], b[1]);
            u[2] = Math.max(u[2], b[2]);
            u[3] = Math.max(u[3], b[3]);
        }
        return clampToWorld(u);
    }

    static double[] clampToWorld(double[] b) {
        return new double[] {clamp(b[0], 180), clamp(b[1], 90), clamp(b[2], 180), clamp(b[3], 90)};
    }

    private static double clamp(double v, double limit) {
        return Math.max(-limit, Math.min(limit, v));
    }
}
