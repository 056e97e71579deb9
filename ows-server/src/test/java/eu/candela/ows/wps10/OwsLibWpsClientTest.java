package eu.candela.ows.wps10;

import eu.candela.ows.testing.ExternalTools;
import eu.candela.ows.testing.ServerTestBase;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** OWSLib, run by Debian's Python, does what a notebook user does: list, describe, execute sync and async, read outputs. */
class OwsLibWpsClientTest extends ServerTestBase {

    @Test
    void owslibListsDescribesExecutesAndReadsOutputs() throws IOException, InterruptedException {
        ExternalTools.requireOwsLib();
        Path script = Path.of("src/test/python/owslib_wps_client.py").toAbsolutePath();
        Path log = java.nio.file.Files.createTempFile("owslib", ".log");
        Process p = new ProcessBuilder(ExternalTools.DEBIAN_PYTHON.toString(), script.toString(), base())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = p.waitFor(240, TimeUnit.SECONDS);
        String output = java.nio.file.Files.readString(log, StandardCharsets.UTF_8);
        if (!finished) p.destroyForcibly();
        System.out.println(output);
        assertThat(finished).as("OWSLib script finished").isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("0 failed");
    }
}
