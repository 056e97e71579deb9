package eu.candela.ows.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Writes an audit line for every Execute, every dismissal and every change through the REST API,
 * with the HTTP status it ended with; requests refused before reaching a controller are recorded
 * as {@code refused}. Sits after authentication, so the caller is known.
 */
final class AuditFilter extends OncePerRequestFilter {
    private final AuditLog audit;
    private final WpsExecuteMatcher execute = new WpsExecuteMatcher();

    AuditFilter(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String action = action(request);
        if (action == null) {
            chain.doFilter(request, response);
            return;
        }
        String outcome = "refused";
        try {
            chain.doFilter(request, response);
            outcome = String.valueOf(response.getStatus());
        } finally {
            audit.record(Callers.current(), action, target(request, action), outcome);
        }
    }

    private String action(HttpServletRequest request) {
        String path = path(request);
        if (execute.matches(request)) return "wps.execute";
        if (HttpMethod.DELETE.matches(request.getMethod()) && path.startsWith("/wps/jobs/")) return "job.dismiss";
        if (path.startsWith("/rest/") && !HttpMethod.GET.matches(request.getMethod())
                && !HttpMethod.HEAD.matches(request.getMethod()) && !HttpMethod.OPTIONS.matches(request.getMethod())) {
            return "rest." + request.getMethod();
        }
        return null;
    }

    private static String target(HttpServletRequest request, String action) {
        if (action.equals("wps.execute")) {
            String identifier = null;
            if (request.getQueryString() != null) {
                for (String name : request.getParameterMap().keySet()) {
                    if (name.equalsIgnoreCase("identifier")) identifier = request.getParameter(name);
                }
            }
            return identifier != null ? identifier : "(XML Execute document)";
        }
        return path(request);
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
