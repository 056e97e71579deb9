package eu.candela.ows.inputs;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** References to product folders (*.SAFE) of the archive: what resolves to a folder and what never does. */
class ServerLocalProductReferencesTest {
    private static final String BASE = "http://localhost:8080/candela";

    @TempDir
    Path dir;
    private Path archive;
    private Path safe;
    private ServerLocalReferences references;

    @BeforeEach
    void archive() throws IOException {
        archive = Files.createDirectories(dir.resolve("eodata"));
        safe = Files.createDirectories(archive.resolve("s2/S2A_MSIL2A_20221005T115411_N0400_R023_T29UNU_20221005T164454.SAFE"));
        Files.writeString(safe.resolve("manifest.safe"), "<xfdu/>");
        Files.createDirectories(safe.resolve("GRANULE/L2A_T29UNU/IMG_DATA"));
        Files.writeString(safe.resolve("GRANULE/L2A_T29UNU/IMG_DATA/B02.jp2"), "jp2");
        Files.createDirectories(archive.resolve("s2/plain"));
        Files.createDirectories(dir.resolve("outside.SAFE"));
        references = new ServerLocalReferences(archive, (job, output) -> Optional.empty());
    }

    private Optional<Path> product(String path) {
        return references.resolveProduct(BASE + path, BASE + "/");
    }

    @Test
    void resolvesTheFolderItself() {
        assertThat(product("/eodata/s2/" + safe.getFileName())).contains(safe);
        assertThat(product("/eodata/s2/" + safe.getFileName() + "/")).contains(safe);
    }

    @Test
    void resolvesAFileInsideToTheProductFolder() {
        assertThat(product("/eodata/s2/" + safe.getFileName() + "/manifest.safe")).contains(safe);
        assertThat(product("/eodata/s2/" + safe.getFileName() + "/GRANULE/L2A_T29UNU/IMG_DATA/B02.jp2")).contains(safe);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/eodata/s2/plain", "/eodata/s2", "/eodata/", "/eodata/s2/missing.SAFE",
            "/eodata/../outside.SAFE", "/eodata/s2/%2e%2e/%2e%2e/outside.SAFE", "/wps/jobs/j/outputs/o"})
    void refusesWhatIsNoProductOfTheArchive(String path) {
        assertThat(product(path)).isEmpty();
    }

    @Test
    void refusesAnotherServersArchive() {
        assertThat(references.resolveProduct("http://elsewhere.example/eodata/s2/" + safe.getFileName(), BASE)).isEmpty();
    }

    @Test
    void refusesASymbolicLinkLeadingOutOfTheArchive() throws IOException {
        Files.createSymbolicLink(archive.resolve("s2/link.SAFE"), dir.resolve("outside.SAFE"));

        assertThat(product("/eodata/s2/link.SAFE")).isEmpty();
    }

    @Test
    void stillResolvesOnlyFilesForOtherInputs() {
        assertThat(references.resolve(BASE + "/eodata/s2/" + safe.getFileName(), BASE)).isEmpty();
        assertThat(references.resolve(BASE + "/eodata/s2/" + safe.getFileName() + "/manifest.safe", BASE))
                .contains(safe.resolve("manifest.safe"));
    }
}
