package eu.candela.ows.inputs;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which input references the server may fetch. By default only http and https to public
 * addresses: no {@code file:}, no loopback, private, link-local (cloud metadata), CGNAT or
 * multicast addresses, unless a host is named in {@code allowedHosts}.
 *
 * @param allowedSchemes       URL schemes that may be fetched, lower case
 * @param allowedHosts         host names or literal addresses fetched even when they resolve to a non-public address;
 *                             {@code *.example.org} names every host below example.org
 * @param allowPrivateNetworks true to fetch from any address (a closed lab network)
 * @param maxBytes             largest document fetched
 * @param timeout              connect and read timeout
 * @param maxRedirects         redirects followed, each one checked again
 * @param onlyAllowedHosts     true to fetch from {@code allowedHosts} only (an allow-list); false to fetch from any
 *                             public address as well
 */
public record ReferencePolicy(Set<String> allowedSchemes, List<String> allowedHosts, boolean allowPrivateNetworks,
                              long maxBytes, Duration timeout, int maxRedirects, boolean onlyAllowedHosts) {
    public ReferencePolicy {
        allowedSchemes = allowedSchemes.stream().map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        allowedHosts = allowedHosts.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        Objects.requireNonNull(timeout, "timeout");
        if (maxBytes < 1) throw new IllegalArgumentException("candela.inputs.max-bytes must be positive: " + maxBytes);
        if (maxRedirects < 0) throw new IllegalArgumentException("candela.inputs.max-redirects must be >= 0: " + maxRedirects);
    }

    public static ReferencePolicy defaults() {
        return new ReferencePolicy(Set.of("http", "https"), List.of(), false, 2L << 30, Duration.ofSeconds(30), 3, false);
    }

    public boolean hostExplicitlyAllowed(String host) {
        if (host == null) return false;
        String h = host.toLowerCase(Locale.ROOT);
        for (String allowed : allowedHosts) {
            if (allowed.equals(h)) return true;
            // "*.example.org": any host below it, never example.org-evil.com or example.org itself
            if (allowed.startsWith("*.") && h.endsWith(allowed.substring(1)) && h.length() > allowed.length() - 1) return true;
        }
        return false;
    }
}
