package eu.candela.wps.cli;

import static org.assertj.core.api.Assertions.assertThat;

import eu.candela.wps.jobdir.EoArchive;
import eu.candela.wps.jobdir.FileValue;
import eu.candela.wps.jobdir.JobDirectory;
import eu.candela.wps.jobdir.JobInputs;
import eu.candela.wps.jobdir.LiteralValue;
import eu.candela.wps.samples.SamplePair;
import eu.candela.wps.samples.SamplePairGenerator;
import eu.candela.wps.spi.ProcessRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eodata:} inputs found under the archive root each runtime gives: in-process (the local launcher)
 * and through {@code CANDELA_EODATA} (the CLI in a pod), wherever the archive is mounted.
 */
class EoArchiveInputsTest {
    @TempDir
    static Path root;
    static Path archive;
    static SamplePair pair;

    @BeforeAll
    static void archive() throws Exception {
        archive = root.resolve("mounted-elsewhere/eodata");
        pair = SamplePairGenerator.generate(archive.resolve("samples"), 64, 5);
    }

    private static JobDirectory job(String name) throws Exception {
        JobDirectory job = new JobDirectory(root.resolve(name)).create();
        job.writeInputs(new JobInputs("ChangeDetection", Map.of(
                "before", List.of(new FileValue(EoArchive.reference(archive.relativize(pair.before())), null)),
                "after", List.of(new FileValue(EoArchive.reference(archive.relativize(pair.after())), null)),
                "iterations", List.of(new LiteralValue("2")))));
        return job;
    }

    @Test
    void aRunnerGivenTheArchiveInProcessFindsTheInputs() throws Exception {
        JobDirectory job = job("in-process");

        int exit = new ProcessRunner(ProcessRegistry.discover(), new EoArchive(archive)).run("ChangeDetection", job.root(), () -> false);

        assertThat(exit).as(job.readStatus().orElseThrow().message()).isEqualTo(ProcessRunner.SUCCEEDED);
    }

    @Test
    void theCliFindsTheArchiveThroughItsEnvironment() throws Exception {
        JobDirectory job = job("cli");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ProcessCli cli = new ProcessCli(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(EoArchive.ROOT_VARIABLE, archive.toString()));

        int exit = cli.execute(new String[] {"run", "ChangeDetection", job.root().toString()});

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(ProcessRunner.SUCCEEDED);
    }

    @Test
    void aRuntimeWithoutArchiveRefusesTheInputNamingIt() throws Exception {
        JobDirectory job = job("no-archive");

        int exit = new ProcessRunner(ProcessRegistry.discover()).run("ChangeDetection", job.root(), () -> false);

        assertThat(exit).isEqualTo(ProcessRunner.FAILED);
        assertThat(job.readStatus().orElseThrow().message()).startsWith("Input 'before'")
                .contains("in the EO archive").contains("CANDELA_EODATA is not set");
    }

    @Test
    void aReferenceOutOfTheArchiveIsRefusedNamingTheInput() throws Exception {
        JobDirectory job = job("escape");
        job.writeInputs(job.readInputs().with("before", new FileValue("eodata:../../escape.tif", null)));

        int exit = new ProcessRunner(ProcessRegistry.discover(), new EoArchive(archive)).run("ChangeDetection", job.root(), () -> false);

        assertThat(exit).isEqualTo(ProcessRunner.FAILED);
        assertThat(job.readStatus().orElseThrow().message()).startsWith("Input 'before'").contains("not a path inside the EO archive");
    }
}
