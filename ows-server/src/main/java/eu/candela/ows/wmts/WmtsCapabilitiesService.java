package eu.candela.ows.wmts;

import eu.candela.ows.catalog.Catalog;
import eu.candela.ows.catalog.CoverageStoreInfo;
import eu.candela.ows.catalog.LayerInfo;
import eu.candela.ows.render.MapRenderer;
import eu.candela.ows.wps10.ServiceUrls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds the capabilities document from the catalogue and keeps it, per public base URL, until
 * {@link #invalidate} (called on every catalogue change). A layer whose file cannot be read is
 * left out, with a warning, rather than failing the whole document.
 */
public final class WmtsCapabilitiesService {
    private static final Logger LOG = LoggerFactory.getLogger(WmtsCapabilitiesService.class);

    private record Cached(long generation, byte[] document) {}

    /** Base URLs come from the request's Host when no public URL is configured: keep only a few documents. */
    private static final int MAX_DOCUMENTS = 8;

    private final Catalog catalog;
    private final MapRenderer renderer;
    private final LayerExtents extents;
    private final WmtsCapabilitiesEncoder encoder = new WmtsCapabilitiesEncoder();
    private final Map<String, Cached> documents = new ConcurrentHashMap<>();
    /** Bumped by every invalidation, so a document built from an older catalogue is not kept. */
    private final AtomicLong generation = new AtomicLong();

    public WmtsCapabilitiesService(Catalog catalog, MapRenderer renderer, LayerExtents extents) {
        this.catalog = catalog;
        this.renderer = renderer;
        this.extents = extents;
    }

    public byte[] capabilities(ServiceUrls urls) {
        long current = generation.get();
        // keyed on the layers this caller sees too: a document listing private layers is never handed to another caller
        String key = urls.base() + "\n" + String.join(",", catalog.layers().stream().map(LayerInfo::qualifiedName).toList());
        Cached cached = documents.get(key);
        if (cached != null && cached.generation() == current) return cached.document();
        byte[] document = encoder.encode(new WmtsUrls(urls), layers());
        if (documents.size() >= MAX_DOCUMENTS) documents.clear();
        documents.put(key, new Cached(current, document));
        return document;
    }

    public void invalidate() {
        generation.incrementAndGet();
        documents.clear();
    }

    private List<CapabilitiesLayer> layers() {
        List<CapabilitiesLayer> entries = new ArrayList<>();
        for (LayerInfo layer : catalog.layers()) {
            if (!layer.enabled()) continue;
            Optional<CoverageStoreInfo> store = catalog.store(layer.workspace(), layer.store()).filter(CoverageStoreInfo::enabled);
            if (store.isEmpty()) continue;
            try {
                entries.add(entry(layer, store.get().file()));
            } catch (IOException | RuntimeException e) {
                LOG.warn("Layer {} left out of the WMTS capabilities: {}", layer.qualifiedName(), e.toString());
            }
        }
        return entries;
    }

    private CapabilitiesLayer entry(LayerInfo layer, Path file) throws IOException {
        double[] wgs84 = renderer.summary(file).wgs84Bounds();
        LinkedHashSet<String> styles = new LinkedHashSet<>();
        styles.add(layer.defaultStyle());
        styles.addAll(layer.styles());
        Map<TileMatrixSet, List<TileMatrixLimits>> limits = new LinkedHashMap<>();
        for (TileMatrixSet tms : TileMatrixSets.all()) {
            Optional<double[]> extent = extents.in(file, tms);
            if (extent.isEmpty()) continue;
            List<TileMatrixLimits> perLevel = new ArrayList<>();
            for (TileMatrix m : tms.levels()) m.limits(extent.get()).ifPresent(perLevel::add);
            if (!perLevel.isEmpty()) limits.put(tms, perLevel);
        }
        return new CapabilitiesLayer(layer, wgs84, List.copyOf(styles), limits);
    }
}
