package eu.candela.ows.wmts;

import eu.candela.ows.catalog.Catalog;
import eu.candela.ows.config.CandelaProperties;
import eu.candela.ows.render.MapRenderer;
import eu.candela.ows.security.LayerVisibility;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Optional;

/** Wires the WMTS: tile cache (when candela.maps.tile-cache is on), tile and capabilities services, invalidation. */
@Configuration(proxyBeanMethods = false)
public class WmtsConfiguration {

    @Bean
    LayerExtents wmtsLayerExtents(MapRenderer renderer) {
        return new LayerExtents(renderer);
    }

    @Bean
    WmtsTileCacheHolder wmtsTileCache(CandelaProperties properties) {
        return new WmtsTileCacheHolder(properties.maps().tileCache()
                ? Optional.of(new DiskTileCache(properties.tileCacheDir())) : Optional.empty());
    }

    @Bean
    TileService tileService(Catalog catalog, MapRenderer renderer, LayerExtents extents, WmtsTileCacheHolder cache,
                            LayerVisibility visibility) {
        return new TileService(visibility.filtered(catalog), new TileRenderer(renderer), extents, cache.cache());
    }

    @Bean
    WmtsCapabilitiesService wmtsCapabilitiesService(Catalog catalog, MapRenderer renderer, LayerExtents extents,
                                                    LayerVisibility visibility) {
        return new WmtsCapabilitiesService(visibility.filtered(catalog), renderer, extents);
    }

    @Bean
    TileCacheInvalidator tileCacheInvalidator(Catalog catalog, MapRenderer renderer, LayerExtents extents,
                                              WmtsCapabilitiesService capabilities, WmtsTileCacheHolder cache) {
        TileCacheInvalidator invalidator = new TileCacheInvalidator(catalog, renderer, extents, capabilities, cache.cache());
        catalog.addListener(invalidator);
        return invalidator;
    }

    /** The optional disk cache as one bean (Spring has no bean for "absent"). */
    record WmtsTileCacheHolder(Optional<DiskTileCache> cache) {}
}
