package eu.candela.ows.security;

import com.fasterxml.jackson.databind.JsonNode;
import eu.candela.ows.catalog.Catalog;
import eu.candela.ows.catalog.LayerInfo;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /rest/layers/{workspace:layer}/access}: who owns a layer and whether it is public. Its owner
 * or an operator may publish it ({@code PUT {"public": true}}) or make it private again. A layer the
 * caller may not see answers 404, as one that does not exist.
 */
@RestController
public class LayerAccessController {
    private final Catalog catalog;
    private final LayerAccessStore store;
    private final LayerVisibility visibility;
    private final AuditLog audit;

    public LayerAccessController(Catalog catalog, LayerAccessStore store, LayerVisibility visibility, AuditLog audit) {
        this.catalog = catalog;
        this.store = store;
        this.visibility = visibility;
        this.audit = audit;
    }

    @GetMapping(value = "/rest/layers/{layer}/access", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<?> get(@PathVariable String layer, Caller caller) {
        Optional<LayerInfo> found = visible(layer, caller);
        if (found.isEmpty()) return notFound(layer);
        return ResponseEntity.ok(document(found.get()));
    }

    @PutMapping(value = "/rest/layers/{layer}/access", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<?> put(@PathVariable String layer, @RequestBody JsonNode body, Caller caller) {
        Optional<LayerInfo> found = visible(layer, caller);
        if (found.isEmpty()) {
            audit.record(caller, "layer.access", layer, "not found");
            return notFound(layer);
        }
        String name = found.get().qualifiedName();
        if (!visibility.canPublish(caller, name)) {
            audit.record(caller, "layer.access", name, "forbidden");
            return problem(HttpStatus.FORBIDDEN, "Only the owner of layer " + name + " or an operator may change who sees it");
        }
        JsonNode flag = body == null ? null : body.get("public");
        if (flag == null || !flag.isBoolean()) {
            return problem(HttpStatus.BAD_REQUEST, "The body must be {\"public\": true} or {\"public\": false}");
        }
        store.setPublic(name, flag.booleanValue(), caller.name());
        audit.record(caller, "layer.access", name, "public=" + flag.booleanValue());
        return ResponseEntity.ok(document(found.get()));
    }

    private Optional<LayerInfo> visible(String layer, Caller caller) {
        return catalog.layer(layer).filter(l -> visibility.canSee(caller, l));
    }

    private Map<String, Object> document(LayerInfo layer) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("layer", layer.qualifiedName());
        Optional<LayerAccess> access = store.find(layer.qualifiedName());
        doc.put("owner", access.map(LayerAccess::owner).orElse(null));
        doc.put("public", access.map(LayerAccess::isPublic).orElse(visibility.canSee(Caller.ANONYMOUS, layer)));
        return doc;
    }

    private static ResponseEntity<ProblemDetail> notFound(String layer) {
        return problem(HttpStatus.NOT_FOUND, "layer " + layer + " does not exist");
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
}
