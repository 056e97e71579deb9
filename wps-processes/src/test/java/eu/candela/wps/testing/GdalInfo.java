package eu.candela.wps.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * {@code gdalinfo -json} of a file, from Debian's gdal-bin: the test skips without it, or fails when
 * {@code candela.requireExternalTools} is true (CI).
 */
public final class GdalInfo {
    private GdalInfo() {
    }

    public static JsonNode of(Path file) {
        try {
            Process p = new ProcessBuilder("gdalinfo", "-json", "-mdd", "all", file.toString()).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                fail("gdalinfo " + file + " failed: " + err);
            }
            return new ObjectMapper().readTree(out);
        } catch (IOException e) {
            String message = "gdalinfo is not available: install the Debian package gdal-bin (" + e.getMessage() + ")";
            if (Boolean.parseBoolean(System.getProperty("candela.requireExternalTools", "false"))) {
                fail(message);
            }
            assumeTrue(false, message);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
