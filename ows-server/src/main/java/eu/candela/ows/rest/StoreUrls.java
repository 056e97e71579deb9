package eu.candela.ows.rest;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * GeoServer's coverage store {@code url}: {@code file:relative/path} (against the data directory) or
 * {@code file:/absolute/path}, which must still lie inside the data directory. Any other scheme, and
 * any path leaving the data directory, is refused; the catalogue then also checks the real path
 * (symbolic links) and that the file is a GeoTIFF.
 */
final class StoreUrls {
    private final Path dataDir;

    StoreUrls(Path dataDir) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
    }

    Path resolve(String url) {
        if (url == null || url.isBlank()) throw RestException.badRequest("coverageStore.url is required, e.g. file:eodata/scene.tif");
        if (!url.startsWith("file:")) {
            throw RestException.badRequest("coverageStore.url must be a file: URL inside the data directory, got " + url);
        }
        String path = url.substring("file:".length());
        if (path.startsWith("//")) path = path.substring(2); // file:///abs
        Path file;
        try {
            Path p = Path.of(path);
            file = (p.isAbsolute() ? p : dataDir.resolve(p)).normalize();
        } catch (InvalidPathException e) {
            throw RestException.badRequest("coverageStore.url is not a valid path: " + url);
        }
        if (!file.startsWith(dataDir) || file.equals(dataDir)) {
            throw RestException.badRequest("coverageStore.url must point inside the data directory, got " + url);
        }
        return file;
    }

    /** The URL of a store file: relative to the data directory when inside it. */
    String of(Path file) {
        Path normal = file.toAbsolutePath().normalize();
        return normal.startsWith(dataDir) ? "file:" + dataDir.relativize(normal).toString().replace('\\', '/') : "file:" + normal;
    }
}
