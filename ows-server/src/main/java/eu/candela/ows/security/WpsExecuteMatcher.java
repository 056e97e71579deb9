package eu.candela.ows.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Matches the WPS requests that run something: a KVP {@code REQUEST=Execute} (parameter names are
 * case-insensitive in OGC KVP) and any XML POST to the WPS endpoints (a POSTed WMS request is
 * form-encoded and does not match).
 */
final class WpsExecuteMatcher implements RequestMatcher {
    private static final Set<String> PATHS = Set.of("/wps", "/ows");

    @Override
    public boolean matches(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!PATHS.contains(path)) return false;
        if (HttpMethod.POST.matches(request.getMethod())) {
            String type = request.getContentType();
            return type == null || !type.toLowerCase().startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
        }
        String query = request.getQueryString();
        if (query == null) return false;
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            // decoded as the KVP parser decodes them, so request=%45xecute cannot slip past
            if (eq > 0 && decode(pair.substring(0, eq)).trim().equalsIgnoreCase("request")
                    && decode(pair.substring(eq + 1)).trim().equalsIgnoreCase("Execute")) {
                return true;
            }
        }
        return false;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s; // the parser refuses it with a proper report
        }
    }
}
