package eu.candela.eodata.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Decodes JPEG 2000 with the reference implementations, GDAL ({@code gdal_translate}, Debian
 * {@code gdal-bin}) and OpenJPEG ({@code opj_decompress}, Debian {@code libopenjp2-tools}), to raw
 * little-endian samples. Skips the test when a tool is missing, or fails when
 * {@code candela.requireExternalTools} is true (CI).
 */
public final class ExternalDecoders {
    private ExternalDecoders() {
    }

    /** Band {@code band} (1-based) of {@code jp2} decoded by GDAL as UInt16 samples, row by row. */
    public static int[] gdal(Path jp2, int band, Path scratch) {
        require("gdal_translate", "--version");
        Path raw = scratch.resolve(jp2.getFileName() + ".b" + band + ".gdal.raw");
        run("gdal_translate", "-q", "-of", "ENVI", "-ot", "UInt16", "-b", Integer.toString(band), jp2.toString(), raw.toString());
        return uint16(raw);
    }

    /** Component {@code component} (0-based) of {@code jp2} decoded by OpenJPEG, row by row. */
    public static int[] openJpeg(Path jp2, int component, int components, int bitDepth, Path scratch) {
        require("opj_decompress", "-h");
        Path dir = scratch.resolve(jp2.getFileName() + ".opj");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // OpenJPEG writes one .rawl (little-endian raw) for all components, component after component.
        Path raw = dir.resolve("decoded.rawl");
        run("opj_decompress", "-quiet", "-i", jp2.toString(), "-o", raw.toString());
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int bytesPerSample = bitDepth > 8 ? 2 : 1;
        return samples(bytes, bytesPerSample, component, components);
    }

    /** Component {@code component} of planar raw samples (one component after the other). */
    private static int[] samples(byte[] bytes, int bytesPerSample, int component, int components) {
        int count = bytes.length / bytesPerSample / components;
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int[] samples = new int[count];
        int start = component * count * bytesPerSample;
        for (int i = 0; i < count; i++) {
            samples[i] = bytesPerSample == 2 ? buffer.getShort(start + 2 * i) & 0xFFFF : buffer.get(start + i) & 0xFF;
        }
        return samples;
    }

    private static int[] uint16(Path raw) {
        try {
            ByteBuffer buffer = ByteBuffer.wrap(Files.readAllBytes(raw)).order(ByteOrder.LITTLE_ENDIAN);
            int[] samples = new int[buffer.capacity() / 2];
            for (int i = 0; i < samples.length; i++) samples[i] = buffer.getShort() & 0xFFFF;
            return samples;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void require(String... probe) {
        boolean works;
        try {
            Process p = new ProcessBuilder(probe).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            works = p.waitFor(30, TimeUnit.SECONDS) && (p.exitValue() == 0 || p.exitValue() == 1);
        } catch (IOException e) {
            works = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            works = false;
        }
        if (!works) {
            String message = probe[0] + " is not available: install the Debian packages gdal-bin and libopenjp2-tools";
            if (Boolean.parseBoolean(System.getProperty("candela.requireExternalTools", "false"))) {
                fail(message + " (candela.requireExternalTools=true)");
            }
            assumeTrue(false, message);
        }
    }

    private static void run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
                fail(String.join(" ", command) + " failed:\n" + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted");
        }
    }
}
