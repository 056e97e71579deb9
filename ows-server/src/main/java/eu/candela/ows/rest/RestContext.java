package eu.candela.ows.rest;

import eu.candela.ows.config.CandelaProperties;
import eu.candela.ows.wps10.ServiceUrls;
import org.springframework.stereotype.Component;

/**
 * What every REST controller needs besides the catalogue: the links of the current request, on the
 * same {@link ServiceUrls} base as the other fronts ({@code candela.public-url}, or the request's own
 * address when that is empty), and the data directory that store URLs are relative to.
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
        return new RestLinks(ServiceUrls.forCurrentRequest(properties.publicUrl()).base());
    }

    StoreUrls storeUrls() { return storeUrls; }
}
