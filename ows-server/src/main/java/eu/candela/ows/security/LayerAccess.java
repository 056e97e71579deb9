package eu.candela.ows.security;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Objects;

/**
 * Who owns a layer and whether everyone may see it.
 *
 * @param owner    the user the layer belongs to (the owner of the job that produced it)
 * @param isPublic true once the owner or an operator made it public
 */
public record LayerAccess(String owner, @JsonProperty("public") boolean isPublic) {
    public LayerAccess {
        Objects.requireNonNull(owner, "owner");
    }

    public LayerAccess withPublic(boolean value) {
        return new LayerAccess(owner, value);
    }
}
