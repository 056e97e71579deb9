package eu.candela.ows.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Real client tools the tests drive (Debian's /usr/bin/python3 with OWSLib). Absent tools skip
 * the test on a developer's machine, but fail it when {@code candela.requireExternalTools=true}
 * (CI), so a missing install step cannot hide behind a skip.
 */
public final class ExternalTools {
    public static final Path DEBIAN_PYTHON = Path.of("/usr/bin/python3");

    private ExternalTools() {}

    public static void requireOwsLib() {
        boolean present = Files.isExecutable(DEBIAN_PYTHON) && runs(DEBIAN_PYTHON.toString(), "-c", "import owslib");
        require(present, "Debian's /usr/bin/python3 with OWSLib (apt-get install python3-owslib; .ci/setup-test-tools.sh does it)");
    }

    public static void requireGdal() {
        require(runs("gdalinfo", "--version"), "GDAL's gdalinfo (apt-get install gdal-bin; .ci/setup-test-tools.sh does it)");
    }

    /** Debian's Chromium, driven headless for the web pages. */
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    public static void requireChromium() {
        require(Files.isExecutable(CHROMIUM) && runs(CHROMIUM.toString(), "--version"),
                "Debian's Chromium (apt-get install chromium; .ci/setup-test-tools.sh does it)");
    }

    public static void require(boolean present, String what) {
        if (present) return;
        if (Boolean.getBoolean("candela.requireExternalTools")) {
            throw new AssertionError("Required test tool missing: " + what);
        }
        Assumptions.assumeTrue(false, "skipped, not installed: " + what);
    }

    private static boolean runs(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
