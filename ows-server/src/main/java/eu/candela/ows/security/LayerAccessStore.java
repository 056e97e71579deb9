package eu.candela.ows.security;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Layer owners and public flags, kept in one JSON file of the data directory
 * ({@code security/layer-access.json}) beside the catalogue, which stays GeoServer's layout.
 * Reads come from memory; each change rewrites the file (temporary file and atomic rename).
 */
public final class LayerAccessStore implements LayerOwners {
    private static final Logger LOG = LoggerFactory.getLogger(LayerAccessStore.class);
    private static final TypeReference<TreeMap<String, LayerAccess>> TYPE = new TypeReference<>() {};

    private final Path file;
    private final ObjectMapper json = new ObjectMapper();
    private volatile Map<String, LayerAccess> entries;

    public LayerAccessStore(Path file) {
        this.file = file;
        this.entries = Map.copyOf(read(file));
    }

    public Optional<LayerAccess> find(String qualifiedName) {
        return Optional.ofNullable(entries.get(qualifiedName));
    }

    @Override
    public synchronized void assign(String qualifiedName, String owner) {
        LayerAccess old = entries.get(qualifiedName);
        boolean wasPublic = old != null && old.owner().equals(owner) && old.isPublic();
        put(qualifiedName, new LayerAccess(owner, wasPublic));
    }

    /** Makes an owned layer public or private again; a layer nobody owns gets {@code owner} as its owner. */
    public synchronized LayerAccess setPublic(String qualifiedName, boolean isPublic, String ownerIfUnowned) {
        LayerAccess next = find(qualifiedName).orElse(new LayerAccess(ownerIfUnowned, false)).withPublic(isPublic);
        put(qualifiedName, next);
        return next;
    }

    private void put(String qualifiedName, LayerAccess access) {
        TreeMap<String, LayerAccess> next = new TreeMap<>(entries);
        next.put(qualifiedName, access);
        write(next);
        entries = Map.copyOf(next);
    }

    private void write(Map<String, LayerAccess> content) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), ".layer-access", ".tmp");
            try {
                json.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), content);
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private Map<String, LayerAccess> read(Path from) {
        if (!Files.exists(from)) return Map.of();
        try {
            Map<String, LayerAccess> map = json.readValue(from.toFile(), TYPE);
            LOG.info("layer access: {} owned layers from {}", map.size(), from);
            return map;
        } catch (IOException e) {
            // refusing to start beats treating every private layer as unowned (public)
            throw new UncheckedIOException("cannot read " + from + "; fix or remove it", e);
        }
    }
}
