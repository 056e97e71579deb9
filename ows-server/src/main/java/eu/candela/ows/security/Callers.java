package eu.candela.ows.security;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.EnumSet;
import java.util.Set;

/**
 * The caller of the request being served, from Spring Security's context of the request thread.
 * Code running off a request thread (publishing, tile-cache invalidation) sees {@link Caller#ANONYMOUS}.
 */
public final class Callers {
    private Callers() {}

    /** The caller of the current request. */
    public static Caller current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    /**
     * The caller an authentication stands for. In the single-user mode the anonymous authentication
     * carries the single user's name and every role (and no {@code ROLE_ANONYMOUS}).
     */
    static Caller of(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) return Caller.ANONYMOUS;
        Set<Role> roles = EnumSet.noneOf(Role.class);
        boolean anonymous = false;
        for (GrantedAuthority a : authentication.getAuthorities()) {
            String name = a.getAuthority();
            if ("ROLE_ANONYMOUS".equals(name)) anonymous = true;
            for (Role r : Role.values()) if (r.authority().equals(name)) roles.add(r);
        }
        if (anonymous) return Caller.ANONYMOUS;
        if (authentication instanceof AnonymousAuthenticationToken && roles.isEmpty()) return Caller.ANONYMOUS;
        return new Caller(authentication.getName(), roles, true);
    }
}
