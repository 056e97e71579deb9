package eu.candela.eodata.jpeg2000;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Writes lossless JP2 files with OpenJPEG's encoder ({@code opj_compress}, Debian
 * {@code libopenjp2-tools}), the faithful alternative to {@link Jp2Writer}: JJ2000's encoder
 * loses data on some tiles (see {@link Jp2Writer}), OpenJPEG's reversible 5/3 path does not (and
 * GDAL's JP2 driver is built on it). The samples are streamed strip by strip from the
 * {@link TileSource} into a temporary raw file next to the target (2 bytes per sample), so the
 * Java side never holds the image; {@code opj_compress} itself loads the raw image whole (about 4
 * bytes per sample), which is acceptable for a test-data tool, not for processing.
 */
public final class OpenJpegWriter {
    private static final String COMMAND = "opj_compress";

    private OpenJpegWriter() {
    }

    /** True when {@code opj_compress} runs on this machine. */
    public static boolean available() {
        try {
            Process p = new ProcessBuilder(COMMAND, "-h").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() <= 1;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** As {@link Jp2Writer#writeLossless}: tiled, reversible 5/3, bands independent. */
    public static void writeLossless(Path target, int width, int height, int bands, int bitDepth, int tileSize,
                                     TileSource source) throws IOException {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(source, "source");
        if (bitDepth != 8 && bitDepth != 16) throw new IllegalArgumentException("bitDepth must be 8 or 16, got " + bitDepth);
        Path raw = target.resolveSibling(target.getFileName() + ".rawl");
        Path partial = target.resolveSibling(target.getFileName() + ".part.jp2");
        try {
            writeRaw(raw, width, height, bands, bitDepth, tileSize, source);
            int resolutions = Jp2Writer.decompositionLevels(tileSize) + 1;
            List<String> command = List.of(COMMAND, "-i", raw.toString(), "-o", partial.toString(),
                    "-F", width + "," + height + "," + bands + "," + bitDepth + ",u",
                    "-t", tileSize + "," + tileSize, "-n", Integer.toString(resolutions));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(1, TimeUnit.HOURS) || p.exitValue() != 0 || !Files.isRegularFile(partial)) {
                throw new IOException(String.join(" ", command) + " failed: " + output.strip());
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while encoding " + target.getFileName(), e);
        } finally {
            Files.deleteIfExists(raw);
            Files.deleteIfExists(partial);
        }
    }

    /** Planar little-endian samples, component after component, as opj_compress reads {@code .rawl}. */
    private static void writeRaw(Path raw, int width, int height, int bands, int bitDepth, int strip, TileSource source)
            throws IOException {
        int bytes = bitDepth / 8;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(raw), 1 << 20)) {
            for (int b = 0; b < bands; b++) {
                for (int y = 0; y < height; y += strip) {
                    int h = Math.min(strip, height - y);
                    int[] samples = source.samples(0, y, width, h, b);
                    byte[] buffer = new byte[samples.length * bytes];
                    for (int i = 0; i < samples.length; i++) {
                        buffer[i * bytes] = (byte) samples[i];
                        if (bytes == 2) buffer[i * bytes + 1] = (byte) (samples[i] >>> 8);
                    }
                    out.write(buffer);
                }
            }
        }
    }
}
