package eu.candela.ows.catalog;

import eu.candela.ows.catalog.CatalogException.Reason;
import eu.candela.ows.catalog.CatalogSnapshot.StoredStyle;
import eu.candela.ows.style.RasterStyle;
import eu.candela.ows.style.SldReader;
import eu.candela.ows.style.StyleFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The layer catalogue kept in the data directory (see {@link CatalogFiles} for the layout).
 *
 * <p>Edits are serialised by one lock. Each is validated, written to disk (atomically per file, and
 * undone as a whole when a step fails), then published as a new immutable snapshot, then told to the
 * listeners. Readers never lock: they read the current snapshot. An I/O failure of the data
 * directory is an {@link UncheckedIOException} (a server fault), after the disk was restored.
 *
 * <p>Revisions come from one catalogue-wide sequence that never goes back, not even across restarts
 * or for a layer removed and added again (it starts from the clock), so a cache keyed on a revision
 * can never serve an old picture.
 */
public final class DataDirectoryCatalog implements CatalogEditor {
    private static final Logger LOG = LoggerFactory.getLogger(DataDirectoryCatalog.class);

    private final CatalogFiles files;
    private final AtomicFiles atomicFiles;
    private final StoreFileCheck storeFiles;
    private final Clock clock;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final List<CatalogListener> listeners = new CopyOnWriteArrayList<>();
    private volatile CatalogSnapshot snapshot;
    private long lastRevision;

    /** Loads the catalogue of {@code dataDir}; files that cannot be read are logged and skipped. */
    public DataDirectoryCatalog(Path dataDir) {
        this(dataDir, new AtomicFiles(), Clock.systemUTC());
    }

