package eu.candela.ows.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a real client tool (OWSLib script, gdalinfo, Chromium) to its end and keeps what it printed.
 *
 * @param exitCode the tool's exit code, -1 when it was killed after the timeout
 * @param output   stdout and stderr interleaved
 */
public record ToolRun(int exitCode, String output) {

    public static ToolRun run(Duration timeout, List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("candela-tool", ".log");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean finished = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            return new ToolRun(finished ? p.exitValue() : -1, Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    public static ToolRun python(Duration timeout, Path script, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(ExternalTools.DEBIAN_PYTHON.toString(), script.toString()));
        command.addAll(List.of(args));
        return run(timeout, command);
    }

    public boolean succeeded() {
        return exitCode == 0;
    }
}
