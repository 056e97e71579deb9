package eu.candela.ows.wms;

import eu.candela.ows.catalog.CatalogListener;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Encoded capabilities documents per version and service URL, dropped whenever a layer or a style
 * changes. A document built while a change happened is returned but not kept, so a stale one is
 * never cached.
 */
final class CapabilitiesCache implements CatalogListener {
    private record Key(WmsVersion version, String serviceUrl) {}

    private final Map<Key, byte[]> documents = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    byte[] get(WmsVersion version, String serviceUrl, Supplier<byte[]> encode) {
        Key key = new Key(version, serviceUrl);
        byte[] cached = documents.get(key);
        if (cached != null) return cached;
        long before = generation.get();
        byte[] fresh = encode.get();
        if (generation.get() == before) documents.put(key, fresh);
        return fresh;
    }

    @Override
    public void layerChanged(String qualifiedName) {
        invalidate();
    }

    @Override
    public void styleChanged(String name) {
        invalidate();
    }

    private void invalidate() {
        generation.incrementAndGet();
        documents.clear();
    }
}
