package eu.candela.ows.rest;

import eu.candela.ows.config.CandelaProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * What every REST controller needs besides the catalogue: the links of the current request
 * (from {@code candela.public-url}, or the request's own address when that is empty, as the WPS does)
 * and the data directory that store URLs are relative to.
 */
@Component
class RestContext {
    private final CandelaProperties properties;
    private final StoreUrls storeUrls;

    RestContext(CandelaProperties properties) {
        this.properties = properties;
        this.storeUrls = new StoreUrls(properties.catalogDir());
    }

    RestLinks links() {
        String configured = properties.publicUrl();
        return new RestLinks(configured.isBlank()
                ? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString() : configured);
    }

    StoreUrls storeUrls() { return storeUrls; }

    CandelaProperties properties() { return properties; }
}
