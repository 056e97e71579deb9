package eu.candela.ows.inputs;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
import java.util.Set;

/**
 * Fetches input references for the server, with the checks of {@link ReferencePolicy} applied to
 * the first URL and to every redirect. The host is resolved once, every address it resolves to is
 * checked, and the connection is made to those checked addresses (the HTTP client's DNS resolver
 * is pinned to them): a name that answers a public address to the check and a private one to the
 * connection (DNS rebinding) cannot steer the fetch inward. TLS still verifies the host name.
 */
public final class ReferenceFetcher {
    /** Headers a reference may not set: they would retarget or smuggle the request. */
    private static final Set<String> RESERVED_HEADERS = Set.of("host", "content-length", "transfer-encoding", "connection");

    private final ReferencePolicy policy;
    private final HostResolver resolver;

    public ReferenceFetcher(ReferencePolicy policy) {
        this(policy, HostResolver.SYSTEM);
    }

    /** @param resolver resolves host names once per hop; the connection uses what it returned */
    public ReferenceFetcher(ReferencePolicy policy, HostResolver resolver) {
        this.policy = policy;
        this.resolver = resolver;
    }

    public ReferencePolicy policy() { return policy; }

    /** Checks a reference without fetching it; throws with the reason when the policy refuses it. */
    public URI check(String href) throws ReferenceRefusedException {
        return resolveChecked(href).uri();
    }

    /** A checked URL and the addresses its host resolved to, the only ones it may be fetched from. */
    private record Target(URI uri, String host, InetAddress[] addresses) {}

    private Target resolveChecked(String href) throws ReferenceRefusedException {
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
        boolean allowed = policy.hostExplicitlyAllowed(host);
        if (policy.onlyAllowedHosts() && !allowed) {
            throw new ReferenceRefusedException("host '" + host + "' is not among the hosts references may name "
                    + policy.allowedHosts());
        }
        String bare = stripBrackets(host);
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(bare);
        } catch (UnknownHostException e) {
            throw new ReferenceRefusedException("host '" + host + "' cannot be resolved");
        }
        if (addresses.length == 0) throw new ReferenceRefusedException("host '" + host + "' cannot be resolved");
        if (!policy.allowPrivateNetworks() && !allowed) {
            for (InetAddress a : addresses) {
                String why = nonPublic(a);
                if (why != null) {
                    throw new ReferenceRefusedException("host '" + host + "' resolves to " + why + " address "
                            + a.getHostAddress() + ", which references may not reach");
                }
            }
        }
        return new Target(uri, bare, addresses.clone());
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
            Target checked = resolveChecked(current);
            Outcome outcome;
            try (CloseableHttpClient client = pinnedClient(checked)) {
                HttpUriRequestBase request = body != null && !"GET".equalsIgnoreCase(method)
                        ? new HttpPost(checked.uri()) : new HttpGet(checked.uri());
                headers.forEach((name, value) -> {
                    if (!RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) request.addHeader(name, value);
                });
                if (request instanceof HttpPost post) {
                    post.setEntity(new StringEntity(body, ContentType.create(
                            headers.getOrDefault("Content-Type", "text/xml"), StandardCharsets.UTF_8)));
                }
                outcome = client.execute(request, response -> read(response, target));
            } catch (IOException e) {
                throw new ReferenceRefusedException("fetching " + current + " failed: " + e.getMessage());
            }
            if (outcome.refusal() != null) throw outcome.refusal();
            if (outcome.location() == null) return outcome.contentType();
            current = checked.uri().resolve(outcome.location()).toString();
        }
        throw new ReferenceRefusedException("more than " + policy.maxRedirects() + " redirects from " + href);
    }

    /** What one hop gave: a redirect, the document's content type, or a refusal. */
    private record Outcome(String location, String contentType, ReferenceRefusedException refusal) {}

    private Outcome read(ClassicHttpResponse response, Path target) throws IOException {
        int status = response.getCode();
        Header location = response.getFirstHeader("Location");
        if (status >= 300 && status < 400 && location != null) return new Outcome(location.getValue(), null, null);
        if (status != 200) return new Outcome(null, null, new ReferenceRefusedException("fetching gave HTTP " + status));
        HttpEntity entity = response.getEntity();
        if (entity == null) {
            Files.write(target, new byte[0]);
            return new Outcome(null, null, null);
        }
        long declared = entity.getContentLength();
        if (declared > policy.maxBytes()) return new Outcome(null, null, tooLarge(declared));
        ReferenceRefusedException refusal = copyLimited(entity.getContent(), target);
        return new Outcome(null, entity.getContentType(), refusal);
    }

    /** A client whose only resolvable host is the checked one, at the checked addresses; no redirects, retries or cookies. */
    private CloseableHttpClient pinnedClient(Target checked) {
        DnsResolver pinned = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                if (stripBrackets(host).equalsIgnoreCase(checked.host())) return checked.addresses().clone();
                throw new UnknownHostException(host + " was not checked");
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
        Timeout timeout = Timeout.of(policy.timeout());
        var connections = PoolingHttpClientConnectionManagerBuilder.create().setDnsResolver(pinned)
                .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(timeout).setSocketTimeout(timeout).build())
                .build();
        return HttpClients.custom().setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(timeout).build())
                .disableRedirectHandling().disableAutomaticRetries().disableCookieManagement().disableAuthCaching()
                .build();
    }

    private ReferenceRefusedException copyLimited(InputStream in, Path target) throws IOException {
        long total = 0;
        byte[] buf = new byte[64 * 1024];
        try (InputStream src = in; OutputStream out = Files.newOutputStream(target)) {
            int n;
            while ((n = src.read(buf)) > 0) {
                total += n;
                if (total > policy.maxBytes()) {
                    out.close();
                    Files.deleteIfExists(target);
                    return tooLarge(total);
                }
                out.write(buf, 0, n);
            }
        }
        return null;
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
            if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0) return "a site-local";
            boolean mapped = true;
            for (int i = 0; i < 10; i++) mapped &= b[i] == 0;
            if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return nonPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return "an invalid";
                }
            }
            // NAT64 (64:ff9b::/96) carries an IPv4 address in its last four bytes
            if (b[0] == 0 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
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
