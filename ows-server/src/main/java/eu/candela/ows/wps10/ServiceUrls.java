package eu.candela.ows.wps10;

/** The addresses this server gives out, from its public base URL (no trailing slash). */
public record ServiceUrls(String base) {
    public ServiceUrls {
        base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
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
}
