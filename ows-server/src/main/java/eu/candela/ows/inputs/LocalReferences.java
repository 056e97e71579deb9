package eu.candela.ows.inputs;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Maps a reference to this server's own content (EO data it serves, outputs of earlier jobs) to
 * the local file behind it, so chaining and archive inputs need no HTTP round trip and no
 * exception to the reference policy.
 */
@FunctionalInterface
public interface LocalReferences {
    /**
     * @param href    the reference as the client sent it
     * @param baseUrl this server's base URL as the client reached it
     * @return the local file, or empty when {@code href} is not this server's content
     */
    Optional<Path> resolve(String href, String baseUrl);

    /**
     * Maps a reference to a product folder ({@code *.SAFE}) of this server's EO data archive, or to
     * a file inside one, to that folder. Only product inputs
     * ({@link eu.candela.wps.spi.ProductRef}) are resolved this way.
     *
     * @return the local folder, or empty when {@code href} names no product of this server's archive
     */
    default Optional<Path> resolveProduct(String href, String baseUrl) {
        return Optional.empty();
    }

    LocalReferences NONE = (href, baseUrl) -> Optional.empty();
}
