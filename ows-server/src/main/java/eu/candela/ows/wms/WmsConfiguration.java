package eu.candela.ows.wms;

import eu.candela.ows.catalog.Catalog;
import eu.candela.ows.config.CandelaProperties;
import eu.candela.ows.render.MapRenderer;
import eu.candela.ows.security.LayerVisibility;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the WMS service to the catalogue, the renderer and the candela.maps size limits. */
@Configuration
public class WmsConfiguration {

    @Bean
    WmsService wmsService(Catalog catalog, MapRenderer renderer, CandelaProperties properties, LayerVisibility visibility) {
        // each request sees the layers its caller may see: others' private layers are "not defined"
        return new WmsService(visibility.filtered(catalog), renderer, properties.maps().maxWidth(), properties.maps().maxHeight());
    }
}
