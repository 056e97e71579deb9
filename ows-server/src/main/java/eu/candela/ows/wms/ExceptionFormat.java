package eu.candela.ows.wms;

import java.util.Locale;
import java.util.Optional;

/** How a failed GetMap is reported: a ServiceExceptionReport, the message drawn into the map, or an empty map. */
public enum ExceptionFormat {
    XML("XML", "application/vnd.ogc.se_xml"),
    INIMAGE("INIMAGE", "application/vnd.ogc.se_inimage"),
    BLANK("BLANK", "application/vnd.ogc.se_blank");

    private final String name130;
    private final String mime111;

    ExceptionFormat(String name130, String mime111) {
        this.name130 = name130;
        this.mime111 = mime111;
    }

    /** The name capabilities list for {@code version}. */
    public String advertised(WmsVersion version) {
        return version == WmsVersion.V1_3_0 ? name130 : mime111;
    }

    /** Either version's spelling (and {@code text/xml}), whatever the request's version: clients mix them up. */
    public static Optional<ExceptionFormat> of(String text) {
        if (text == null) return Optional.empty();
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (ExceptionFormat f : values()) {
            if (t.equals(f.name130.toLowerCase(Locale.ROOT)) || t.equals(f.mime111)) return Optional.of(f);
        }
        if (t.equals("text/xml") || t.equals("application/xml")) return Optional.of(XML);
        return Optional.empty();
    }
}
