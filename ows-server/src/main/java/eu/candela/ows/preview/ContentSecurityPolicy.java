package eu.candela.ows.preview;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Content Security Policy of the preview pages: no inline script or style, nothing from
 * elsewhere but the base map's tiles, no framing, no plugins, forms post nowhere.
 */
final class ContentSecurityPolicy {
    private static final Pattern ORIGIN = Pattern.compile("^(https?)://([^/?#]+)");

    private ContentSecurityPolicy() {}

    static String of(String basemapUrlTemplate) {
        String basemap = origin(basemapUrlTemplate);
        return "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
                + "img-src 'self' data:" + (basemap.isEmpty() ? "" : " " + basemap) + "; "
                + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    }

    /**
     * The origin of an XYZ template: {@code https://{s}.tile.example.org/{z}/{x}/{y}.png} becomes
     * {@code https://*.tile.example.org}; empty for anything that is not plain http(s), so a
     * strange setting can only narrow the policy, never widen it.
     */
    static String origin(String urlTemplate) {
        Matcher m = ORIGIN.matcher(urlTemplate == null ? "" : urlTemplate.trim());
        if (!m.find()) return "";
        String host = m.group(2).replaceAll("^\\{[a-z]+\\}\\.", "*.");
        return host.matches("(\\*\\.)?[A-Za-z0-9.-]+(:[0-9]{1,5})?") ? m.group(1) + "://" + host : "";
    }
}
