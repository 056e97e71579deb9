package eu.candela.ows.catalog;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * One immutable state of the catalogue. Readers take the current snapshot and see a consistent
 * catalogue however many edits happen meanwhile; each edit builds a new snapshot. Stores and layers
 * are keyed by {@code workspace:name}, so iteration is in qualified-name order.
 */
record CatalogSnapshot(SortedMap<String, WorkspaceInfo> workspaces, SortedMap<String, CoverageStoreInfo> stores,
                       SortedMap<String, LayerInfo> layers, SortedMap<String, StoredStyle> styles) {

    /** A style and its SLD document as stored. */
    record StoredStyle(StyleInfo info, byte[] sld) {}

    static final CatalogSnapshot EMPTY = new CatalogSnapshot(new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>());

    CatalogSnapshot {
        workspaces = frozen(workspaces);
        stores = frozen(stores);
        layers = frozen(layers);
        styles = frozen(styles);
    }

    static String key(String workspace, String name) {
        return workspace + ":" + name;
    }

    List<CoverageStoreInfo> storesOf(String workspace) {
        return stores.values().stream().filter(s -> s.workspace().equals(workspace)).toList();
    }

    List<LayerInfo> layersOf(String workspace) {
        return layers.values().stream().filter(l -> l.workspace().equals(workspace)).toList();
    }

    List<LayerInfo> layersOfStore(String workspace, String store) {
        return layers.values().stream().filter(l -> l.workspace().equals(workspace) && l.store().equals(store)).toList();
    }

    List<LayerInfo> layersUsingStyle(String style) {
        return layers.values().stream().filter(l -> l.defaultStyle().equals(style) || l.styles().contains(style)).toList();
    }

    CatalogSnapshot withWorkspace(WorkspaceInfo ws) {
        return new CatalogSnapshot(put(workspaces, ws.name(), ws), stores, layers, styles);
    }

    /** Without the workspace and everything in it. */
    CatalogSnapshot withoutWorkspace(String name) {
        TreeMap<String, WorkspaceInfo> w = new TreeMap<>(workspaces);
        w.remove(name);
        return new CatalogSnapshot(w, removeIf(stores, s -> s.workspace().equals(name)),
                removeIf(layers, l -> l.workspace().equals(name)), styles);
    }

    CatalogSnapshot withStore(CoverageStoreInfo store) {
        return new CatalogSnapshot(workspaces, put(stores, key(store.workspace(), store.name()), store), layers, styles);
    }

    /** Without the store and its layers. */
    CatalogSnapshot withoutStore(String workspace, String name) {
        TreeMap<String, CoverageStoreInfo> s = new TreeMap<>(stores);
        s.remove(key(workspace, name));
        return new CatalogSnapshot(workspaces, s,
                removeIf(layers, l -> l.workspace().equals(workspace) && l.store().equals(name)), styles);
    }

    CatalogSnapshot withLayer(LayerInfo layer) {
        return new CatalogSnapshot(workspaces, stores, put(layers, layer.qualifiedName(), layer), styles);
    }

    CatalogSnapshot withoutLayer(String workspace, String name) {
        TreeMap<String, LayerInfo> l = new TreeMap<>(layers);
        l.remove(key(workspace, name));
        return new CatalogSnapshot(workspaces, stores, l, styles);
    }

    CatalogSnapshot withStyle(StoredStyle style) {
        return new CatalogSnapshot(workspaces, stores, layers, put(styles, style.info().name(), style));
    }

    CatalogSnapshot withoutStyle(String name) {
        TreeMap<String, StoredStyle> s = new TreeMap<>(styles);
        s.remove(name);
        return new CatalogSnapshot(workspaces, stores, layers, s);
    }

    private static <V> SortedMap<String, V> put(Map<String, V> map, String key, V value) {
        TreeMap<String, V> copy = new TreeMap<>(map);
        copy.put(key, value);
        return copy;
    }

    private static <V> SortedMap<String, V> removeIf(Map<String, V> map, Predicate<V> drop) {
        TreeMap<String, V> copy = new TreeMap<>(map);
        copy.values().removeIf(drop);
        return copy;
    }

    private static <V> SortedMap<String, V> frozen(SortedMap<String, V> map) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }
}
