package eu.candela.ows.wms;

import eu.candela.ows.testing.ExternalTools;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** OWSLib's WebMapService 1.1.1 and 1.3.0, run by Debian's Python, lists the published COG and fetches and decodes a map of it;
 * GDAL opens the service and reads a window. */
class OwsLibWmsClientTest extends WmsServerTestBase {

    @Test
    void owslibListsTheLayerAndFetchesMapsInBothVersions() throws IOException, InterruptedException {
        ExternalTools.requireOwsLib();
        Path script = Path.of("src/test/python/owslib_wms_client.py").toAbsolutePath();
        Path log = Files.createTempFile("owslib-wms", ".log");
        Process p = new ProcessBuilder(ExternalTools.DEBIAN_PYTHON.toString(), script.toString(), base(), WmsTestLayer.NAME)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = p.waitFor(120, TimeUnit.SECONDS);
        String output = Files.readString(log, StandardCharsets.UTF_8);
        if (!finished) p.destroyForcibly();
        System.out.println(output);
        assertThat(finished).as("OWSLib script finished").isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("7 passed, 0 failed");
    }
}
