package eu.candela.ows.publish;

import eu.candela.ows.catalog.CatalogEditor;
import eu.candela.ows.config.CandelaProperties;
import eu.candela.ows.jobs.ResultFinisher;
import eu.candela.ows.security.LayerOwners;
import eu.candela.ows.wps10.ProcessView;
import eu.candela.wps.spi.ProcessRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Automatic publishing of job results ({@code candela.maps.publish-results}, on by default): with a
 * layer catalogue present, results are published before jobs succeed and the processes declare
 * the layer outputs; otherwise both are left as the registry says.
 */
@Configuration(proxyBeanMethods = false)
public class PublishingConfiguration {

    @Bean
    ProcessView processView(ProcessRegistry registry, CandelaProperties properties, ObjectProvider<CatalogEditor> catalog) {
        return publishing(properties, catalog) ? new LayerOutputs(registry) : ProcessView.of(registry);
    }

    @Bean
    ResultFinisher resultFinisher(ProcessRegistry registry, CandelaProperties properties, ObjectProvider<CatalogEditor> catalog,
                                  LayerOwners owners) {
        if (!publishing(properties, catalog)) return ResultFinisher.NONE;
        return new ResultPublisher(catalog.getObject(), registry::descriptor, properties.dataDir(),
                properties.maps().resultsWorkspace(), owners);
    }

    private static boolean publishing(CandelaProperties properties, ObjectProvider<CatalogEditor> catalog) {
        return properties.maps().publishResults() && catalog.getIfAvailable() != null;
    }
}
