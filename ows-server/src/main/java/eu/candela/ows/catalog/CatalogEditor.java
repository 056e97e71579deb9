package eu.candela.ows.catalog;

import java.util.Optional;

/**
 * Changes to the layer catalogue, made by the REST API and by the publishing of job results. Each
 * call is atomic and durable when it returns (written to the data directory first), checks that
 * what it refers to exists, and tells the {@link CatalogListener}s afterwards.
 */
public interface CatalogEditor extends Catalog {

    WorkspaceInfo addWorkspace(String name) throws CatalogException;

    /** Removes the workspace; with {@code recurse} its stores and layers too, otherwise it must be empty. */
    void removeWorkspace(String name, boolean recurse) throws CatalogException;

    /** Adds or replaces a store; replacing one changes (bumps the revision of) its layers. */
    CoverageStoreInfo putStore(CoverageStoreInfo store) throws CatalogException;

    /** Removes the store; with {@code recurse} its layers too, otherwise it must have none. */
    void removeStore(String workspace, String name, boolean recurse) throws CatalogException;

    /** Adds or replaces a layer; {@code modified} and {@code revision} are set by the catalogue. */
    LayerInfo putLayer(LayerInfo layer) throws CatalogException;

    void removeLayer(String workspace, String name) throws CatalogException;

    /** Adds or replaces a style from its SLD, which must parse; the parsed style is named {@code name}. */
    StyleInfo putStyle(String name, byte[] sld) throws CatalogException;

    /** Removes a style no layer uses. */
    void removeStyle(String name) throws CatalogException;

    /** The SLD document of a style as it was stored. */
    Optional<byte[]> styleSld(String name);
}
