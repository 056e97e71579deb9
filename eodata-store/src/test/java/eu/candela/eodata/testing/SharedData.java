package eu.candela.eodata.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds {@code ../shared/data} next to the reactor root (tests run with a module as working directory). */
public final class SharedData {
    private SharedData() {
    }

    /** {@code ../shared/data/<relative>} when it exists. */
    public static Optional<Path> find(String relative) {
        try {
            for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
                Path pom = dir.resolve("pom.xml");
                if (Files.isRegularFile(pom) && Files.readString(pom).contains("<module>eodata-store</module>")) {
                    Path path = dir.resolveSibling("shared").resolve("data").resolve(relative);
                    return Files.exists(path) ? Optional.of(path) : Optional.empty();
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
