package eu.candela.ows.eodata;

import eu.candela.ows.config.CandelaProperties;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Serves the EO data archive read-only at {@code /eodata/...}, so an Execute can name archive files
 * by URL (the server maps such references back to the file without an HTTP fetch).
 */
@RestController
public class EoDataController {
    public static final String PREFIX = "/eodata/";
    private final Path root;

    public EoDataController(CandelaProperties properties) {
        this.root = properties.eodataDir();
    }

    @GetMapping("/eodata/**")
    public ResponseEntity<?> file(HttpServletRequest request) {
        String relative = request.getRequestURI().substring(request.getContextPath().length() + PREFIX.length());
        return resolve(root, relative)
                .<ResponseEntity<?>>map(p -> ResponseEntity.ok().contentType(mediaType(p)).body(new FileSystemResource(p)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
                        .body("No such file in the EO data archive"));
    }

    /** The regular file under {@code root} named by {@code relative}, never outside it. */
    public static Optional<Path> resolve(Path root, String relative) {
        return inside(root, relative).filter(Files::isRegularFile);
    }

    /**
     * The product folder ({@code *.SAFE}) under {@code root} named by {@code relative}: the folder
     * itself or a file in it (such as {@code manifest.safe}), never outside {@code root}. Only
     * product inputs resolve to a folder; every other reference must name a regular file.
     */
    public static Optional<Path> resolveProduct(Path root, String relative) {
        Optional<Path> named = inside(root, relative);
        if (named.isEmpty()) return Optional.empty();
        for (Path p = named.get(); p != null && p.startsWith(root) && !p.equals(root); p = p.getParent()) {
            if (Files.isDirectory(p) && p.getFileName().toString().toUpperCase(java.util.Locale.ROOT).endsWith(".SAFE")) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The existing path under {@code root} named by {@code relative}, or empty when it leads out of the archive. */
    private static Optional<Path> inside(Path root, String relative) {
        String decoded = java.net.URLDecoder.decode(relative, java.nio.charset.StandardCharsets.UTF_8);
        if (decoded.endsWith("/")) decoded = decoded.substring(0, decoded.length() - 1);
        if (decoded.isEmpty() || decoded.contains("\0")) return Optional.empty();
        Path p = root.resolve(decoded).normalize();
        if (!p.startsWith(root) || p.equals(root) || !Files.exists(p)) return Optional.empty();
        try {
            // A symbolic link inside the archive must not lead out of it either.
            if (!p.toRealPath().startsWith(root.toRealPath())) return Optional.empty();
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
        return Optional.of(p);
    }

    private static MediaType mediaType(Path p) {
        String name = p.getFileName().toString().toLowerCase();
        if (name.endsWith(".tif") || name.endsWith(".tiff")) return MediaType.parseMediaType("image/tiff; application=geotiff");
        if (name.endsWith(".json") || name.endsWith(".geojson")) return MediaType.APPLICATION_JSON;
        return MediaType.APPLICATION_OCTET_STREAM;
    }
}
