package eu.candela.ows.wps10;

import eu.candela.ows.testing.ExternalTools;
import eu.candela.ows.testing.ServerTestBase;
import eu.candela.ows.testing.ToolRun;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** OWSLib, run by Debian's Python, does what a notebook user does: list, describe, execute sync and async, read outputs. */
class OwsLibWpsClientTest extends ServerTestBase {

    @Test
    void owslibListsDescribesExecutesAndReadsOutputs() throws IOException, InterruptedException {
        ExternalTools.requireOwsLib();
        Path script = Path.of("src/test/python/owslib_wps_client.py").toAbsolutePath();
        ToolRun run = ToolRun.python(Duration.ofSeconds(240), script, base());
        System.out.println(run.output());
        assertThat(run.exitCode()).as(run.output()).isZero();
        String output = run.output();
        assertThat(output).contains("0 failed");
    }
}
