package eu.candela.ows.security;

import eu.candela.ows.catalog.Catalog;
import eu.candela.ows.catalog.CatalogListener;
import eu.candela.ows.catalog.CoverageStoreInfo;
import eu.candela.ows.catalog.LayerInfo;
import eu.candela.ows.catalog.StyleInfo;
import eu.candela.ows.catalog.WorkspaceInfo;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A catalogue showing only the layers the current caller may see: a hidden layer is absent, so a
 * map service answers for it exactly as for a name that does not exist. Stores and styles are not
 * filtered; the map services reach stores only through layers.
 */
final class CallerCatalog implements Catalog {
    private final Catalog catalog;
    private final Predicate<LayerInfo> visible;

    CallerCatalog(Catalog catalog, Predicate<LayerInfo> visible) {
        this.catalog = catalog;
        this.visible = visible;
    }

    @Override
    public List<WorkspaceInfo> workspaces() { return catalog.workspaces(); }

    @Override
    public List<CoverageStoreInfo> stores(String workspace) { return catalog.stores(workspace); }

    @Override
    public Optional<CoverageStoreInfo> store(String workspace, String name) { return catalog.store(workspace, name); }

    @Override
    public List<LayerInfo> layers() {
        return catalog.layers().stream().filter(visible).toList();
    }

    @Override
    public Optional<LayerInfo> layer(String name) {
        return catalog.layer(name).filter(visible);
    }

    @Override
    public List<StyleInfo> styles() { return catalog.styles(); }

    @Override
    public Optional<StyleInfo> style(String name) { return catalog.style(name); }

    @Override
    public void addListener(CatalogListener listener) { catalog.addListener(listener); }
}
