package eu.candela.ows.rest;

import eu.candela.ows.catalog.CatalogEditor;
import eu.candela.ows.catalog.CatalogException;
import eu.candela.ows.catalog.CoverageStoreInfo;
import eu.candela.ows.catalog.LayerInfo;
import eu.candela.ows.config.CandelaProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static eu.candela.ows.catalog.CatalogException.Reason.CONFLICT;

/**
 * GeoServer's {@code PUT .../coveragestores/{cs}/file.geotiff}: the GeoTIFF lands in
 * {@code data/{ws}/{cs}/{cs}.tif}, the store is created or replaced, the workspace created when
 * missing, and (configure=first) a layer named after the store published with a default style.
 * Either all of it happens or nothing does: a failure restores the previous file, store and
 * workspace state, and no temporary file is left.
 */
@Component
class CoverageUploadService {
    private static final Logger LOG = LoggerFactory.getLogger(CoverageUploadService.class);

    /** What the upload did: the store, and whether it is new (201) or replaced one (200). */
    record Outcome(CoverageStoreInfo store, boolean created) {}

    private final CatalogEditor catalog;
    private final Path dataDir;
    private final GeoTiffUpload upload;
    /** Uploads stream in parallel; moving files and editing the catalogue is one at a time. */
    private final Object commitLock = new Object();

    CoverageUploadService(CatalogEditor catalog, CandelaProperties properties) {
        this.catalog = catalog;
        this.dataDir = properties.catalogDir();
        this.upload = new GeoTiffUpload(dataDir, properties.maps().maxUploadSize().toBytes());
        deleteStaleUploads();
    }

    /** Temporary files of uploads cut off by a crash or a kill; at start-up no upload is running. */
    private void deleteStaleUploads() {
        try (DirectoryStream<Path> stale = Files.newDirectoryStream(dataDir, ".upload-*.tif.part")) {
            for (Path p : stale) {
                Files.deleteIfExists(p);
                LOG.info("Deleted {}, left by an interrupted upload", p);
            }
        } catch (NoSuchFileException e) {
            // no data directory yet: nothing to clean
        } catch (IOException e) {
            LOG.warn("Could not clean interrupted uploads in {}: {}", dataDir, e.toString());
        }
    }

    Outcome upload(String ws, String cs, InputStream body, long length, boolean configure, String style)
            throws CatalogException, IOException {
        LayerInfo layer = new LayerInfo(ws, cs, cs, cs, "", style, List.of(), true, Instant.now(), 0); // checks the names
        Path temp = upload.receive(body, length);
        try {
            GeoTiffUpload.checkComplete(temp);
            synchronized (commitLock) {
                return commit(temp, layer, configure);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private Outcome commit(Path temp, LayerInfo layer, boolean configure) throws CatalogException, IOException {
        String ws = layer.workspace(), cs = layer.store();
        Optional<CoverageStoreInfo> previous = catalog.store(ws, cs);
        boolean publish = configure && (previous.isEmpty() || catalog.layers().stream()
                .noneMatch(l -> l.workspace().equals(ws) && l.store().equals(cs)));
        if (publish) {
            RestLookups.style(catalog, layer.defaultStyle());
            if (catalog.layer(layer.qualifiedName()).isPresent()) {
                throw new CatalogException(CONFLICT, "layer " + layer.qualifiedName()
                        + " exists already on another store; upload with configure=none or remove that layer");
            }
        }
        boolean createdWorkspace = catalog.workspaces().stream().noneMatch(w -> w.name().equals(ws));
        if (createdWorkspace) catalog.addWorkspace(ws);
        Path target = dataDir.resolve("data").resolve(ws).resolve(cs).resolve(cs + ".tif");
        Path createdDir = firstMissing(target.getParent());
        Files.createDirectories(target.getParent());
        Path backup = Files.exists(target) ? target.resolveSibling("." + cs + ".tif.previous-" + UUID.randomUUID()) : null;
        if (backup != null) Files.move(target, backup, StandardCopyOption.ATOMIC_MOVE);
        boolean storePut = false;
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            CoverageStoreInfo store = catalog.putStore(new CoverageStoreInfo(ws, cs, target,
                    previous.map(CoverageStoreInfo::description).orElse(""), true));
            storePut = true;
            if (publish) catalog.putLayer(layer);
            if (backup != null) Files.deleteIfExists(backup);
            LOG.info("Uploaded coverage store {}:{} ({} bytes){}", ws, cs, Files.size(target), publish ? ", layer published" : "");
            return new Outcome(store, previous.isEmpty());
        } catch (CatalogException | IOException | RuntimeException e) {
            undo(ws, cs, target, backup, createdDir, previous, storePut, createdWorkspace);
            throw e;
        }
    }

    /** Puts back the file, the store and the workspace as they were before a failed upload; failures only logged. */
    private void undo(String ws, String cs, Path target, Path backup, Path createdDir, Optional<CoverageStoreInfo> previous,
                      boolean storePut, boolean createdWorkspace) {
        try {
            if (backup != null) Files.move(backup, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            else Files.deleteIfExists(target);
            if (storePut && previous.isPresent()) catalog.putStore(previous.get());
            else if (storePut) catalog.removeStore(ws, cs, true);
            if (createdWorkspace) catalog.removeWorkspace(ws, true);
            if (createdDir != null) deleteEmptyDirectories(target.getParent(), createdDir);
        } catch (CatalogException | IOException | RuntimeException e) {
            LOG.error("Could not fully undo the failed upload of {}:{}", ws, cs, e);
        }
    }

    private static Path firstMissing(Path dir) {
        Path missing = null;
        for (Path d = dir; d != null && !Files.exists(d); d = d.getParent()) missing = d;
        return missing;
    }

    private static void deleteEmptyDirectories(Path from, Path upTo) throws IOException {
        for (Path d = from; d != null && d.startsWith(upTo); d = d.getParent()) Files.deleteIfExists(d);
    }
}
