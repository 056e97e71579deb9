package eu.candela.ows.catalog;

import java.util.List;
import java.util.Optional;

/**
 * What the map services read of the layer catalogue. Snapshots are immutable records; the
 * catalogue may change between two calls, and tells its listeners when it does.
 */
public interface Catalog {

    List<WorkspaceInfo> workspaces();

    List<CoverageStoreInfo> stores(String workspace);

    Optional<CoverageStoreInfo> store(String workspace, String name);

    /** Every layer, sorted by qualified name. */
    List<LayerInfo> layers();

    /** The layer named {@code workspace:name}, or by its plain name when that is unique. */
    Optional<LayerInfo> layer(String name);

    List<StyleInfo> styles();

    Optional<StyleInfo> style(String name);

    /** Registers {@code listener} for changes made from now on. */
    void addListener(CatalogListener listener);
}
