package eu.candela.ows.wmts;

import eu.candela.ows.catalog.Catalog;
import eu.candela.ows.catalog.CatalogListener;
import eu.candela.ows.catalog.CoverageStoreInfo;
import eu.candela.ows.catalog.LayerInfo;
import eu.candela.ows.render.MapRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Drops what the WMTS remembers of a layer or style when the catalogue changes it: the cached
 * tiles, the capabilities document, the layer's extents and the renderer's open file. The
 * catalogue reports a change after it happened, when the old file of a layer can no longer be
 * asked for, so this keeps its own map of each layer's file.
 */
public final class TileCacheInvalidator implements CatalogListener {
    private static final Logger LOG = LoggerFactory.getLogger(TileCacheInvalidator.class);

    private final Catalog catalog;
    private final MapRenderer renderer;
    private final LayerExtents extents;
    private final WmtsCapabilitiesService capabilities;
    /** Null when the disk cache is off. */
    private final DiskTileCache cache;
    private final Map<String, Path> files = new ConcurrentHashMap<>();

    public TileCacheInvalidator(Catalog catalog, MapRenderer renderer, LayerExtents extents,
                                WmtsCapabilitiesService capabilities, Optional<DiskTileCache> cache) {
        this.catalog = catalog;
        this.renderer = renderer;
        this.extents = extents;
        this.capabilities = capabilities;
        this.cache = cache.orElse(null);
        for (LayerInfo layer : catalog.layers()) fileOf(layer).ifPresent(f -> files.put(layer.qualifiedName(), f));
    }

    @Override
    public void layerChanged(String qualifiedName) {
        Optional<Path> now = catalog.layer(qualifiedName).flatMap(this::fileOf);
        Path before = now.isPresent() ? files.put(qualifiedName, now.get()) : files.remove(qualifiedName);
        if (cache != null) {
            int colon = qualifiedName.indexOf(':');
            if (colon > 0) cache.removeLayer(qualifiedName.substring(0, colon), qualifiedName.substring(colon + 1));
        }
        evict(before);
        now.ifPresent(this::evict);
        capabilities.invalidate();
        LOG.info("Layer {} changed: its WMTS tiles were dropped", qualifiedName);
    }

    @Override
    public void styleChanged(String name) {
        if (cache != null) cache.removeStyle(name);
        capabilities.invalidate();
        LOG.info("Style {} changed: its WMTS tiles were dropped", name);
    }

    private void evict(Path file) {
        if (file == null) return;
        renderer.evict(file);
        extents.evict(file);
    }

    private Optional<Path> fileOf(LayerInfo layer) {
        return catalog.store(layer.workspace(), layer.store()).map(CoverageStoreInfo::file);
    }
}
