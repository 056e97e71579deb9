package eu.candela.ows.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code candela.security.*}: how callers are identified and what they may do. With no
 * {@code issuer-uri} the server runs in the embedded single-user mode (every request is the one
 * local user, with every role), which only listens on a loopback address unless
 * {@code single-user.allow-non-loopback} says otherwise.
 *
 * @param issuerUri   the OIDC issuer (a Keycloak realm: {@code https://host/realms/candela}); tokens must carry it
 *                    as {@code iss}; empty for the single-user mode
 * @param jwkSetUri   where the signing keys are; empty to discover them from the issuer's
 *                    {@code .well-known/openid-configuration} (on first use, so the server starts while the realm is down)
 * @param audiences   a token's {@code aud} must name one of these
 * @param clockSkew   tolerance on {@code exp} and {@code nbf}
 * @param clientId    the server's client in the realm: {@code {client}} in {@code roleClaims} stands for it
 * @param ownerClaim  the claim jobs and layers are owned by; {@code preferred_username} stands in when it is blank
 * @param roleClaims  dotted paths of string-list claims holding role names
 * @param roleNames   the token role name of each platform role
 * @param anonymous   what a visitor without a token may see
 * @param singleUser  the embedded mode without an issuer
 * @param quotas      limits per user
 * @param cors        browser origins (notebooks) allowed to call the server from scripts
 */
@ConfigurationProperties(prefix = "candela.security")
public record SecurityProperties(@DefaultValue("") String issuerUri,
                                 @DefaultValue("") String jwkSetUri,
                                 @DefaultValue("candela-server") List<String> audiences,
                                 @DefaultValue("30s") Duration clockSkew,
                                 @DefaultValue("candela-server") String clientId,
                                 @DefaultValue("sub") String ownerClaim,
                                 @DefaultValue({"realm_access.roles", "resource_access.{client}.roles"}) List<String> roleClaims,
                                 @DefaultValue RoleNames roleNames,
                                 @DefaultValue Anonymous anonymous,
                                 @DefaultValue SingleUser singleUser,
                                 @DefaultValue Quotas quotas,
                                 @DefaultValue Cors cors) {

    public SecurityProperties {
        if (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("candela.security.clock-skew must be between 0 and 5 minutes: " + clockSkew);
        }
        if (!issuerUri.isEmpty() && audiences.isEmpty()) {
            throw new IllegalArgumentException("candela.security.audiences must name at least one audience when issuer-uri is set");
        }
        if (!issuerUri.isEmpty() && !issuerUri.startsWith("https://") && !issuerUri.startsWith("http://")) {
            throw new IllegalArgumentException("candela.security.issuer-uri must be an http(s) URL: " + issuerUri);
        }
    }

    /** True without an issuer: the embedded single-user mode. */
    public boolean singleUserMode() {
        return issuerUri.isEmpty();
    }

    /** The role claim paths with {@code {client}} replaced by the client id. */
    public List<String> resolvedRoleClaims() {
        return roleClaims.stream().map(p -> p.replace("{client}", clientId)).toList();
    }

    /** Token role names of the platform roles, as Keycloak realm or client roles. */
    public record RoleNames(@DefaultValue("user") String user, @DefaultValue("operator") String operator,
                            @DefaultValue("admin") String admin) {
        public Map<String, Role> byTokenName() {
            return Map.of(user, Role.USER, operator, Role.OPERATOR, admin, Role.ADMIN);
        }
    }

    /**
     * @param capabilities   GetCapabilities / DescribeProcess of WPS, WMS and WMTS without a token
     * @param unownedLayers  layers no user owns (configured by an operator, the sample data) are public;
     *                       false keeps them to operators until made public
     */
    public record Anonymous(@DefaultValue("true") boolean capabilities, @DefaultValue("true") boolean unownedLayers) {}

    /**
     * @param name             the owner of everything in the single-user mode
     * @param allowNonLoopback listen on a non-loopback address without an issuer: an explicit choice for a closed network
     */
    public record SingleUser(@DefaultValue(Caller.ANONYMOUS_NAME) String name,
                             @DefaultValue("false") boolean allowNonLoopback) {}

    /**
     * @param maxActiveJobs     queued plus running jobs one user may have; beyond, Execute answers ServerBusy
     * @param requestsPerMinute requests one user (or one anonymous address) may send per minute; 0 for no limit
     */
    public record Quotas(@DefaultValue("32") int maxActiveJobs, @DefaultValue("0") int requestsPerMinute) {
        public Quotas {
            if (maxActiveJobs < 1) throw new IllegalArgumentException("candela.security.quotas.max-active-jobs must be at least 1: " + maxActiveJobs);
            if (requestsPerMinute < 0) throw new IllegalArgumentException("candela.security.quotas.requests-per-minute must be >= 0: " + requestsPerMinute);
        }
    }

    /**
     * @param allowedOrigins origins such as {@code https://notebooks.example.org}; empty for none (no CORS headers)
     * @param maxAge         how long a browser may keep a pre-flight answer
     */
    public record Cors(@DefaultValue({}) List<String> allowedOrigins, @DefaultValue("30m") Duration maxAge) {
        public Cors {
            for (String o : allowedOrigins) {
                if (o.equals("*")) throw new IllegalArgumentException("candela.security.cors.allowed-origins must name origins, not '*'");
            }
        }
    }
}
