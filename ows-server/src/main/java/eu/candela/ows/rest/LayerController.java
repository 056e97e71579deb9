package eu.candela.ows.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.candela.ows.catalog.CatalogEditor;
import eu.candela.ows.catalog.CatalogException;
import eu.candela.ows.catalog.LayerInfo;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;

/** {@code /rest/layers}: list, describe, restyle / enable and delete layers, named {@code workspace:layer}. */
@RestController
class LayerController {
    private final CatalogEditor catalog;
    private final RestContext context;

    LayerController(CatalogEditor catalog, RestContext context) {
        this.catalog = catalog;
        this.context = context;
    }

    @GetMapping(value = {"/rest/layers", "/rest/layers.json"}, produces = MediaType.APPLICATION_JSON_VALUE)
    ObjectNode list() {
        RestLinks links = context.links();
        return RestDocuments.list("layers", "layer", catalog.layers(), LayerInfo::qualifiedName, l -> links.layer(l.qualifiedName()));
    }

    @GetMapping(value = {"/rest/layers/{layer}", "/rest/layers/{layer}.json"}, produces = MediaType.APPLICATION_JSON_VALUE)
    ObjectNode describe(@PathVariable String layer) throws CatalogException {
        return RestDocuments.layer(RestLookups.layer(catalog, layer), context.links());
    }

    /** Changes only what the body gives: defaultStyle, styles, enabled (and, beyond GeoServer's layer, title and abstract). */
    @PutMapping(value = {"/rest/layers/{layer}", "/rest/layers/{layer}.json"}, produces = MediaType.APPLICATION_JSON_VALUE)
    ObjectNode update(@PathVariable String layer, @RequestBody JsonNode body) throws CatalogException {
        LayerInfo old = RestLookups.layer(catalog, layer);
        JsonNode json = RestBodies.unwrap(body, "layer");
        String defaultStyle = json.has("defaultStyle") ? RestBodies.styleName(json.get("defaultStyle"), "layer.defaultStyle") : old.defaultStyle();
        List<String> styles = json.has("styles") ? styles(json.get("styles")) : old.styles();
        String title = json.has("title") ? RestBodies.text(json, "title") : old.title();
        String abstractText = json.has("abstract") ? RestBodies.text(json, "abstract") : old.abstractText();
        LayerInfo saved = catalog.putLayer(new LayerInfo(old.workspace(), old.name(), old.store(), title, abstractText,
                defaultStyle, styles, RestBodies.bool(json, "enabled", old.enabled()), old.modified(), old.revision()));
        return RestDocuments.layer(saved, context.links());
    }

    @DeleteMapping({"/rest/layers/{layer}", "/rest/layers/{layer}.json"})
    ResponseEntity<Void> delete(@PathVariable String layer) throws CatalogException {
        LayerInfo old = RestLookups.layer(catalog, layer);
        catalog.removeLayer(old.workspace(), old.name());
        return ResponseEntity.ok().build();
    }

    /** {@code {"style":[{"name":..}]}} (GeoServer; a single object for one style is accepted too) or {@code []}. */
    private static List<String> styles(JsonNode styles) {
        JsonNode list = styles.isObject() ? styles.get("style") : styles;
        List<String> names = new ArrayList<>();
        if (list == null || list.isNull() || (list.isTextual() && list.asText().isEmpty())) return names;
        if (list.isArray()) list.forEach(s -> names.add(RestBodies.styleName(s, "layer.styles.style")));
        else names.add(RestBodies.styleName(list, "layer.styles.style"));
        return names;
    }
}
