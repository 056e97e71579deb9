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
}
