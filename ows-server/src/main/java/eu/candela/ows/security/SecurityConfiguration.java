package eu.candela.ows.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import eu.candela.ows.jobs.JobStore;

import java.net.InetAddress;
import java.time.Clock;
import java.util.Collection;
import java.util.List;

/**
 * Who may call what. With {@code candela.security.issuer-uri} set, every request's bearer token is
 * validated (signature against the realm's JWKS, issuer, audience, expiry with a small skew) and
 * the endpoint families are guarded by role; without it, the embedded single-user mode serves
 * every request as the one local user and refuses to listen on anything but loopback.
 *
 * <p>What is decided here is the coarse part: which families need a token or a role. Ownership of
 * jobs and layers (who sees which one) is decided where they are read, since a URL alone does not
 * say whose job or layer it names.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration implements WebMvcConfigurer {
    private static final Logger LOG = LoggerFactory.getLogger(SecurityConfiguration.class);
    static final String REALM = "candela";

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerArgumentResolver());
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SecurityProperties properties, ServerProperties server,
                                            AuditLog audit, JobStore jobs) throws Exception {
        http.addFilterBefore(new AuditFilter(audit), AuthorizationFilter.class);
        // after authorization: a refused stranger does not spend a user's allowance
        http.addFilterAfter(new QuotaFilter(jobs, properties.quotas(),
                new RequestRateLimiter(properties.quotas().requestsPerMinute(), Clock.systemUTC())), AuthorizationFilter.class);
        http.csrf(c -> c.disable()) // bearer tokens, no cookies: nothing for a cross-site form to ride on
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(r -> r.disable())
                .headers(h -> h.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .cors(c -> c.configurationSource(cors(properties.cors())));
        if (properties.singleUserMode()) {
            return singleUser(http, properties, server);
        }
        LOG.info("security: bearer tokens of issuer {} required (audiences {}, clock skew {})",
                properties.issuerUri(), properties.audiences(), properties.clockSkew());
        BearerTokenAuthenticationEntryPoint entryPoint = new BearerTokenAuthenticationEntryPoint();
        entryPoint.setRealmName(REALM);
        BearerTokenAccessDeniedHandler denied = new BearerTokenAccessDeniedHandler();
        denied.setRealmName(REALM);
        String user = Role.USER.name();
        String operator = Role.OPERATOR.name();
        String admin = Role.ADMIN.name();
        http.authorizeHttpRequests(a -> {
                    a.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                            .requestMatchers("/actuator/**").hasRole(admin)
                            .requestMatchers(new WpsExecuteMatcher()).hasRole(user)
                            .requestMatchers("/wps/jobs/**").hasRole(user)
                            .requestMatchers("/eodata/**").hasRole(user)
                            .requestMatchers("/rest/layers/*/access").hasRole(user)
                            .requestMatchers("/rest", "/rest/**").hasRole(operator);
                    if (properties.anonymous().capabilities()) {
                        a.requestMatchers("/wps", "/ows").permitAll();
                    } else {
                        a.requestMatchers("/wps", "/ows").authenticated();
                    }
                    // map services and previews: open, each layer checked for the caller where it is looked up
                    a.requestMatchers(HttpMethod.GET, "/wms", "/wmts", "/wmts/**", "/preview", "/preview/**",
                                    "/webjars/**", "/preview/assets/**", "/error").permitAll()
                            .requestMatchers(HttpMethod.POST, "/wms").permitAll()
                            .anyRequest().authenticated();
                })
                .oauth2ResourceServer(o -> o.jwt(j -> j.jwtAuthenticationConverter(new TokenAuthentication(properties)))
                        .authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied));
        return http.build();
    }

    @Bean
    LayerAccessStore layerAccessStore(eu.candela.ows.config.CandelaProperties candela) {
        return new LayerAccessStore(candela.dataDir().resolve("security").resolve("layer-access.json"));
    }

    @Bean
    LayerVisibility layerVisibility(LayerAccessStore store, SecurityProperties properties) {
        return new LayerVisibility(store, properties.anonymous().unownedLayers());
    }

    @Bean
    AuditLog auditLog() {
        return new AuditLog();
    }

    @Bean
    JobAccess jobAccess(eu.candela.ows.jobs.JobService jobs) {
        return new JobAccess(jobs);
    }

    /** Only built with an issuer; resolved on first use, so the server starts while the realm is still coming up. */
    @Bean
    JwtDecoder jwtDecoder(SecurityProperties properties) {
        if (properties.singleUserMode()) {
            return token -> {
                throw new org.springframework.security.oauth2.jwt.BadJwtException("no issuer configured: tokens are not accepted");
            };
        }
        return new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = properties.jwkSetUri().isEmpty()
                    ? (NimbusJwtDecoder) JwtDecoders.fromIssuerLocation(properties.issuerUri())
                    : NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build();
            decoder.setJwtValidator(validator(properties));
            return decoder;
        });
    }

    /** Expiry and not-before with the configured skew, the exact issuer, and one of our audiences. */
    static OAuth2TokenValidator<Jwt> validator(SecurityProperties properties) {
        List<String> audiences = properties.audiences();
        OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
                aud -> aud != null && aud.stream().anyMatch(audiences::contains));
        OAuth2TokenValidator<Jwt> expiry = new JwtClaimValidator<Object>(JwtClaimNames.EXP, exp -> exp != null);
        return new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(properties.clockSkew()), expiry,
                new JwtIssuerValidator(properties.issuerUri()), audience);
    }

    private static SecurityFilterChain singleUser(HttpSecurity http, SecurityProperties properties, ServerProperties server)
            throws Exception {
        InetAddress address = server.getAddress();
        boolean loopback = address != null && address.isLoopbackAddress();
        if (!loopback && !properties.singleUser().allowNonLoopback()) {
            throw new IllegalStateException("candela.security.issuer-uri is not set, so the server would run in single-user "
                    + "mode (no authentication) on " + (address == null ? "every network interface" : address.getHostAddress())
                    + ". Set candela.security.issuer-uri to an OIDC realm, bind server.address to 127.0.0.1, or set "
                    + "candela.security.single-user.allow-non-loopback=true to open it deliberately.");
        }
        String name = properties.singleUser().name();
        if (loopback) {
            LOG.warn("security: SINGLE-USER MODE, no authentication: every request is user '{}' with every role; "
                    + "listening on loopback {} only. Set candela.security.issuer-uri for multi-user operation.",
                    name, address.getHostAddress());
        } else {
            LOG.warn("security: SINGLE-USER MODE, no authentication, on NON-LOOPBACK address {} because "
                    + "candela.security.single-user.allow-non-loopback=true: anyone who reaches it is user '{}' with every role",
                    address == null ? "(all interfaces)" : address.getHostAddress(), name);
        }
        http.authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .anonymous(a -> a.principal(name).authorities(
                        Role.USER.authority(), Role.OPERATOR.authority(), Role.ADMIN.authority()));
        return http.build();
    }

    private static CorsConfigurationSource cors(SecurityProperties.Cors settings) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (settings.allowedOrigins().isEmpty()) return source; // no configuration: no CORS headers
        CorsConfiguration c = new CorsConfiguration();
        c.setAllowedOrigins(settings.allowedOrigins());
        c.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE", "OPTIONS"));
        c.setAllowedHeaders(List.of("Authorization", "Content-Type", "If-None-Match"));
        c.setExposedHeaders(List.of("WWW-Authenticate", "Retry-After", "ETag", "Location"));
        c.setAllowCredentials(false); // bearer tokens travel in a header, never as cookies
        c.setMaxAge(settings.maxAge());
        source.registerCorsConfiguration("/**", c);
        return source;
    }
}
