package eu.candela.ows.wms;

import java.util.Locale;
import java.util.Optional;

/** The GetFeatureInfo answer formats. */
public enum InfoFormat {
    TEXT("text/plain"),
    HTML("text/html"),
    /** A GeoJSON FeatureCollection, one feature per layer with the band values as properties, as GeoServer writes it. */
    JSON("application/json");

    private final String mimeType;

    InfoFormat(String mimeType) {
        this.mimeType = mimeType;
    }

    public String mimeType() { return mimeType; }

    public static Optional<InfoFormat> of(String text) {
        if (text == null) return Optional.empty();
        String t = text.trim().toLowerCase(Locale.ROOT);
        int semicolon = t.indexOf(';');
        if (semicolon >= 0) t = t.substring(0, semicolon).trim();
        for (InfoFormat f : values()) {
            if (f.mimeType.equals(t)) return Optional.of(f);
        }
        if (t.equals("application/geo+json") || t.equals("json")) return Optional.of(JSON);
        return Optional.empty();
    }
}
