package eu.candela.ows.security;

import eu.candela.ows.catalog.Catalog;
import eu.candela.ows.catalog.LayerInfo;

import java.util.Optional;

/**
 * Which layers a caller may see. An owned layer: its owner, operators and admins, and everyone once
 * it is public. A layer nobody owns (configured by an operator, the sample data): everyone when
 * {@code candela.security.anonymous.unowned-layers} is true (the default), operators otherwise.
 */
public final class LayerVisibility {
    private final LayerAccessStore store;
    private final boolean unownedPublic;

    public LayerVisibility(LayerAccessStore store, boolean unownedPublic) {
        this.store = store;
        this.unownedPublic = unownedPublic;
    }

    public boolean canSee(Caller caller, LayerInfo layer) {
        return canSee(caller, layer.qualifiedName());
    }

    public boolean canSee(Caller caller, String qualifiedName) {
        Optional<LayerAccess> access = store.find(qualifiedName);
        if (access.isEmpty()) return unownedPublic || caller.has(Role.OPERATOR);
        return access.get().isPublic() || caller.mayAccessOwnedBy(access.get().owner());
    }

    /** May {@code caller} make the layer public or private: its owner or an operator. */
    public boolean canPublish(Caller caller, String qualifiedName) {
        return store.find(qualifiedName).map(a -> caller.mayAccessOwnedBy(a.owner())).orElse(caller.has(Role.OPERATOR));
    }

    /** The catalogue as the caller of the current request sees it, for the map services. */
    public Catalog filtered(Catalog catalog) {
        return new CallerCatalog(catalog, layer -> canSee(Callers.current(), layer));
    }
}
