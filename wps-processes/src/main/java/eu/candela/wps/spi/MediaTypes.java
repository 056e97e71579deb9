package eu.candela.wps.spi;

/** Media types used by the processes; the names the WPS advertises. */
public final class MediaTypes {
    public static final String GEOTIFF = "image/tiff; application=geotiff";
    public static final String COG = "image/tiff; application=geotiff; profile=cloud-optimized";
    public static final String GEOJSON = "application/geo+json";
    public static final String JSON = "application/json";
    public static final String TEXT = "text/plain";
    /**
     * A product folder of the EO archive in the SAFE layout (Sentinel-1 / Sentinel-2 {@code *.SAFE}),
     * passed by reference to the server's {@code /eodata/} URL; see {@link ProductRef}. Not a
     * registered type: a folder has none, and the ESA one ({@code application/zip} for a zipped
     * SAFE) would wrongly suggest a download.
     */
    public static final String SAFE = "application/x-sentinel-safe";

    private MediaTypes() {}

    /** True when {@code requested} names the same base type and parameters as {@code offered}, ignoring case and spaces. */
    public static boolean matches(String offered, String requested) {
        return normalize(offered).equals(normalize(requested));
    }

    /** True when {@code input} takes a product folder ({@link ProductRef}) rather than a document. */
    public static boolean isProduct(InputDescriptor input) {
        return input.kind() == DataKind.COMPLEX
                && input.formats().stream().anyMatch(f -> matches(f.mimeType(), SAFE));
    }

    public static String normalize(String mimeType) {
        return mimeType.replace(" ", "").toLowerCase(java.util.Locale.ROOT);
    }
}
