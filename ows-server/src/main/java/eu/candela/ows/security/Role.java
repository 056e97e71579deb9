package eu.candela.ows.security;

import java.util.EnumSet;
import java.util.Set;

/**
 * The platform's roles. Each implies the ones before it: an admin is also an operator, an operator
 * also a user, so a check names the least role that suffices.
 */
public enum Role {
    /** Executes processes and sees their own jobs, results and private layers. */
    USER,
    /** Manages processes, layers and styles; sees every user's jobs and layers. */
    OPERATOR,
    /** Everything, including the actuator endpoints. */
    ADMIN;

    /** The Spring Security authority of this role ({@code ROLE_USER}, ...). */
    public String authority() {
        return "ROLE_" + name();
    }

    /** This role and every role it implies. */
    public Set<Role> withImplied() {
        return EnumSet.range(USER, this);
    }
}
