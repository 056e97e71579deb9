package eu.candela.ows.security;

/** Where publishing records who owns a layer it is about to make visible. */
@FunctionalInterface
public interface LayerOwners {
    /** Nobody owns anything: every layer is treated as unowned (publishing without security). */
    LayerOwners NONE = (qualifiedName, owner) -> { };

    /**
     * Records {@code owner} as the owner of {@code qualifiedName}, private unless it was made public
     * before (publishing again after a restart keeps the choice). Call before the layer is in the
     * catalogue, so it is never visible unowned.
     */
    void assign(String qualifiedName, String owner);
}
