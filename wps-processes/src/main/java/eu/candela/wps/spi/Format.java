package eu.candela.wps.spi;

import java.util.Objects;

/**
 * A complex data format: media type, optional encoding (for example {@code base64}) and schema.
 *
 * @param mimeType media type, for example {@code image/tiff; application=geotiff}
 * @param encoding null when the document is sent as is
 * @param schema   null when no schema applies
 */
public record Format(String mimeType, String encoding, String schema) {
    public static final Format GEOTIFF = new Format(MediaTypes.GEOTIFF, null, null);
    public static final Format GEOTIFF_BASE64 = new Format(MediaTypes.GEOTIFF, "base64", null);
    public static final Format COG = new Format(MediaTypes.COG, null, null);
    public static final Format GEOJSON = new Format(MediaTypes.GEOJSON, null, null);
    public static final Format JSON = new Format(MediaTypes.JSON, null, null);
    public static final Format SAFE = new Format(MediaTypes.SAFE, null, null);

    public Format {
        Objects.requireNonNull(mimeType, "mimeType");
    }

    public static Format of(String mimeType) {
        return new Format(mimeType, null, null);
    }
}
