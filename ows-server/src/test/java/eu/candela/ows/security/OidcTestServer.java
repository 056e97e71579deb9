package eu.candela.ows.security;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import no.nav.security.mock.oauth2.MockOAuth2Server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.nio.charset.StandardCharsets;

/**
 * A real OIDC server for the tests (NAV's mock-oauth2-server: discovery document, token endpoint,
 * JWKS, RS256-signed tokens), started once on loopback for every test class that uses it. Tokens
 * carry roles the way Keycloak does, in {@code realm_access.roles}.
 */
public final class OidcTestServer {
    public static final String ISSUER_ID = "candela";
    public static final String AUDIENCE = "candela-server";
    private static MockOAuth2Server server;

    private OidcTestServer() {}

    public static synchronized MockOAuth2Server get() {
        if (server == null) {
            server = new MockOAuth2Server();
            try {
                server.start(InetAddress.getByName("127.0.0.1"), 0);
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown));
        }
        return server;
    }

    public static String issuer() {
        return get().issuerUrl(ISSUER_ID).toString();
    }

    /** A valid token of {@code subject} with these realm roles, for five minutes. */
    public static String token(String subject, String... roles) {
        return token(ISSUER_ID, subject, AUDIENCE, 300, roles);
    }

    public static String token(String issuerId, String subject, String audience, long expirySeconds, String... roles) {
        Map<String, Object> claims = new HashMap<>(Map.of("realm_access", Map.of("roles", List.of(roles)), "preferred_username", subject));
        if (expirySeconds <= 0) {
            // issued well before it expired, as a real expired token was (a token expiring before it was issued is malformed)
            long issued = System.currentTimeMillis() / 1000 + expirySeconds - 600;
            claims.put("iat", issued);
            claims.put("nbf", issued);
        }
        return get().issueToken(issuerId, subject, audience, claims, expirySeconds).serialize();
    }

    /** The valid token's header replaced by {@code alg: none} and its signature dropped. */
    public static String unsigned(String token) {
        String[] parts = token.split("\\.");
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + parts[1] + ".";
    }

    /** The valid token with its payload changed (another subject) and the original signature kept. */
    public static String tampered(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replaceFirst("\"sub\":\"[^\"]*\"", "\"sub\":\"mallory\"");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
    }

    /** Right issuer, audience and roles, but signed with a key the realm never published. */
    public static String signedWithUnknownKey(String subject, String... roles) {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID("not-a-key-of-the-realm").generate();
            JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer()).subject(subject).audience(AUDIENCE)
                    .issueTime(new Date()).expirationTime(new Date(System.currentTimeMillis() + 300_000))
                    .claim("realm_access", Map.of("roles", List.of(roles))).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
