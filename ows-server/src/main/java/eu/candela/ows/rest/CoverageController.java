package eu.candela.ows.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.candela.eodata.raster.GeoTiffReader;
import eu.candela.eodata.raster.RasterInfo;
import eu.candela.ows.catalog.CatalogEditor;
import eu.candela.ows.catalog.CatalogException;
import eu.candela.ows.catalog.CoverageStoreInfo;
import eu.candela.ows.catalog.LayerInfo;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;

import static eu.candela.ows.catalog.CatalogException.Reason.CONFLICT;

/**
 * {@code /rest/workspaces/{ws}/coveragestores/{cs}/coverages}: in GeoServer a coverage is the
 * resource behind a layer; here they are one, so creating a coverage publishes a layer (default
 * style "raster") and deleting it removes the layer.
 */
@RestController
class CoverageController {
    static final String DEFAULT_STYLE = "raster";

    private final CatalogEditor catalog;
    private final RestContext context;

    CoverageController(CatalogEditor catalog, RestContext context) {
        this.catalog = catalog;
        this.context = context;
    }

    @GetMapping(value = {"/rest/workspaces/{ws}/coveragestores/{cs}/coverages", "/rest/workspaces/{ws}/coveragestores/{cs}/coverages.json"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    ObjectNode list(@PathVariable String ws, @PathVariable String cs) throws CatalogException {
        RestLookups.store(catalog, ws, cs);
        RestLinks links = context.links();
        List<LayerInfo> layers = catalog.layers().stream().filter(l -> l.workspace().equals(ws) && l.store().equals(cs)).toList();
        return RestDocuments.list("coverages", "coverage", layers, LayerInfo::name, l -> links.coverage(ws, cs, l.name()));
    }

    @PostMapping(value = {"/rest/workspaces/{ws}/coveragestores/{cs}/coverages", "/rest/workspaces/{ws}/coveragestores/{cs}/coverages.json"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ObjectNode> create(@PathVariable String ws, @PathVariable String cs, @RequestBody JsonNode body)
            throws CatalogException {
        CoverageStoreInfo store = RestLookups.store(catalog, ws, cs);
        JsonNode json = RestBodies.unwrap(body, "coverage");
        String name = RestBodies.requiredText(json, "coverage", "name");
        if (catalog.layer(ws + ":" + name).isPresent()) throw new CatalogException(CONFLICT, "layer " + ws + ":" + name + " exists already");
        LayerInfo layer = catalog.putLayer(new LayerInfo(ws, name, cs, RestBodies.text(json, "title"), RestBodies.text(json, "abstract"),
                DEFAULT_STYLE, List.of(), RestBodies.bool(json, "enabled", true), Instant.now(), 0));
        RestLinks links = context.links();
        return ResponseEntity.created(URI.create(links.coverage(ws, cs, name))).body(document(layer, store, links));
    }

    @GetMapping(value = {"/rest/workspaces/{ws}/coveragestores/{cs}/coverages/{c}", "/rest/workspaces/{ws}/coveragestores/{cs}/coverages/{c}.json"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    ObjectNode describe(@PathVariable String ws, @PathVariable String cs, @PathVariable String c) throws CatalogException {
        LayerInfo layer = RestLookups.coverage(catalog, ws, cs, c);
        return document(layer, RestLookups.store(catalog, ws, cs), context.links());
    }

    @DeleteMapping({"/rest/workspaces/{ws}/coveragestores/{cs}/coverages/{c}", "/rest/workspaces/{ws}/coveragestores/{cs}/coverages/{c}.json"})
    ResponseEntity<Void> delete(@PathVariable String ws, @PathVariable String cs, @PathVariable String c) throws CatalogException {
        RestLookups.coverage(catalog, ws, cs, c);
        catalog.removeLayer(ws, c);
        return ResponseEntity.ok().build();
    }

    private static ObjectNode document(LayerInfo layer, CoverageStoreInfo store, RestLinks links) {
        RasterInfo info;
        try (GeoTiffReader reader = GeoTiffReader.open(store.file())) {
            info = reader.info();
        } catch (IOException e) {
            throw new IllegalStateException("the file of coverage store " + store.workspace() + ":" + store.name()
                    + " cannot be read: " + e.getMessage(), e);
        }
        return CoverageDocuments.coverage(layer, store, info, links);
    }
}
