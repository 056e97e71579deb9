package eu.candela.ows.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a validated token into the caller's authentication: the owner name from
 * {@code ownerClaim} and the platform roles found under the configured claim paths (Keycloak puts
 * realm roles in {@code realm_access.roles} and client roles in {@code resource_access.<client>.roles}).
 * Role names the platform does not know are ignored.
 */
public final class TokenAuthentication implements Converter<Jwt, AbstractAuthenticationToken> {
    private final List<String> roleClaims;
    private final Map<String, Role> roleNames;
    private final String ownerClaim;

    public TokenAuthentication(SecurityProperties properties) {
        this.roleClaims = properties.resolvedRoleClaims();
        this.roleNames = properties.roleNames().byTokenName();
        this.ownerClaim = properties.ownerClaim();
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Set<Role> roles = roles(jwt.getClaims());
        List<SimpleGrantedAuthority> authorities = roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
        return new JwtAuthenticationToken(jwt, authorities, owner(jwt));
    }

    /** The platform roles (implied ones included) the claims grant. */
    Set<Role> roles(Map<String, Object> claims) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        for (String path : roleClaims) {
            for (String name : strings(at(claims, path))) {
                Role role = roleNames.get(name);
                if (role != null) roles.addAll(role.withImplied());
            }
        }
        return roles;
    }

    private String owner(Jwt jwt) {
        String owner = jwt.getClaimAsString(ownerClaim);
        if (owner == null || owner.isBlank()) owner = jwt.getClaimAsString("preferred_username");
        if (owner == null || owner.isBlank()) {
            // an AuthenticationException, so the caller gets 401 invalid_token rather than a server error
            throw new InvalidBearerTokenException(
                    "the token names no owner (claims " + ownerClaim + " and preferred_username are empty)");
        }
        return owner;
    }

    private static Object at(Map<String, Object> claims, String dottedPath) {
        Object current = claims;
        for (String part : dottedPath.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) return null;
            current = map.get(part);
        }
        return current;
    }

    private static Collection<String> strings(Object value) {
        List<String> names = new ArrayList<>();
        if (value instanceof Collection<?> c) {
            for (Object o : c) if (o instanceof String s) names.add(s);
        } else if (value instanceof String s) {
            names.add(s);
        }
        return names;
    }
}
