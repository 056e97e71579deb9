package eu.candela.ows.preview;

import eu.candela.ows.catalog.LayerInfo;
import eu.candela.ows.wps10.ServiceUrls;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The HTML of the layer preview, as GeoServer's Layer Preview: a list of layers, and a page per
 * layer with its map over a base map. The pages hold no script of their own (the Content Security
 * Policy forbids inline code): everything the map needs is in {@code data-} attributes that
 * {@code /preview/assets/preview.js} reads.
 */
final class PreviewPages {
    static final String LEAFLET = "/webjars/leaflet/1.9.4/dist/";

    private PreviewPages() {}

    /** Every layer with links to its preview, a WMS picture and the capabilities. */
    static String list(List<LayerInfo> layers, ServiceUrls urls, java.util.function.Function<LayerInfo, double[]> bounds) {
        StringBuilder rows = new StringBuilder();
        for (LayerInfo layer : layers) {
            String name = layer.qualifiedName();
            rows.append("<tr><td><a href=\"").append(Html.escape(urls.preview(name))).append("\">")
                    .append(Html.escape(name)).append("</a></td><td>").append(Html.escape(layer.title()))
                    .append("</td><td>").append(Html.escape(layer.defaultStyle())).append("</td><td>")
                    .append("<a href=\"").append(Html.escape(urls.wmsMap(name, bounds.apply(layer), 768))).append("\">PNG</a> · ")
                    .append("<a href=\"").append(Html.escape(urls.wmts() + "/rest/" + name + "/" + layer.defaultStyle()
                            + "/GoogleMapsCompatible/0/0/0.png")).append("\">tile</a></td></tr>\n");
        }
        String body = layers.isEmpty()
                ? "<p class=\"empty\">No layers are published yet. Execute a process, or publish a GeoTIFF through the REST API "
                  + "(<code>PUT /rest/workspaces/{ws}/coveragestores/{store}/file.geotiff</code>).</p>"
                : "<table><thead><tr><th>Layer</th><th>Title</th><th>Style</th><th>Quick look</th></tr></thead><tbody>\n"
                  + rows + "</tbody></table>";
        return frame("Layer preview", "<h1>Layer preview</h1>\n<p>Services: <a href=\"" + Html.escape(urls.wms())
                + "?SERVICE=WMS&amp;REQUEST=GetCapabilities\">WMS capabilities</a> · <a href=\"" + Html.escape(urls.wmts())
                + "?SERVICE=WMTS&amp;REQUEST=GetCapabilities\">WMTS capabilities</a> · <a href=\"/rest/openapi.yaml\">REST API</a></p>\n"
                + body, false);
    }

    /** The map page of one layer: base map, the layer's WMTS tiles, its legend, band values on click. */
    static String layer(LayerInfo layer, double[] wgs84Bounds, ServiceUrls urls, String basemapUrl, String basemapAttribution) {
        String name = layer.qualifiedName();
        String legend = urls.wms() + "?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&FORMAT=image/png&LAYER="
                + enc(name) + "&STYLE=" + enc(layer.defaultStyle());
        StringBuilder styles = new StringBuilder("<option>" + Html.escape(layer.defaultStyle()) + "</option>");
        for (String s : layer.styles()) {
            if (!s.equals(layer.defaultStyle())) styles.append("<option>").append(Html.escape(s)).append("</option>");
        }
        String map = "<div id=\"map\" data-layer=\"" + Html.escape(name) + "\""
                + " data-style=\"" + Html.escape(layer.defaultStyle()) + "\""
                + " data-wms=\"" + Html.escape(urls.wms()) + "\""
                + " data-wmts=\"" + Html.escape(urls.wmts()) + "\""
                + " data-bounds=\"" + bounds(wgs84Bounds) + "\""
                + " data-basemap=\"" + Html.escape(basemapUrl) + "\""
                + " data-basemap-attribution=\"" + Html.escape(basemapAttribution) + "\"></div>";
        String side = "<aside><h1>" + Html.escape(layer.title()) + "</h1>"
                + "<p><code>" + Html.escape(name) + "</code></p>"
                + (layer.abstractText().isEmpty() ? "" : "<p>" + Html.escape(layer.abstractText()) + "</p>")
                + "<label>Style <select id=\"style\">" + styles + "</select></label>"
                + "<p><img id=\"legend\" alt=\"legend of " + Html.escape(name) + "\" src=\"" + Html.escape(legend) + "\"></p>"
                + "<p>Click the map for the band values.</p><pre id=\"values\"></pre>"
                + "<p><a href=\"" + Html.escape(urls.wmsMap(name, wgs84Bounds, 1024)) + "\">Whole layer as PNG</a> · "
                + "<a href=\"" + Html.escape(urls.wmts() + "?SERVICE=WMTS&REQUEST=GetCapabilities") + "\">WMTS capabilities</a> · "
                + "<a href=\"/preview\">all layers</a></p></aside>";
        return frame(layer.title(), side + map, true);
    }

    static String notFound(String name) {
        return frame("No such layer", "<h1>No such layer</h1><p>There is no published layer <code>" + Html.escape(name)
                + "</code>. See <a href=\"/preview\">all layers</a>.</p>", false);
    }

    private static String frame(String title, String body, boolean withMap) {
        String head = withMap
                ? "<link rel=\"stylesheet\" href=\"" + LEAFLET + "leaflet.css\">\n"
                  + "<script src=\"" + LEAFLET + "leaflet.js\" defer></script>\n"
                  + "<script src=\"/preview/assets/preview.js\" defer></script>\n"
                : "";
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + Html.escape(title) + " · Candela</title>\n"
                + "<link rel=\"stylesheet\" href=\"/preview/assets/preview.css\">\n" + head
                + "</head><body class=\"" + (withMap ? "map-page" : "list-page") + "\">\n" + body + "\n</body></html>\n";
    }

    private static String bounds(double[] b) {
        return String.format(Locale.ROOT, "%.8f,%.8f,%.8f,%.8f", b[0], b[1], b[2], b[3]);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
