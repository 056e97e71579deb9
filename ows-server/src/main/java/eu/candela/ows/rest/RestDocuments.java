package eu.candela.ows.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.candela.ows.catalog.CoverageStoreInfo;
import eu.candela.ows.catalog.LayerInfo;
import eu.candela.ows.catalog.StyleInfo;
import eu.candela.ows.catalog.WorkspaceInfo;

import java.util.List;
import java.util.function.Function;

/** The JSON documents of the REST API, in GeoServer's shapes (wrapper object named after the resource). */
final class RestDocuments {
    static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private RestDocuments() {}

    /** {@code {"workspaces":{"workspace":[{"name":..,"href":..}]}}} and the like. */
    static <T> ObjectNode list(String plural, String singular, List<T> items, Function<T, String> name, Function<T, String> href) {
        ObjectNode root = JSON.objectNode();
        ArrayNode array = root.putObject(plural).putArray(singular);
        for (T item : items) array.addObject().put("name", name.apply(item)).put("href", RestLinks.json(href.apply(item)));
        return root;
    }

    static ObjectNode workspace(WorkspaceInfo ws, RestLinks links) {
        ObjectNode root = JSON.objectNode();
        root.putObject("workspace").put("name", ws.name()).put("isolated", false)
                .put("coverageStores", RestLinks.json(links.stores(ws.name())));
        return root;
    }

    static ObjectNode store(CoverageStoreInfo s, String url, RestLinks links) {
        ObjectNode root = JSON.objectNode();
        ObjectNode store = root.putObject("coverageStore").put("name", s.name()).put("description", s.description())
                .put("type", "GeoTIFF").put("enabled", s.enabled());
        store.putObject("workspace").put("name", s.workspace()).put("href", RestLinks.json(links.workspace(s.workspace())));
        store.put("url", url).put("coverages", RestLinks.json(links.coverages(s.workspace(), s.name())));
        return root;
    }

    static ObjectNode layer(LayerInfo l, RestLinks links) {
        ObjectNode root = JSON.objectNode();
        ObjectNode layer = root.putObject("layer").put("name", l.qualifiedName()).put("type", "RASTER");
        layer.set("defaultStyle", styleRef(l.defaultStyle(), links));
        ArrayNode styles = layer.putObject("styles").put("@class", "linked-hash-set").putArray("style");
        l.styles().forEach(s -> styles.add(styleRef(s, links)));
        layer.putObject("resource").put("@class", "coverage").put("name", l.qualifiedName())
                .put("href", RestLinks.json(links.coverage(l.workspace(), l.store(), l.name())));
        layer.put("enabled", l.enabled()).put("dateModified", l.modified().toString());
        return root;
    }

    static ObjectNode styleRef(String name, RestLinks links) {
        return JSON.objectNode().put("name", name).put("href", RestLinks.json(links.style(name)));
    }

    static ObjectNode style(StyleInfo s) {
        ObjectNode root = JSON.objectNode();
        ObjectNode style = root.putObject("style").put("name", s.name()).put("format", "sld");
        style.putObject("languageVersion").put("version", "1.0.0");
        style.put("filename", s.name() + ".sld").put("dateModified", s.modified().toString());
        return root;
    }
}
