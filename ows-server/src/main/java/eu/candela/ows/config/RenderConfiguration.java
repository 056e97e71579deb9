package eu.candela.ows.config;

import eu.candela.ows.render.CoverageMapRenderer;
import eu.candela.ows.render.MapRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The map renderer shared by WMS and WMTS, with its block cache sized by {@code candela.maps.block-cache-size}. */
@Configuration(proxyBeanMethods = false)
public class RenderConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(RenderConfiguration.class);

    /** Closed with the context (it is AutoCloseable), which closes the open coverage readers. */
    @Bean
    MapRenderer mapRenderer(CandelaProperties properties) {
        // Derby, behind the embedded EPSG database, writes derby.log into the working directory unless told otherwise
        System.getProperties().putIfAbsent("derby.stream.error.file", properties.dataDir().resolve("derby.log").toString());
        long configured = properties.maps().blockCacheSize().toBytes();
        long budget = blockCacheBudget(configured, Runtime.getRuntime().maxMemory());
        if (budget < configured) {
            LOG.info("map block cache limited to {} MB, a quarter of the {} MB heap (candela.maps.block-cache-size asks for {} MB)",
                    budget >> 20, Runtime.getRuntime().maxMemory() >> 20, configured >> 20);
        }
        return new CoverageMapRenderer(budget);
    }

    /**
     * At most a quarter of the heap. Decoded tiles of 512² float samples are 1 MB arrays, which G1
     * stores as humongous objects taking whole regions, so the cache can occupy about twice what
     * it counts; a quarter leaves the rest of the heap to the requests in flight (measured: with
     * -Xmx512m and the full 256 MB the server ran out of heap under 8 concurrent GetMaps).
     */
    static long blockCacheBudget(long configured, long maxHeap) {
        return Math.max(16L << 20, Math.min(configured, maxHeap / 4));
    }
}
