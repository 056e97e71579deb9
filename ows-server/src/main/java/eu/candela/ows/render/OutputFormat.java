package eu.candela.ows.render;

import java.util.Locale;
import java.util.Optional;

/** Image formats maps and tiles are encoded in. */
public enum OutputFormat {
    PNG("image/png", "png"),
    PNG8("image/png; mode=8bit", "png"),
    JPEG("image/jpeg", "jpg");

    private final String mimeType;
    private final String extension;

    OutputFormat(String mimeType, String extension) {
        this.mimeType = mimeType;
        this.extension = extension;
    }

    public String mimeType() { return mimeType; }

    public String extension() { return extension; }

    /** The format a WMS FORMAT / WMTS format parameter names, also GeoServer's {@code image/png8}; empty if unsupported. */
    public static Optional<OutputFormat> of(String mimeType) {
        if (mimeType == null) return Optional.empty();
        String m = mimeType.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        return switch (m) {
            case "image/png", "png" -> Optional.of(PNG);
            case "image/png;mode=8bit", "image/png8", "png8" -> Optional.of(PNG8);
            case "image/jpeg", "image/jpg", "jpeg", "jpg" -> Optional.of(JPEG);
            default -> Optional.empty();
        };
    }
}
