package eu.candela.ows.rest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.yaml.snakeyaml.Yaml;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-written OpenAPI document and the real handlers agree: every documented path and method
 * is served, and every {@code /rest} handler is documented ({@code .json} aliases count as their path).
 */
class RestOpenApiTest extends RestTestBase {
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    @Test
    void documentsExactlyTheServedRestOperations() {
        assertThat(documented()).isEqualTo(served());
    }

    @Test
    void servesTheDocumentItDescribes() {
        Map<String, Object> document = new Yaml().load(new String(get("/rest/openapi.yaml").body(), StandardCharsets.UTF_8));
        assertThat(String.valueOf(document.get("openapi"))).startsWith("3.");
        assertThat(documented()).contains("GET /rest/openapi.yaml");
        documented().stream().filter(op -> op.startsWith("GET ") && !op.contains("{")).map(op -> op.substring(4))
                .forEach(path -> assertThat(get(path).statusCode()).as(path).isEqualTo(200));
    }

    /** "METHOD /path" of every operation in the document. */
    @SuppressWarnings("unchecked")
    private Set<String> documented() {
        Map<String, Object> document = new Yaml().load(getClass().getClassLoader().getResourceAsStream(RestRootController.OPENAPI_RESOURCE));
        Set<String> operations = new TreeSet<>();
        ((Map<String, Map<String, Object>>) document.get("paths")).forEach((path, item) -> item.keySet().stream()
                .filter(HTTP_METHODS::contains).forEach(m -> operations.add(m.toUpperCase(Locale.ROOT) + " " + path)));
        return operations;
    }

    /** "METHOD /path" of every handler under /rest, with ".json" aliases folded into their path. */
    private Set<String> served() {
        Set<String> operations = new TreeSet<>();
        for (RequestMappingInfo info : handlers.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.equals("/rest") && !pattern.startsWith("/rest/") && !pattern.startsWith("/rest.")) continue;
                String path = pattern.endsWith(".json") ? pattern.substring(0, pattern.length() - ".json".length()) : pattern;
                assertThat(info.getMethodsCondition().getMethods()).as("handler of %s names its method", pattern).isNotEmpty();
                info.getMethodsCondition().getMethods().forEach(m -> operations.add(m.name() + " " + path));
            }
        }
        return operations;
    }
}
