package eu.candela.ows.rest;

import eu.candela.ows.catalog.Catalog;
import eu.candela.ows.catalog.CatalogException;
import eu.candela.ows.catalog.CoverageStoreInfo;
import eu.candela.ows.catalog.LayerInfo;
import eu.candela.ows.catalog.StyleInfo;
import eu.candela.ows.catalog.WorkspaceInfo;

import static eu.candela.ows.catalog.CatalogException.Reason.NOT_FOUND;

/** Finding what a REST path names, or a NOT_FOUND naming it. */
final class RestLookups {
    private RestLookups() {}

    static WorkspaceInfo workspace(Catalog catalog, String ws) throws CatalogException {
        return catalog.workspaces().stream().filter(w -> w.name().equals(ws)).findFirst()
                .orElseThrow(() -> new CatalogException(NOT_FOUND, "workspace " + ws + " does not exist"));
    }

    static CoverageStoreInfo store(Catalog catalog, String ws, String cs) throws CatalogException {
        workspace(catalog, ws);
        return catalog.store(ws, cs).orElseThrow(() -> new CatalogException(NOT_FOUND, "coverage store " + ws + ":" + cs + " does not exist"));
    }

    /** The layer {@code c} published from store {@code cs}, which is what GeoServer calls a coverage. */
    static LayerInfo coverage(Catalog catalog, String ws, String cs, String c) throws CatalogException {
        store(catalog, ws, cs);
        return catalog.layer(ws + ":" + c).filter(l -> l.store().equals(cs))
                .orElseThrow(() -> new CatalogException(NOT_FOUND, "coverage " + c + " of store " + ws + ":" + cs + " does not exist"));
    }

    static LayerInfo layer(Catalog catalog, String name) throws CatalogException {
        return catalog.layer(name).orElseThrow(() -> new CatalogException(NOT_FOUND, "layer " + name + " does not exist"
                + (name.contains(":") ? "" : " (or its name is not unique: use workspace:name)")));
    }

    static StyleInfo style(Catalog catalog, String name) throws CatalogException {
        return catalog.style(name).orElseThrow(() -> new CatalogException(NOT_FOUND, "style " + name + " does not exist"));
    }
}
