package eu.candela.ows.wms;

import eu.candela.ows.catalog.StyleInfo;
import eu.candela.ows.render.CoverageSummary;
import eu.candela.ows.render.LegendRenderer;
import eu.candela.ows.render.MapImage;
import eu.candela.ows.render.MapRenderer;
import eu.candela.ows.render.UnsupportedCrsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Gathers what the capabilities list of each layer: extents from the renderer (WGS 84, Web
 * Mercator, native CRS), styles and the size of their legends. A layer whose file cannot be read
 * is left out, with a warning, rather than failing the whole document.
 */
final class LayerDescriber {
    static final int LEGEND_SWATCH = 20;
    private static final Logger LOG = LoggerFactory.getLogger(LayerDescriber.class);

    private final PublishedLayers layers;
    private final MapRenderer renderer;

    LayerDescriber(PublishedLayers layers, MapRenderer renderer) {
        this.layers = layers;
        this.renderer = renderer;
    }

    List<LayerDescription> describeAll(String serviceUrl) {
        List<LayerDescription> result = new ArrayList<>();
        for (PublishedLayers.Published layer : layers.all()) {
            describe(layer, serviceUrl).ifPresent(result::add);
        }
        return result;
    }

    private Optional<LayerDescription> describe(PublishedLayers.Published layer, String serviceUrl) {
        CoverageSummary summary;
        try {
            summary = renderer.summary(layer.file());
        } catch (IOException | RuntimeException e) {
            LOG.warn("Layer {} left out of the WMS capabilities: {}", layer.name(), e.getMessage());
            return Optional.empty();
        }
        int nativeEpsg = summary.grid().epsg();
        Map<Integer, double[]> envelopes = new LinkedHashMap<>();
        envelopes.put(4326, summary.wgs84Bounds());
        for (int epsg : new int[] {3857, nativeEpsg}) {
            if (envelopes.containsKey(epsg)) continue;
            envelope(layer, epsg).ifPresent(e -> envelopes.put(epsg, e));
        }
        List<LayerDescription.StyleDescription> styles = layers.stylesOf(layer).stream()
                .map(s -> style(layer, s, serviceUrl)).toList();
        return Optional.of(new LayerDescription(layer.name(), layer.layer().title(), layer.layer().abstractText(),
                summary.wgs84Bounds(), nativeEpsg, envelopes, styles));
    }

    /** The extent in {@code epsg}; empty when the coverage cannot be projected there (Web Mercator near a pole). */
    private Optional<double[]> envelope(PublishedLayers.Published layer, int epsg) {
        try {
            double[] e = renderer.envelopeIn(layer.file(), epsg);
            for (double v : e) {
                if (!Double.isFinite(v)) return Optional.empty();
            }
            return Optional.of(e);
        } catch (IOException | UnsupportedCrsException e) {
            LOG.debug("No EPSG:{} bounding box for layer {}: {}", epsg, layer.name(), e.getMessage());
            return Optional.empty();
        }
    }

    private static LayerDescription.StyleDescription style(PublishedLayers.Published layer, StyleInfo style, String serviceUrl) {
        int width = LEGEND_SWATCH;
        int height = LEGEND_SWATCH;
        try {
            MapImage legend = LegendRenderer.render(style.style(), LEGEND_SWATCH, LEGEND_SWATCH);
            width = legend.width();
            height = legend.height();
        } catch (RuntimeException e) {
            LOG.warn("Legend of style {} cannot be drawn: {}", style.name(), e.getMessage());
        }
        String title = style.style().title().isBlank() ? style.name() : style.style().title();
        return new LayerDescription.StyleDescription(style.name(), title, legendUrl(serviceUrl, layer.name(), style.name()),
                width, height);
    }

    static String legendUrl(String serviceUrl, String layer, String style) {
        return serviceUrl + "?service=WMS&request=GetLegendGraphic&format=image%2Fpng&width=" + LEGEND_SWATCH
                + "&height=" + LEGEND_SWATCH + "&layer=" + encode(layer) + "&style=" + encode(style);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
