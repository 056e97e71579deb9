package eu.candela.ows.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.candela.ows.catalog.CatalogEditor;
import eu.candela.ows.catalog.CatalogException;
import eu.candela.ows.catalog.WorkspaceInfo;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/** {@code /rest/workspaces}: list, create, describe and delete workspaces. */
@RestController
class WorkspaceController {
    private final CatalogEditor catalog;
    private final RestContext context;

    WorkspaceController(CatalogEditor catalog, RestContext context) {
        this.catalog = catalog;
        this.context = context;
    }

    @GetMapping(value = {"/rest/workspaces", "/rest/workspaces.json"}, produces = MediaType.APPLICATION_JSON_VALUE)
    ObjectNode list() {
        RestLinks links = context.links();
        return RestDocuments.list("workspaces", "workspace", catalog.workspaces(), WorkspaceInfo::name, w -> links.workspace(w.name()));
    }

    @PostMapping(value = {"/rest/workspaces", "/rest/workspaces.json"}, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ObjectNode> create(@RequestBody JsonNode body) throws CatalogException {
        String name = RestBodies.requiredText(RestBodies.unwrap(body, "workspace"), "workspace", "name");
        WorkspaceInfo ws = catalog.addWorkspace(name);
        RestLinks links = context.links();
        return ResponseEntity.created(URI.create(links.workspace(ws.name()))).body(RestDocuments.workspace(ws, links));
    }

    @GetMapping(value = {"/rest/workspaces/{ws}", "/rest/workspaces/{ws}.json"}, produces = MediaType.APPLICATION_JSON_VALUE)
    ObjectNode describe(@PathVariable String ws) throws CatalogException {
        return RestDocuments.workspace(RestLookups.workspace(catalog, ws), context.links());
    }

    @DeleteMapping({"/rest/workspaces/{ws}", "/rest/workspaces/{ws}.json"})
    ResponseEntity<Void> delete(@PathVariable String ws, @RequestParam(defaultValue = "false") boolean recurse) throws CatalogException {
        catalog.removeWorkspace(ws, recurse);
        return ResponseEntity.ok().build();
    }
}
