package eu.candela.ows.preview;

import eu.candela.ows.catalog.Catalog;
import eu.candela.ows.catalog.CoverageStoreInfo;
import eu.candela.ows.catalog.LayerInfo;
import eu.candela.ows.config.CandelaProperties;
import eu.candela.ows.render.MapRenderer;
import eu.candela.ows.security.LayerVisibility;
import eu.candela.ows.wps10.ServiceUrls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The layer preview (GeoServer's Layer Preview): {@code /preview} lists the enabled layers,
 * {@code /preview/{workspace:layer}} shows one over a base map with its legend and band values.
 * Pages carry a strict Content Security Policy: scripts and styles only from this server, images
 * from this server and the base map's host.
 */
@RestController
public class LayerPreviewController {
    private static final Logger LOG = LoggerFactory.getLogger(LayerPreviewController.class);
    private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");
    private static final double[] WORLD = {-180, -85, 180, 85};

    private final Catalog catalog;
    private final MapRenderer renderer;
    private final CandelaProperties properties;

    public LayerPreviewController(Catalog catalog, MapRenderer renderer, CandelaProperties properties,
                                  LayerVisibility visibility) {
        this.catalog = visibility.filtered(catalog); // the caller's own and the public layers only
        this.renderer = renderer;
        this.properties = properties;
    }

    @GetMapping("/preview")
    public ResponseEntity<String> list() {
        List<LayerInfo> layers = catalog.layers().stream().filter(this::visible).toList();
        return page(HttpStatus.OK, PreviewPages.list(layers, urls(), this::bounds));
    }

    @GetMapping("/preview/{layer}")
    public ResponseEntity<String> layer(@PathVariable String layer) {
        Optional<LayerInfo> found = catalog.layer(layer).filter(this::visible);
        if (found.isEmpty()) {
            return page(HttpStatus.NOT_FOUND, PreviewPages.notFound(layer));
        }
        var maps = properties.maps();
        return page(HttpStatus.OK, PreviewPages.layer(found.get(), bounds(found.get()), urls(), maps.basemapUrl(),
                maps.basemapAttribution()));
    }

    private boolean visible(LayerInfo layer) {
        return layer.enabled() && catalog.store(layer.workspace(), layer.store()).filter(CoverageStoreInfo::enabled).isPresent();
    }

    /** The layer's WGS 84 bounds, or the world when its file cannot be read (the map still opens). */
    private double[] bounds(LayerInfo layer) {
        Optional<CoverageStoreInfo> store = catalog.store(layer.workspace(), layer.store());
        if (store.isEmpty()) return WORLD;
        try {
            return renderer.summary(store.get().file()).wgs84Bounds();
        } catch (IOException | RuntimeException e) {
            LOG.warn("preview of {}: cannot read {}: {}", layer.qualifiedName(), store.get().file(), e.toString());
            return WORLD;
        }
    }

    private ResponseEntity<String> page(HttpStatus status, String html) {
        return ResponseEntity.status(status).contentType(HTML).cacheControl(CacheControl.noCache())
                .header("Content-Security-Policy", ContentSecurityPolicy.of(properties.maps().basemapUrl()))
                .header("X-Content-Type-Options", "nosniff")
                .body(html);
    }

    private ServiceUrls urls() {
        return ServiceUrls.forCurrentRequest(properties.publicUrl());
    }
}
