package eu.candela.ows.catalog;

/** Told after a change is saved, so that caches of rendered maps and open files can be dropped. */
public interface CatalogListener {

    /** The layer {@code workspace:name} was added, changed (including its store's file) or removed. */
    void layerChanged(String qualifiedName);

    /** The style {@code name} was added, changed or removed. */
    void styleChanged(String name);
}
