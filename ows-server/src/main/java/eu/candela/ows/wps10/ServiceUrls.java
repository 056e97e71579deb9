package eu.candela.ows.wps10;

/** The addresses this server gives out, from its public base URL (no trailing slash). */
public record ServiceUrls(String base) {
    public ServiceUrls {
        base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /**
     * The addresses for the request being served: the configured public URL ({@code candela.public-url})
     * when set, which is right behind a proxy, otherwise the address the client used.
     */
    public static ServiceUrls forCurrentRequest(String configuredPublicUrl) {
        return new ServiceUrls(configuredPublicUrl == null || configuredPublicUrl.isBlank()
                ? org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString()
                : configuredPublicUrl);
    }

    public String wps() { return base + "/wps"; }

    public String capabilities() { return wps() + "?service=WPS&request=GetCapabilities"; }

    public String status(String jobId) { return base + "/wps/jobs/" + jobId; }

    public String output(String jobId, String outputId) { return base + "/wps/jobs/" + jobId + "/outputs/" + outputId; }

    public String wms() { return base + "/wms"; }

    public String wmts() { return base + "/wmts"; }

    /** The layer preview page of {@code workspace:layer}. */
    public String preview(String qualifiedLayerName) { return base + "/preview/" + qualifiedLayerName; }

    /** WMTS RESTful tile URL template in XYZ form (z/y/x), as Leaflet, OpenLayers and folium take it. */
    public String xyzTiles(String qualifiedLayerName, String style) {
        return wmts() + "/rest/" + qualifiedLayerName + "/" + style + "/GoogleMapsCompatible/{z}/{y}/{x}.png";
    }

    /**
     * A WMS 1.3.0 GetMap address of a whole layer as a transparent PNG {@code width} pixels wide,
     * its height following the layer's shape. CRS:84 keeps longitude first, so the address reads
     * the same to every client.
     *
     * @param wgs84Bounds {minLon, minLat, maxLon, maxLat}
     */
    public String wmsMap(String qualifiedLayerName, double[] wgs84Bounds, int width) {
        double[] b = wgs84Bounds;
        int height = (int) Math.max(1, Math.min(4096, Math.round(width * (b[3] - b[1]) / (b[2] - b[0]))));
        return wms() + "?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS="
                + java.net.URLEncoder.encode(qualifiedLayerName, java.nio.charset.StandardCharsets.UTF_8)
                + "&STYLES=&CRS=CRS:84&BBOX=" + b[0] + "," + b[1] + "," + b[2] + "," + b[3]
                + "&WIDTH=" + width + "&HEIGHT=" + height + "&FORMAT=image/png&TRANSPARENT=TRUE";
    }
}