    DataDirectoryCatalog(Path dataDir, AtomicFiles atomicFiles, Clock clock) {
        this.files = new CatalogFiles(dataDir.toAbsolutePath().normalize());
        this.atomicFiles = atomicFiles;
        this.clock = clock;
        try {
            this.storeFiles = new StoreFileCheck(files.dataDir());
            this.snapshot = CatalogLoader.load(files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the catalogue in " + dataDir, e);
        }
        lastRevision = snapshot.layers().values().stream().mapToLong(LayerInfo::revision).max().orElse(0);
        lastRevision = Math.max(lastRevision, snapshot.styles().values().stream().mapToLong(s -> s.info().revision()).max().orElse(0));
    }

    // --- reading: the current snapshot, no locks

    @Override public List<WorkspaceInfo> workspaces() { return List.copyOf(snapshot.workspaces().values()); }

    @Override public List<CoverageStoreInfo> stores(String workspace) { return snapshot.storesOf(workspace); }

    @Override
    public Optional<CoverageStoreInfo> store(String workspace, String name) {
        return Optional.ofNullable(snapshot.stores().get(CatalogSnapshot.key(workspace, name)));
    }

    @Override public List<LayerInfo> layers() { return List.copyOf(snapshot.layers().values()); }

    @Override
    public Optional<LayerInfo> layer(String name) {
        CatalogSnapshot s = snapshot;
        if (name == null) return Optional.empty();
        if (name.indexOf(':') >= 0) return Optional.ofNullable(s.layers().get(name));
        List<LayerInfo> named = s.layers().values().stream().filter(l -> l.name().equals(name)).limit(2).toList();
        return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
    }

    @Override public List<StyleInfo> styles() { return snapshot.styles().values().stream().map(StoredStyle::info).toList(); }

    @Override
    public Optional<StyleInfo> style(String name) {
        return Optional.ofNullable(snapshot.styles().get(name)).map(StoredStyle::info);
    }

    @Override
    public Optional<byte[]> styleSld(String name) {
        return Optional.ofNullable(snapshot.styles().get(name)).map(s -> s.sld().clone());
    }

    @Override public void addListener(CatalogListener listener) { listeners.add(listener); }

    // --- editing

    @Override
    public WorkspaceInfo addWorkspace(String name) throws CatalogException {
        WorkspaceInfo ws = new WorkspaceInfo(validName("workspace", name));
        return edit((s, disk) -> {
            if (s.workspaces().containsKey(name)) throw conflict("workspace " + name + " exists already");
            disk.write(files.workspaceDir(name).resolve(CatalogFiles.WORKSPACE_FILE), files.workspace(ws));
            return new Change<>(s.withWorkspace(ws), ws, List.of(), List.of());
        });
    }

    @Override
    public void removeWorkspace(String name, boolean recurse) throws CatalogException {
        edit((s, disk) -> {
            requireWorkspace(s, name);
            if (!recurse && !s.storesOf(name).isEmpty()) {
                throw conflict("workspace " + name + " is not empty: it has " + s.storesOf(name).size() + " coverage stores");
            }
            disk.removeTree(files.workspaceDir(name));
            return new Change<>(s.withoutWorkspace(name), null, qualifiedNames(s.layersOf(name)), List.of());
        });
    }

    @Override
    public CoverageStoreInfo putStore(CoverageStoreInfo store) throws CatalogException {
        storeFiles.check(store.file());
        return edit((s, disk) -> {
            requireWorkspace(s, store.workspace());
            disk.write(files.storeDir(store.workspace(), store.name()).resolve(CatalogFiles.STORE_FILE), files.store(store));
            CatalogSnapshot after = s.withStore(store);
            List<LayerInfo> replaced = s.layersOfStore(store.workspace(), store.name());
            for (LayerInfo layer : replaced) {
                LayerInfo bumped = stamped(layer);
                disk.write(layerFile(bumped), files.layer(bumped));
                after = after.withLayer(bumped);
            }
            return new Change<>(after, store, qualifiedNames(replaced), List.of());
        });
    }

    @Override
    public void removeStore(String workspace, String name, boolean recurse) throws CatalogException {
        edit((s, disk) -> {
            requireStore(s, workspace, name);
            List<LayerInfo> layers = s.layersOfStore(workspace, name);
            if (!recurse && !layers.isEmpty()) {
                throw conflict("coverage store " + workspace + ":" + name + " still has " + layers.size() + " layers");
            }
            disk.removeTree(files.storeDir(workspace, name));
            return new Change<>(s.withoutStore(workspace, name), null, qualifiedNames(layers), List.of());
        });
    }

    @Override
    public LayerInfo putLayer(LayerInfo layer) throws CatalogException {
        return edit((s, disk) -> {
            requireStore(s, layer.workspace(), layer.store());
            for (String style : styleNames(layer)) {
                if (!s.styles().containsKey(style)) throw notFound("style " + style + " does not exist");
            }
            LayerInfo saved = stamped(layer);
            LayerInfo previous = s.layers().get(layer.qualifiedName());
            disk.write(layerFile(saved), files.layer(saved));
            if (previous != null && !previous.store().equals(saved.store())) {
                disk.removeTree(files.layerDir(previous.workspace(), previous.store(), previous.name()));
            }
            return new Change<>(s.withLayer(saved), saved, List.of(saved.qualifiedName()), List.of());
        });
    }

    @Override
    public void removeLayer(String workspace, String name) throws CatalogException {
        edit((s, disk) -> {
            LayerInfo layer = s.layers().get(CatalogSnapshot.key(workspace, name));
            if (layer == null) throw notFound("layer " + workspace + ":" + name + " does not exist");
            disk.removeTree(files.layerDir(workspace, layer.store(), name));
            return new Change<>(s.withoutLayer(workspace, name), null, List.of(layer.qualifiedName()), List.of());
        });
    }

    @Override
    public StyleInfo putStyle(String name, byte[] sld) throws CatalogException {
        validName("style", name);
        RasterStyle parsed;
        try {
            parsed = SldReader.read(sld).withName(name);
        } catch (StyleFormatException e) {
            throw new CatalogException(Reason.INVALID, "style " + name + ": " + e.getMessage(), e);
        }
        byte[] document = sld.clone();
        return edit((s, disk) -> {
            StyleInfo info = new StyleInfo(name, parsed, now(), nextRevision());
            disk.write(files.sld(name), document);
            disk.write(files.styleMetadata(name), files.styleMetadata(info));
            return new Change<>(s.withStyle(new StoredStyle(info, document)), info, List.of(), List.of(name));
        });
    }

    @Override
    public void removeStyle(String name) throws CatalogException {
        edit((s, disk) -> {
            if (!s.styles().containsKey(name)) throw notFound("style " + name + " does not exist");
            List<LayerInfo> users = s.layersUsingStyle(name);
            if (!users.isEmpty()) throw conflict("style " + name + " is used by " + String.join(", ", qualifiedNames(users)));
            // The SLD first: once it is gone the style is gone, a left-over .json is ignored.
            disk.deleteFile(files.sld(name));
            disk.deleteFile(files.styleMetadata(name));
            return new Change<>(s.withoutStyle(name), null, List.of(), List.of(name));
        });
    }

    // --- the edit cycle

    /** What an edit produced: the new state, its result and whom to tell. */
    private record Change<T>(CatalogSnapshot after, T result, List<String> layersChanged, List<String> stylesChanged) {}

    @FunctionalInterface
    private interface Edit<T> {
        Change<T> apply(CatalogSnapshot before, DiskChanges disk) throws CatalogException, IOException;
    }

    private <T> T edit(Edit<T> edit) throws CatalogException {
        writeLock.lock();
        try {
            long revisionBefore = lastRevision;
            DiskChanges disk = new DiskChanges(atomicFiles);
            Change<T> change;
            try {
                change = edit.apply(snapshot, disk);
            } catch (CatalogException | RuntimeException e) {
                disk.rollback();
                lastRevision = revisionBefore;
                throw e;
            } catch (IOException e) {
                disk.rollback();
                lastRevision = revisionBefore;
                throw new UncheckedIOException("catalogue change not saved, the data directory is unchanged", e);
            }
            disk.commit();
            snapshot = change.after();
            notifyListeners(change);
            return change.result();
        } finally {
            writeLock.unlock();
        }
    }

    private void notifyListeners(Change<?> change) {
        for (CatalogListener listener : listeners) {
            try {
                change.layersChanged().forEach(listener::layerChanged);
                change.stylesChanged().forEach(listener::styleChanged);
            } catch (RuntimeException e) {
                LOG.error("Catalogue listener {} failed; the change itself is saved", listener, e);
            }
        }
    }

    /** The layer with a fresh revision and modification time. */
    private LayerInfo stamped(LayerInfo l) {
        return new LayerInfo(l.workspace(), l.name(), l.store(), l.title(), l.abstractText(), l.defaultStyle(),
                l.styles(), l.enabled(), now(), nextRevision());
    }

    private long nextRevision() {
        lastRevision = Math.max(lastRevision + 1, clock.millis());
        return lastRevision;
    }

    private Instant now() {
        return clock.instant();
    }

    private Path layerFile(LayerInfo l) {
        return files.layerDir(l.workspace(), l.store(), l.name()).resolve(CatalogFiles.LAYER_FILE);
    }

    private static List<String> styleNames(LayerInfo layer) {
        List<String> names = new ArrayList<>(layer.styles());
        names.add(0, layer.defaultStyle());
        return names;
    }

    private static List<String> qualifiedNames(List<LayerInfo> layers) {
        return layers.stream().map(LayerInfo::qualifiedName).toList();
    }

    private static void requireWorkspace(CatalogSnapshot s, String name) throws CatalogException {
        if (!s.workspaces().containsKey(name)) throw notFound("workspace " + name + " does not exist");
    }

    private static void requireStore(CatalogSnapshot s, String workspace, String name) throws CatalogException {
        requireWorkspace(s, workspace);
        if (!s.stores().containsKey(CatalogSnapshot.key(workspace, name))) {
            throw notFound("coverage store " + workspace + ":" + name + " does not exist");
        }
    }

    private static String validName(String what, String name) throws CatalogException {
        if (!CatalogNames.isValid(name)) {
            throw new CatalogException(Reason.INVALID, what + " name must be 1-128 letters, digits, '_', '-' or '.' (not first): \"" + name + "\"");
        }
        return name;
    }

    private static CatalogException notFound(String message) { return new CatalogException(Reason.NOT_FOUND, message); }

    private static CatalogException conflict(String message) { return new CatalogException(Reason.CONFLICT, message); }
}
