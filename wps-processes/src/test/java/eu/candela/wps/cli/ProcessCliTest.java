package eu.candela.wps.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessCliTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ProcessCli cli = new ProcessCli(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void listsProcessIdsAndTitles() {
        assertThat(cli.execute(new String[] {"list"})).isZero();
        assertThat(out()).contains("ChangeDetection\tOptical change detection (IR-MAD)").contains("Hello\tSay hello");
    }

    @Test
    void describesAProcessAsJson() {
        assertThat(cli.execute(new String[] {"describe", "Hello"})).isZero();
        assertThat(out()).contains("\"id\" : \"Hello\"").contains("\"response\"");
    }

    @Test
    void failsDescribeOfUnknownProcess() {
        assertThat(cli.execute(new String[] {"describe", "Nope"})).isEqualTo(ProcessRunner.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown process 'Nope'");
    }

    @Test
    void answersUsageErrorForUnknownCommand() {
        assertThat(cli.execute(new String[] {"frobnicate"})).isEqualTo(ProcessCli.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage:");
    }

    @Test
    void writesTheSamplePair(@TempDir Path dir) {
        assertThat(cli.execute(new String[] {"sample", dir.toString(), "64"})).isZero();
        assertThat(dir.resolve("bordeaux_2017-04-19.tif")).isRegularFile();
        assertThat(dir.resolve("bordeaux_2017-04-29.tif")).isRegularFile();
        assertThat(dir.resolve("bordeaux_change_truth.tif")).isRegularFile();
    }

    @Test
    void runsAJobAndEchoesProgress(@TempDir Path dir) throws Exception {
        new eu.candela.wps.jobdir.JobDirectory(dir).writeInputs(new eu.candela.wps.jobdir.JobInputs("Hello",
                java.util.Map.of("name", java.util.List.of(new eu.candela.wps.jobdir.LiteralValue("CLI")))));

        assertThat(cli.execute(new String[] {"run", "Hello", dir.toString()})).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("[100%] succeeded");
    }
}
