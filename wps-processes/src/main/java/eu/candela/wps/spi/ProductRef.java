package eu.candela.wps.spi;

import java.nio.file.Path;
import java.util.Objects;

/**
 * An input that is a whole product folder of the EO data archive, such as a Sentinel-2 or
 * Sentinel-1 {@code *.SAFE} directory. Clients pass it by reference to
 * {@code <server>/eodata/<path>.SAFE} (or to a file inside it, such as {@code manifest.safe}); the
 * server maps that reference to the folder and never downloads it. Its media type is
 * {@link MediaTypes#SAFE}.
 *
 * @param directory absolute path of the product folder
 */
public record ProductRef(Path directory) {
    public ProductRef {
        Objects.requireNonNull(directory, "directory");
    }

    /** The folder's name, for example {@code S2A_MSIL2A_20221005T115411_N0400_R023_T29UNU_20221005T164454.SAFE}. */
    public String name() {
        return directory.getFileName().toString();
    }
}
