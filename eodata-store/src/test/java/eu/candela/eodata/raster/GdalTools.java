package eu.candela.eodata.raster;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The one place tests find and run GDAL (Debian {@code gdal-bin} and {@code python3-gdal}). Without
 * them GDAL tests are skipped, unless the system property {@code candela.requireExternalTools} is
 * true (CI), where they fail naming the packages to install.
 */
final class GdalTools {
    /** Debian's interpreter: the first python3 on the PATH may be another one without osgeo. */
    static final String PYTHON = "/usr/bin/python3";
    private static final long TIMEOUT_SECONDS = 120;
    private static Boolean available;

    /** The result of one command. */
    record Result(int exitCode, String stdout, String stderr) {
    }

    private GdalTools() {
    }

    /** Skips (or, when tools are required, fails) the calling test unless GDAL and its Python bindings work. */
    static synchronized void assumeGdal() {
        if (available == null) {
            available = works("gdalinfo", "--version") && works("gdal_translate", "--version")
                    && works(PYTHON, "-c", "from osgeo import gdal; import osgeo_utils.samples.validate_cloud_optimized_geotiff");
        }
        if (!available) {
            String message = "GDAL is not available: install the Debian packages gdal-bin and python3-gdal";
            if (Boolean.parseBoolean(System.getProperty("candela.requireExternalTools", "false"))) {
                fail(message + " (candela.requireExternalTools=true)");
            }
            assumeTrue(false, message);
        }
    }

    /** Runs a command, failing the test with its stderr when it exits non-zero. */
    static String run(String... command) {
        Result result = exec(null, command);
        if (result.exitCode() != 0) {
            fail(String.join(" ", command) + " exited with " + result.exitCode() + ":\n" + result.stderr() + result.stdout());
        }
        return result.stdout();
    }

    static Result exec(String stdin, String... command) {
        try {
            Process process = new ProcessBuilder(command).start();
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(process.getErrorStream()));
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> drain(process.getInputStream()));
            try (OutputStream in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail(String.join(" ", command) + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            return new Result(process.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code gdal_translate} with the given creation options. */
    static void translate(Path source, Path target, String... options) {
        List<String> command = new ArrayList<>(List.of("gdal_translate", "-q"));
        command.addAll(Arrays.asList(options));
        command.add(source.toString());
        command.add(target.toString());
        run(command.toArray(String[]::new));
    }

    /**
     * What GDAL sees in {@code file} (see gdal_describe.py): keys such as epsg, geotransform, nodata,
     * description.N, metadata.KEY, layout, overviews, sum.N, window.N.
     */
    static Map<String, String> describe(Path file, int x, int y, int width, int height) {
        String script = resource("gdal_describe.py");
        String stdout = run(PYTHON, "-c", script, file.toString(), Integer.toString(x), Integer.toString(y),
                Integer.toString(width), Integer.toString(height));
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : stdout.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return values;
    }

    static double[] doubles(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    private static boolean works(String... command) {
        try {
            return exec(null, command).exitCode() == 0;
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    private static String resource(String name) {
        try (InputStream in = GdalTools.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String drain(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
