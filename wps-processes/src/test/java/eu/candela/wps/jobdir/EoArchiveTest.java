package eu.candela.wps.jobdir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How inputs.json names the EO archive's files and folders, and how each runtime finds them again. */
class EoArchiveTest {
    private final EoArchive server = new EoArchive(Path.of("/srv/candela/data/eodata"));
    private final EoArchive pod = new EoArchive(Path.of("/eodata"));

    @Test
    void aFileOfTheArchiveIsNamedRelativeToItsRootAndFoundUnderAnotherRoot() {
        String reference = server.referenceOf(Path.of("/srv/candela/data/eodata/samples/a.tif")).orElseThrow();

        assertThat(reference).isEqualTo("eodata:samples/a.tif");
        assertThat(pod.resolve(reference)).isEqualTo(Path.of("/eodata/samples/a.tif"));
    }

    @Test
    void aProductFolderIsNamedLikeAFile() {
        Path safe = Path.of("/srv/candela/data/eodata/s2/S2A_MSIL2A_20170419T105651_N0204_R094_T30TXQ.SAFE");

        String reference = server.referenceOf(safe).orElseThrow();

        assertThat(reference).isEqualTo("eodata:s2/S2A_MSIL2A_20170419T105651_N0204_R094_T30TXQ.SAFE");
        assertThat(pod.resolve(reference)).isEqualTo(Path.of("/eodata/s2/S2A_MSIL2A_20170419T105651_N0204_R094_T30TXQ.SAFE"));
    }

    @Test
    void aFileOutsideTheArchiveHasNoReference() {
        assertThat(server.referenceOf(Path.of("/srv/candela/data/jobs/1/outputs/a.tif"))).isEmpty();
        assertThat(server.referenceOf(Path.of("/srv/candela/data/eodata/../jobs/a.tif"))).isEmpty();
        assertThat(server.referenceOf(Path.of("/srv/candela/data/eodata"))).as("the root itself").isEmpty();
    }

    @Test
    void aReferenceLeadingOutOfTheArchiveIsRefused() {
        assertThatThrownBy(() -> pod.resolve("eodata:../etc/passwd")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a path inside the EO archive");
        assertThatThrownBy(() -> pod.resolve("eodata:/etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> pod.resolve("eodata:")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EoArchive.reference(Path.of("../a.tif"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theEnvironmentVariableGivesTheRoot() {
        assertThat(EoArchive.fromEnvironment(Map.of("CANDELA_EODATA", "/eodata"))).contains(pod);
        assertThat(EoArchive.fromEnvironment(Map.of("CANDELA_EODATA", " "))).isEmpty();
        assertThat(EoArchive.fromEnvironment(Map.of())).isEmpty();
    }
}
