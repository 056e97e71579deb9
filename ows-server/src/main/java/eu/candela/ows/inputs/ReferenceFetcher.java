package eu.candela.ows.inputs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Fetches input references for the server, with the checks of {@link ReferencePolicy} applied to
 * the first URL and to every redirect. The host is resolved and every address it resolves to is
 * checked before connecting; the JVM's DNS cache then hands the connection the same, checked
 * addresses, which blunts DNS rebinding within the cache lifetime.
 */
public final class ReferenceFetcher {
    private final ReferencePolicy policy;

    public ReferenceFetcher(ReferencePolicy policy) {
        this.policy = policy;
    }

    public ReferencePolicy policy() { return policy; }

    /** Checks a reference without fetching it; throws with the reason when the policy refuses it. */
    public URI check(String href) throws ReferenceRefusedException {
        URI uri;
        try {
            uri = new URI(href.trim());
        } catch (URISyntaxException e) {
            throw new ReferenceRefusedException("'" + href + "' is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!policy.allowedSchemes().contains(scheme)) {
            throw new ReferenceRefusedException("scheme '" + scheme + ":' is not allowed for references (allowed: "
                    + policy.allowedSchemes() + ")");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) throw new ReferenceRefusedException("'" + href + "' names no host");
        if (uri.getUserInfo() != null) throw new ReferenceRefusedException("references with user info are not allowed");
        if (!policy.allowPrivateNetworks() && !policy.hostExplicitlyAllowed(host)) {
            InetAddress[] addresses;
            try {
                addresses = InetAddress.getAllByName(stripBrackets(host));
            } catch (UnknownHostException e) {
                throw new ReferenceRefusedException("host '" + host + "' cannot be resolved");
            }
            for (InetAddress a : addresses) {
                String why = nonPublic(a);
                if (why != null) {
                    throw new ReferenceRefusedException("host '" + host + "' resolves to " + why + " address "
                            + a.getHostAddress() + ", which references may not reach");
                }
            }
        }
        return uri;
    }

    /**
     * Fetches the reference into {@code target}, following at most {@code maxRedirects} redirects.
     *
     * @return the Content-Type the server sent, or null
     */
    public String fetch(String href, String method, String body, Map<String, String> headers, Path target)
            throws ReferenceRefusedException {
        String current = href;
        for (int hop = 0; hop <= policy.maxRedirects(); hop++) {
            URI uri = check(current);
            HttpURLConnection c = null;
            try {
                c = (HttpURLConnection) uri.toURL().openConnection();
                c.setInstanceFollowRedirects(false);
                c.setConnectTimeout((int) policy.timeout().toMillis());
                c.setReadTimeout((int) policy.timeout().toMillis());
                c.setRequestMethod(body != null && !"GET".equalsIgnoreCase(method) ? "POST" : "GET");
                headers.forEach(c::setRequestProperty);
                if (body != null && "POST".equals(c.getRequestMethod())) {
                    c.setDoOutput(true);
                    try (OutputStream os = c.getOutputStream()) {
                        os.write(body.getBytes(StandardCharsets.UTF_8));
                    }
                }
                int status = c.getResponseCode();
                if (status >= 300 && status < 400 && c.getHeaderField("Location") != null) {
                    current = uri.resolve(c.getHeaderField("Location")).toString();
                    continue;
                }
                if (status != 200) {
                    throw new ReferenceRefusedException("fetching " + current + " gave HTTP " + status);
                }
                long declared = c.getContentLengthLong();
                if (declared > policy.maxBytes()) throw tooLarge(declared);
                copyLimited(c.getInputStream(), target);
                return c.getContentType();
            } catch (IOException e) {
                throw new ReferenceRefusedException("fetching " + current + " failed: " + e.getMessage());
            } finally {
                if (c != null) c.disconnect();
            }
        }
        throw new ReferenceRefusedException("more than " + policy.maxRedirects() + " redirects from " + href);
    }

    private void copyLimited(InputStream in, Path target) throws IOException, ReferenceRefusedException {
        long total = 0;
        byte[] buf = new byte[64 * 1024];
        try (InputStream src = in; OutputStream out = Files.newOutputStream(target)) {
            int n;
            while ((n = src.read(buf)) > 0) {
                total += n;
                if (total > policy.maxBytes()) {
                    out.close();
                    Files.deleteIfExists(target);
                    throw tooLarge(total);
                }
                out.write(buf, 0, n);
            }
        }
    }

    private ReferenceRefusedException tooLarge(long bytes) {
        return new ReferenceRefusedException("the referenced document is larger than the limit of "
                + policy.maxBytes() + " bytes" + (bytes > 0 ? " (" + bytes + " bytes or more)" : ""), true);
    }

    /** Why an address is not public, or null when it is. */
    static String nonPublic(InetAddress a) {
        if (a.isLoopbackAddress()) return "a loopback";
        if (a.isAnyLocalAddress()) return "an unspecified";
        if (a.isLinkLocalAddress()) return "a link-local";
        if (a.isSiteLocalAddress()) return "a private";
        if (a.isMulticastAddress()) return "a multicast";
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff, second = b[1] & 0xff;
            if (first == 100 && second >= 64 && second <= 127) return "a carrier-grade NAT";
            if (first == 0 || first >= 240) return "a reserved";
            if (first == 198 && (second == 18 || second == 19)) return "a benchmarking";
        } else if (a instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) return "a unique-local";
            boolean mapped = true;
            for (int i = 0; i < 10; i++) mapped &= b[i] == 0;
            if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return nonPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return "an invalid";
                }
            }
        }
        return null;
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
