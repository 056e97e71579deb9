package eu.candela.ows.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;

/** {@code /rest}: where the API's resources and its OpenAPI 3 description are. */
@RestController
class RestRootController {
    static final String OPENAPI_RESOURCE = "rest/openapi.yaml";
    static final MediaType YAML = MediaType.parseMediaType("application/yaml");

    private final RestContext context;

    RestRootController(RestContext context) {
        this.context = context;
    }

    @GetMapping(value = {"/rest", "/rest.json"}, produces = MediaType.APPLICATION_JSON_VALUE)
    ObjectNode root() {
        RestLinks links = context.links();
        ObjectNode root = RestDocuments.JSON.objectNode().put("title", "Candela REST configuration API (GeoServer-compatible subset)");
        ArrayNode list = root.putArray("links");
        list.addObject().put("rel", "service-desc").put("type", "application/vnd.oai.openapi;version=3.0").put("href", links.openApi());
        list.addObject().put("rel", "workspaces").put("type", "application/json").put("href", RestLinks.json(links.workspaces()));
        list.addObject().put("rel", "layers").put("type", "application/json").put("href", RestLinks.json(links.layers()));
        list.addObject().put("rel", "styles").put("type", "application/json").put("href", RestLinks.json(links.styles()));
        return root;
    }

    @GetMapping("/rest/openapi.yaml")
    ResponseEntity<byte[]> openApi() throws IOException {
        try (InputStream in = new ClassPathResource(OPENAPI_RESOURCE).getInputStream()) {
            return ResponseEntity.ok().contentType(YAML).body(in.readAllBytes());
        }
    }
}
