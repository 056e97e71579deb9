package eu.candela.wps.spi;

/** Media types used by the processes; the names the WPS advertises. */
public final class MediaTypes {
    public static final String GEOTIFF = "image/tiff; application=geotiff";
    public static final String COG = "image/tiff; application=geotiff; profile=cloud-optimized";
    public static final String GEOJSON = "application/geo+json";
    public static final String JSON = "application/json";
    public static final String TEXT = "text/plain";

    private MediaTypes() {}

    /** True when {@code requested} names the same base type and parameters as {@code offered}, ignoring case and spaces. */
    public static boolean matches(String offered, String requested) {
        return normalize(offered).equals(normalize(requested));
    }

    public static String normalize(String mimeType) {
        return mimeType.replace(" ", "").toLowerCase(java.util.Locale.ROOT);
    }
}
