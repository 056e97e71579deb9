package eu.candela.ows.wms;

import java.util.Optional;

/**
 * The WMS versions this server speaks, and the negotiation rule of WMS 1.3.0 section 6.2.4: a
 * version the server does not know is answered with the highest one below it, or the lowest one
 * when the request is older than every supported version.
 */
public enum WmsVersion {
    V1_1_1("1.1.1"),
    V1_3_0("1.3.0");

    private final String text;

    WmsVersion(String text) {
        this.text = text;
    }

    public String text() { return text; }

    /** The supported version named exactly by {@code text}, if any. */
    public static Optional<WmsVersion> exactly(String text) {
        if (text == null) return Optional.empty();
        for (WmsVersion v : values()) {
            if (v.text.equals(text.trim())) return Optional.of(v);
        }
        return Optional.empty();
    }

    /**
     * The version a GetCapabilities request for {@code requested} is answered in: the highest
     * (1.3.0) when none is asked for.
     *
     * @throws WmsException VersionNegotiationFailed when {@code requested} is not a dotted version number
     */
    public static WmsVersion negotiate(String requested) {
        if (requested == null || requested.isBlank()) return V1_3_0;
        Optional<WmsVersion> exact = exactly(requested);
        if (exact.isPresent()) return exact.get();
        int[] wanted = parse(requested);
        WmsVersion best = null;
        for (WmsVersion v : values()) {
            if (compare(parse(v.text), wanted) < 0) best = v;
        }
        return best == null ? V1_1_1 : best;
    }

    private static int[] parse(String version) {
        String[] parts = version.trim().split("\\.");
        int[] numbers = new int[3];
        if (parts.length == 0 || parts.length > 3) throw notAVersion(version);
        for (int i = 0; i < parts.length; i++) {
            try {
                numbers[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                throw notAVersion(version);
            }
            if (numbers[i] < 0) throw notAVersion(version);
        }
        return numbers;
    }

    private static int compare(int[] a, int[] b) {
        for (int i = 0; i < 3; i++) {
            if (a[i] != b[i]) return Integer.compare(a[i], b[i]);
        }
        return 0;
    }

    private static WmsException notAVersion(String version) {
        return new WmsException(WmsExceptionCode.VersionNegotiationFailed, "VERSION",
                "'" + version + "' is not a version number; this server speaks WMS 1.1.1 and 1.3.0");
    }
}
