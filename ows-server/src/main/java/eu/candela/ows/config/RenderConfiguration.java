package eu.candela.ows.config;

import eu.candela.ows.render.CoverageMapRenderer;
import eu.candela.ows.render.MapRenderer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The map renderer shared by WMS and WMTS, with its block cache sized by {@code candela.maps.block-cache-size}. */
@Configuration(proxyBeanMethods = false)
public class RenderConfiguration {

    /** Closed with the context (it is AutoCloseable), which closes the open coverage readers. */
    @Bean
    MapRenderer mapRenderer(CandelaProperties properties) {
        return new CoverageMapRenderer(properties.maps().blockCacheSize().toBytes());
    }
}
