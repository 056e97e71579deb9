package eu.candela.ows.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RenderConfigurationTest {
    private static final long MB = 1L << 20;

    @Test
    void theBlockCacheTakesWhatIsAskedWhenTheHeapIsLarge() {
        assertThat(RenderConfiguration.blockCacheBudget(256 * MB, 6144 * MB)).isEqualTo(256 * MB);
    }

    @Test
    void theBlockCacheNeverTakesMoreThanAQuarterOfTheHeap() {
        assertThat(RenderConfiguration.blockCacheBudget(256 * MB, 512 * MB)).isEqualTo(128 * MB);
    }

    @Test
    void aTinyHeapStillGetsAWorkingCache() {
        assertThat(RenderConfiguration.blockCacheBudget(256 * MB, 32 * MB)).isEqualTo(16 * MB);
    }
}
