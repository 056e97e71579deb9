package eu.candela.ows.config;

import eu.candela.ows.catalog.DataDirectoryCatalog;
import eu.candela.ows.eodata.DataDirectoryInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The layer catalogue: one {@link DataDirectoryCatalog} in {@link CandelaProperties#catalogDir()},
 * injected as {@code Catalog} (map services) and {@code CatalogEditor} (REST API, publishing).
 */
@Configuration(proxyBeanMethods = false)
public class CatalogConfiguration {

    /** Built after the initializer copied the default data directory, so the default styles load with it. */
    @Bean
    DataDirectoryCatalog catalog(CandelaProperties properties, DataDirectoryInitializer defaults) {
        return new DataDirectoryCatalog(properties.catalogDir());
    }
}
