package eu.candela.ows.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Where each catalogue object lives in the data directory (GeoServer's layout, JSON instead of XML)
 * and how it is encoded:
 * <pre>
 * workspaces/{ws}/workspace.json
 * workspaces/{ws}/{store}/coveragestore.json
 * workspaces/{ws}/{store}/{layer}/layer.json
 * styles/{style}.sld   (+ styles/{style}.json: revision and modification time; optional)
 * </pre>
 * Store files inside the data directory are stored relative to it, so the directory can be moved.
 */
final class CatalogFiles {
    static final String WORKSPACE_FILE = "workspace.json";
    static final String STORE_FILE = "coveragestore.json";
    static final String LAYER_FILE = "layer.json";

    private final Path dataDir;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    CatalogFiles(Path dataDir) {
        this.dataDir = dataDir;
    }

    Path dataDir() { return dataDir; }

    Path workspacesDir() { return dataDir.resolve("workspaces"); }

    Path stylesDir() { return dataDir.resolve("styles"); }

    Path workspaceDir(String ws) { return workspacesDir().resolve(ws); }

    Path storeDir(String ws, String store) { return workspaceDir(ws).resolve(store); }

    Path layerDir(String ws, String store, String layer) { return storeDir(ws, store).resolve(layer); }

    Path sld(String style) { return stylesDir().resolve(style + ".sld"); }

    Path styleMetadata(String style) { return stylesDir().resolve(style + ".json"); }

    // --- encoding

    byte[] workspace(WorkspaceInfo ws) throws IOException {
        return json.writeValueAsBytes(json.createObjectNode().put("name", ws.name()));
    }

    byte[] store(CoverageStoreInfo s) throws IOException {
        Path file = s.file().normalize();
        String stored = file.startsWith(dataDir) ? dataDir.relativize(file).toString().replace('\\', '/') : file.toString();
        ObjectNode n = json.createObjectNode().put("name", s.name()).put("workspace", s.workspace()).put("type", "GeoTIFF")
                .put("file", stored).put("description", s.description()).put("enabled", s.enabled());
        return json.writeValueAsBytes(n);
    }

    byte[] layer(LayerInfo l) throws IOException {
        ObjectNode n = json.createObjectNode().put("name", l.name()).put("workspace", l.workspace()).put("store", l.store())
                .put("title", l.title()).put("abstract", l.abstractText()).put("defaultStyle", l.defaultStyle());
        ArrayNode styles = n.putArray("styles");
        l.styles().forEach(styles::add);
        n.put("enabled", l.enabled()).put("modified", l.modified().toString()).put("revision", l.revision());
        return json.writeValueAsBytes(n);
    }

    byte[] styleMetadata(StyleInfo s) throws IOException {
        return json.writeValueAsBytes(json.createObjectNode().put("name", s.name())
                .put("modified", s.modified().toString()).put("revision", s.revision()));
    }

    // --- decoding; every method throws IOException (or IllegalArgumentException from the records) on bad content

    WorkspaceInfo readWorkspace(Path file) throws IOException {
        return new WorkspaceInfo(text(read(file), "name"));
    }

    CoverageStoreInfo readStore(Path file) throws IOException {
        JsonNode n = read(file);
        Path stored = Path.of(text(n, "file"));
        Path absolute = (stored.isAbsolute() ? stored : dataDir.resolve(stored)).normalize();
        return new CoverageStoreInfo(text(n, "workspace"), text(n, "name"), absolute,
                n.path("description").asText(""), n.path("enabled").asBoolean(true));
    }

    LayerInfo readLayer(Path file) throws IOException {
        JsonNode n = read(file);
        List<String> styles = new ArrayList<>();
        n.path("styles").forEach(s -> styles.add(s.asText()));
        return new LayerInfo(text(n, "workspace"), text(n, "name"), text(n, "store"), n.path("title").asText(null),
                n.path("abstract").asText(""), text(n, "defaultStyle"), styles, n.path("enabled").asBoolean(true),
                Instant.parse(text(n, "modified")), n.path("revision").asLong(1));
    }

    /** The revision and modification time of a style, from its optional metadata file. */
    record StyleMetadata(Instant modified, long revision) {}

    StyleMetadata readStyleMetadata(Path file) throws IOException {
        JsonNode n = read(file);
        return new StyleMetadata(Instant.parse(text(n, "modified")), n.path("revision").asLong(1));
    }

    private JsonNode read(Path file) throws IOException {
        JsonNode n = json.readTree(file.toFile());
        if (n == null || !n.isObject()) throw new IOException(file + ": not a JSON object");
        return n;
    }

    private static String text(JsonNode n, String field) throws IOException {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) throw new IOException("missing text field \"" + field + "\"");
        return v.asText();
    }
}
