package eu.candela.ows.security;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Who sent the current request: a user identified by their token (or the single user of the
 * embedded mode), or an anonymous visitor with no roles.
 *
 * @param name          the owner name jobs and layers are recorded under (the token's subject);
 *                      {@value #ANONYMOUS_NAME} for an anonymous visitor
 * @param roles         the roles held, implied ones included
 * @param authenticated false for an anonymous visitor
 */
public record Caller(String name, Set<Role> roles, boolean authenticated) {
    public static final String ANONYMOUS_NAME = "anonymous";
    /** A visitor without a token. */
    public static final Caller ANONYMOUS = new Caller(ANONYMOUS_NAME, Set.of(), false);

    public Caller {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) throw new IllegalArgumentException("a caller needs a name");
        EnumSet<Role> all = EnumSet.noneOf(Role.class);
        roles.forEach(r -> all.addAll(r.withImplied()));
        roles = Set.copyOf(all);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /**
     * Whether this caller may see or change what {@code owner} owns: their own things, or anything
     * for an operator or admin. An anonymous visitor owns nothing.
     */
    public boolean mayAccessOwnedBy(String owner) {
        return has(Role.OPERATOR) || (authenticated && name.equals(owner));
    }
}
