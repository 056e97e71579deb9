package eu.candela.ows.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.candela.ows.catalog.CatalogEditor;
import eu.candela.ows.catalog.CatalogException;
import eu.candela.ows.catalog.CoverageStoreInfo;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.nio.file.Path;

import static eu.candela.ows.catalog.CatalogException.Reason.CONFLICT;

/**
 * {@code /rest/workspaces/{ws}/coveragestores}: GeoTIFF stores from a file already in the data
 * directory ({@code "url":"file:eodata/scene.tif"}). Uploads are {@link CoverageUploadController}.
 */
@RestController
class CoverageStoreController {
    private final CatalogEditor catalog;
    private final RestContext context;

    CoverageStoreController(CatalogEditor catalog, RestContext context) {
        this.catalog = catalog;
        this.context = context;
    }

    @GetMapping(value = {"/rest/workspaces/{ws}/coveragestores", "/rest/workspaces/{ws}/coveragestores.json"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    ObjectNode list(@PathVariable String ws) throws CatalogException {
        RestLookups.workspace(catalog, ws);
        RestLinks links = context.links();
        return RestDocuments.list("coverageStores", "coverageStore", catalog.stores(ws), CoverageStoreInfo::name,
                s -> links.store(ws, s.name()));
    }

    @PostMapping(value = {"/rest/workspaces/{ws}/coveragestores", "/rest/workspaces/{ws}/coveragestores.json"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ObjectNode> create(@PathVariable String ws, @RequestBody JsonNode body) throws CatalogException {
        JsonNode json = RestBodies.unwrap(body, "coverageStore");
        String name = RestBodies.requiredText(json, "coverageStore", "name");
        RestLookups.workspace(catalog, ws);
        if (catalog.store(ws, name).isPresent()) throw new CatalogException(CONFLICT, "coverage store " + ws + ":" + name + " exists already");
        checkType(json);
        Path file = context.storeUrls().resolve(RestBodies.requiredText(json, "coverageStore", "url"));
        CoverageStoreInfo store = catalog.putStore(new CoverageStoreInfo(ws, name, file,
                RestBodies.text(json, "description"), RestBodies.bool(json, "enabled", true)));
        RestLinks links = context.links();
        return ResponseEntity.created(URI.create(links.store(ws, name))).body(document(store, links));
    }

    @GetMapping(value = {"/rest/workspaces/{ws}/coveragestores/{cs}", "/rest/workspaces/{ws}/coveragestores/{cs}.json"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    ObjectNode describe(@PathVariable String ws, @PathVariable String cs) throws CatalogException {
        return document(RestLookups.store(catalog, ws, cs), context.links());
    }

    /** Changes what the body gives (url, description, enabled); the rest stays. */
    @PutMapping(value = {"/rest/workspaces/{ws}/coveragestores/{cs}", "/rest/workspaces/{ws}/coveragestores/{cs}.json"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    ObjectNode update(@PathVariable String ws, @PathVariable String cs, @RequestBody JsonNode body) throws CatalogException {
        CoverageStoreInfo old = RestLookups.store(catalog, ws, cs);
        JsonNode json = RestBodies.unwrap(body, "coverageStore");
        String name = RestBodies.text(json, "name");
        if (name != null && !name.equals(cs)) throw RestException.badRequest("coverageStore.name cannot be changed (" + cs + " -> " + name + ")");
        checkType(json);
        String url = RestBodies.text(json, "url");
        Path file = url == null ? old.file() : context.storeUrls().resolve(url);
        String description = json.has("description") ? RestBodies.text(json, "description") : old.description();
        CoverageStoreInfo store = catalog.putStore(new CoverageStoreInfo(ws, cs, file, description,
                RestBodies.bool(json, "enabled", old.enabled())));
        return document(store, context.links());
    }

    @DeleteMapping({"/rest/workspaces/{ws}/coveragestores/{cs}", "/rest/workspaces/{ws}/coveragestores/{cs}.json"})
    ResponseEntity<Void> delete(@PathVariable String ws, @PathVariable String cs,
                                @RequestParam(defaultValue = "false") boolean recurse) throws CatalogException {
        RestLookups.workspace(catalog, ws);
        catalog.removeStore(ws, cs, recurse);
        return ResponseEntity.ok().build();
    }

    private ObjectNode document(CoverageStoreInfo store, RestLinks links) {
        return RestDocuments.store(store, context.storeUrls().of(store.file()), links);
    }

    private static void checkType(JsonNode json) {
        String type = RestBodies.text(json, "type");
        if (type != null && !type.equalsIgnoreCase("GeoTIFF")) {
            throw RestException.badRequest("coverageStore.type " + type + " is not supported; only GeoTIFF");
        }
    }
}
