package eu.candela.ows.wms;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Capabilities are encoded once per version and URL, again after any catalogue change, and never kept when built across one. */
class CapabilitiesCacheTest {
    private final CapabilitiesCache cache = new CapabilitiesCache();
    private final AtomicInteger encodings = new AtomicInteger();

    private byte[] encode() {
        return new byte[] {(byte) encodings.incrementAndGet()};
    }

    @Test
    void encodesOncePerVersionAndUrl() {
        cache.get(WmsVersion.V1_3_0, "http://a/wms", this::encode);
        cache.get(WmsVersion.V1_3_0, "http://a/wms", this::encode);
        cache.get(WmsVersion.V1_1_1, "http://a/wms", this::encode);
        cache.get(WmsVersion.V1_3_0, "http://b/wms", this::encode);
        assertThat(encodings).hasValue(3);
    }

    @Test
    void encodesAgainAfterLayerOrStyleChanges() {
        cache.get(WmsVersion.V1_3_0, "http://a/wms", this::encode);
        cache.layerChanged("ws:a");
        cache.get(WmsVersion.V1_3_0, "http://a/wms", this::encode);
        cache.styleChanged("ramp");
        byte[] third = cache.get(WmsVersion.V1_3_0, "http://a/wms", this::encode);
        assertThat(third[0]).isEqualTo((byte) 3);
    }

    @Test
    void doesNotKeepADocumentBuiltDuringAChange() {
        cache.get(WmsVersion.V1_3_0, "http://a/wms", () -> {
            cache.layerChanged("ws:a");
            return encode();
        });
        cache.get(WmsVersion.V1_3_0, "http://a/wms", this::encode);
        assertThat(encodings).hasValue(2);
    }
}
