package eu.candela.ows.catalog;

import eu.candela.ows.style.RasterStyle;
import eu.candela.ows.style.SldReader;
import eu.candela.ows.style.StyleFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Reads the catalogue from the data directory at start-up. A file that is corrupt, half-written
 * (a crash of some other tool) or inconsistent with its directory is logged and skipped with what
 * it contains: one bad layer never stops the server. Hidden entries (temporary files, trees set
 * aside by an interrupted removal) are ignored.
 */
final class CatalogLoader {
    private static final Logger LOG = LoggerFactory.getLogger(CatalogLoader.class);

    private final CatalogFiles files;
    private final TreeMap<String, WorkspaceInfo> workspaces = new TreeMap<>();
    private final TreeMap<String, CoverageStoreInfo> stores = new TreeMap<>();
    private final TreeMap<String, LayerInfo> layers = new TreeMap<>();
    private final TreeMap<String, CatalogSnapshot.StoredStyle> styles = new TreeMap<>();

    private CatalogLoader(CatalogFiles files) {
        this.files = files;
    }

    static CatalogSnapshot load(CatalogFiles files) throws IOException {
        CatalogLoader loader = new CatalogLoader(files);
        loader.loadWorkspaces();
        loader.loadStyles();
        LOG.info("Catalogue {}: {} workspaces, {} coverage stores, {} layers, {} styles", files.dataDir(),
                loader.workspaces.size(), loader.stores.size(), loader.layers.size(), loader.styles.size());
        return new CatalogSnapshot(loader.workspaces, loader.stores, loader.layers, loader.styles);
    }

    private void loadWorkspaces() throws IOException {
        for (Path dir : subdirectories(files.workspacesDir())) {
            Path file = dir.resolve(CatalogFiles.WORKSPACE_FILE);
            if (!Files.isRegularFile(file)) continue;
            try {
                WorkspaceInfo ws = files.readWorkspace(file);
                requireName(ws.name(), dir);
                workspaces.put(ws.name(), ws);
            } catch (IOException | RuntimeException e) {
                skip(file, e);
                continue;
            }
            for (Path storeDir : subdirectories(dir)) loadStore(dir.getFileName().toString(), storeDir);
        }
    }

    private void loadStore(String workspace, Path dir) throws IOException {
        Path file = dir.resolve(CatalogFiles.STORE_FILE);
        if (!Files.isRegularFile(file)) return;
        CoverageStoreInfo store;
        try {
            store = files.readStore(file);
            requireName(store.name(), dir);
            requireName(store.workspace(), dir.getParent());
        } catch (IOException | RuntimeException e) {
            skip(file, e);
            return;
        }
        if (!Files.isRegularFile(store.file())) LOG.warn("Coverage store {}:{}: its file {} is missing", workspace, store.name(), store.file());
        stores.put(CatalogSnapshot.key(workspace, store.name()), store);
        for (Path layerDir : subdirectories(dir)) {
            Path layerFile = layerDir.resolve(CatalogFiles.LAYER_FILE);
            if (!Files.isRegularFile(layerFile)) continue;
            try {
                LayerInfo layer = files.readLayer(layerFile);
                requireName(layer.name(), layerDir);
                if (!layer.workspace().equals(workspace) || !layer.store().equals(store.name())) {
                    throw new IOException("names workspace " + layer.workspace() + " and store " + layer.store()
                            + " but lies in " + workspace + "/" + store.name());
                }
                LayerInfo other = layers.get(layer.qualifiedName());
                // Only after a crash while moving a layer to another store: the newer one wins.
                if (other == null || other.revision() < layer.revision()) layers.put(layer.qualifiedName(), layer);
            } catch (IOException | RuntimeException e) {
                skip(layerFile, e);
            }
        }
    }

    private void loadStyles() throws IOException {
        Path dir = files.stylesDir();
        if (!Files.isDirectory(dir)) return;
        List<Path> slds = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*.sld")) {
            entries.forEach(slds::add);
        }
        for (Path sld : slds) {
            String file = sld.getFileName().toString();
            String name = file.substring(0, file.length() - ".sld".length());
            if (!CatalogNames.isValid(name)) continue;
            try {
                styles.put(name, readStyle(name, sld));
            } catch (IOException | StyleFormatException | RuntimeException e) {
                skip(sld, e);
            }
        }
    }

    private CatalogSnapshot.StoredStyle readStyle(String name, Path sld) throws IOException, StyleFormatException {
        byte[] document = Files.readAllBytes(sld);
        RasterStyle style = SldReader.read(document).withName(name);
        Path metadataFile = files.styleMetadata(name);
        Instant modified = Files.getLastModifiedTime(sld).toInstant();
        long revision = 1;
        if (Files.isRegularFile(metadataFile)) {
            try {
                CatalogFiles.StyleMetadata metadata = files.readStyleMetadata(metadataFile);
                modified = metadata.modified();
                revision = metadata.revision();
            } catch (IOException | RuntimeException e) {
                LOG.warn("Style {}: ignoring unreadable {} ({})", name, metadataFile, e.toString());
            }
        }
        return new CatalogSnapshot.StoredStyle(new StyleInfo(name, style, modified, revision), document);
    }

    private static void requireName(String name, Path dir) throws IOException {
        if (!name.equals(dir.getFileName().toString())) {
            throw new IOException("names \"" + name + "\" but lies in directory " + dir.getFileName());
        }
    }

    private static void skip(Path file, Exception e) {
        LOG.error("Catalogue: skipping {}: {}", file, e.getMessage() == null ? e.toString() : e.getMessage());
    }

    private static List<Path> subdirectories(Path dir) throws IOException {
        List<Path> result = new ArrayList<>();
        if (!Files.isDirectory(dir)) return result;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir,
                p -> Files.isDirectory(p) && !p.getFileName().toString().startsWith("."))) {
            entries.forEach(result::add);
        }
        result.sort(null);
        return result;
    }
}
