package eu.candela.ows.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The realm rotates its signing key: the decoder the server builds fetches the JWKS again when a
 * token names a key id it has not seen, so tokens signed with the new key are accepted at once,
 * and tokens of a retired key stop being accepted. The JWKS is served over real HTTP on loopback.
 */
class KeyRotationTest {
    private HttpServer jwks;
    private final AtomicReference<JWKSet> published = new AtomicReference<>();
    private String issuer;

    @BeforeEach
    void serveJwks() throws Exception {
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwks.createContext("/certs", ex -> {
            byte[] body = published.get().toString(true).getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        jwks.start();
        issuer = "http://127.0.0.1:" + jwks.getAddress().getPort() + "/realms/candela";
    }

    @AfterEach
    void stop() {
        jwks.stop(0);
    }

    @Test
    void tokensOfANewKeyAreAcceptedAfterRotationAndTheRetiredKeysAreNot() throws Exception {
        RSAKey first = new RSAKeyGenerator(2048).keyID("key-1").generate();
        RSAKey second = new RSAKeyGenerator(2048).keyID("key-2").generate();
        published.set(new JWKSet(first.toPublicJWK()));
        JwtDecoder decoder = new SecurityConfiguration().jwtDecoder(properties());

        assertThat(decoder.decode(token(first)).getSubject()).isEqualTo("alice");

        published.set(new JWKSet(second.toPublicJWK())); // the realm rotated: key-1 retired
        assertThat(decoder.decode(token(second)).getSubject()).isEqualTo("alice");
        assertThatThrownBy(() -> decoder.decode(token(first))).isInstanceOf(JwtException.class);
    }

    private SecurityProperties properties() {
        Map<String, String> values = Map.of("candela.security.issuer-uri", issuer,
                "candela.security.jwk-set-uri", "http://127.0.0.1:" + jwks.getAddress().getPort() + "/certs");
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("candela.security", SecurityProperties.class);
    }

    private String token(RSAKey key) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).subject("alice").audience("candela-server")
                .issueTime(new Date()).expirationTime(new Date(System.currentTimeMillis() + 300_000)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
