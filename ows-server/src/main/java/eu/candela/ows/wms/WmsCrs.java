package eu.candela.ows.wms;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A map CRS as a request named it, resolved to an EPSG code and the axis order its BBOX is written in.
 *
 * @param identifier the name as sent ({@code EPSG:4326}, {@code CRS:84}, ...), echoed in errors
 * @param epsg       the EPSG code the renderer gets ({@code CRS:84} is 4326 with longitude first)
 * @param northFirst BBOX values come latitude / northing first and must be swapped for {@link eu.candela.ows.render.MapExtent}
 * @param geographic coordinates are degrees, so the BBOX must lie on the Earth
 */
public record WmsCrs(String identifier, int epsg, boolean northFirst, boolean geographic) {
    private static final Pattern EPSG = Pattern.compile("EPSG:(\\d+)");
    private static final Pattern EPSG_URN = Pattern.compile("URN:OGC:DEF:CRS:EPSG:[^:]*:(\\d+)");
    private static final Pattern EPSG_URI = Pattern.compile("HTTPS?://WWW\\.OPENGIS\\.NET/DEF/CRS/EPSG/[^/]+/(\\d+)");
    /** GeoServer's old name of Web Mercator, still sent by some clients. */
    private static final int GOOGLE = 900913;

    /**
     * Resolves {@code text} as sent in a request of {@code version}: WMS 1.1.1 always writes x
     * (east) first, WMS 1.3.0 and the URN / URI forms follow the EPSG axis order.
     *
     * @throws WmsException InvalidCRS (InvalidSRS in 1.1.1) when {@code text} names no EPSG code or CRS:84
     */
    static WmsCrs parse(String text, WmsVersion version, CrsAxes axes) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        if (t.equals("CRS:84") || t.equals("URN:OGC:DEF:CRS:OGC:1.3:CRS84") || t.endsWith("/DEF/CRS/OGC/1.3/CRS84")) {
            return new WmsCrs(text.trim(), 4326, false, true);
        }
        Matcher m = EPSG.matcher(t);
        if (m.matches()) {
            int epsg = code(text, m.group(1), version);
            CrsAxes.Axes a = axes.of(epsg);
            return new WmsCrs(text.trim(), epsg, version == WmsVersion.V1_3_0 && a.northFirst(), a.geographic());
        }
        Matcher urn = EPSG_URN.matcher(t);
        Matcher uri = EPSG_URI.matcher(t);
        if (urn.matches() || uri.matches()) {
            int epsg = code(text, (urn.matches() ? urn : uri).group(1), version);
            CrsAxes.Axes a = axes.of(epsg);
            return new WmsCrs(text.trim(), epsg, a.northFirst(), a.geographic());
        }
        throw unknown(text, version);
    }

    private static int code(String text, String digits, WmsVersion version) {
        try {
            int epsg = Integer.parseInt(digits);
            if (epsg == GOOGLE) return 3857;
            if (epsg > 0) return epsg;
        } catch (NumberFormatException e) {
            // too many digits for an EPSG code: reported below
        }
        throw unknown(text, version);
    }

    static WmsException unknown(String text, WmsVersion version) {
        return new WmsException(WmsExceptionCode.InvalidCRS, crsParameter(version),
                "'" + text + "' is not a CRS this server knows; use EPSG:<code> or CRS:84");
    }

    /** The name of the CRS parameter: {@code CRS} in 1.3.0, {@code SRS} in 1.1.1. */
    static String crsParameter(WmsVersion version) {
        return version == WmsVersion.V1_3_0 ? "CRS" : "SRS";
    }
}
