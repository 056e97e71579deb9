package eu.candela.ows.wms;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Sends {@code /ows} requests with {@code SERVICE=WMS} (any case) to the WMS endpoint, as
 * GeoServer's shared {@code /ows} does; every other {@code /ows} request goes on to WPS.
 */
@Component
public class OwsWmsForwarding extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().equals(request.getContextPath() + "/ows");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isWms(request)) {
            request.getRequestDispatcher(WmsController.PATH).forward(request, response);
        } else {
            chain.doFilter(request, response);
        }
    }

    /** Looks at the query string, and at the body only when it is a form (an XML body is left unread for WPS). */
    private static boolean isWms(HttpServletRequest request) {
        WmsParameters query = WmsParameters.parse(request.getQueryString());
        if (query.get("SERVICE").map(s -> s.equalsIgnoreCase("WMS")).orElse(false)) return true;
        String type = request.getContentType();
        if ("POST".equals(request.getMethod()) && type != null
                && type.toLowerCase(java.util.Locale.ROOT).startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)) {
            return WmsParameters.of(request.getParameterMap()).get("SERVICE").map(s -> s.equalsIgnoreCase("WMS")).orElse(false);
        }
        return false;
    }
}
