package eu.candela.eodata.jpeg2000;

import com.github.jaiimageio.jpeg2000.J2KImageWriteParam;
import com.github.jaiimageio.jpeg2000.impl.J2KImageWriter;
import com.github.jaiimageio.jpeg2000.impl.J2KImageWriterSpi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import javax.imageio.IIOImage;
import javax.imageio.ImageWriteParam;
import javax.imageio.stream.FileImageOutputStream;

/**
 * Writes lossless JP2 files: reversible 5/3 wavelet, no component transform (bands stay
 * independent, as in Sentinel-2 masks), square tiles, samples pulled from a {@link TileSource}
 * tile by tile. Values read back exactly with {@link Jp2Reader}, GDAL and OpenJPEG.
 *
 * <p>The encoder keeps the compressed code blocks of the whole image until it writes the file
 * (about the size of the output), but never the uncompressed image.
 *
 * <p>JJ2000's encoder is not lossless in every configuration: with five wavelet levels on tiles of
 * 64 pixels or less (a lowest band of 2 x 2 or smaller) whole tiles come back with a smooth error,
 * in GDAL and OpenJPEG too, and two encoders running at once in one JVM corrupt each other. So the
 * number of levels leaves the lowest band at least 8 pixels wide, callers write one file at a time,
 * and every file is decoded again and compared with its source before it gets its name: a file
 * that is not exact is an error, never a silent loss.
 */
public final class Jp2Writer {
    private Jp2Writer() {
    }

    /**
     * Writes {@code target} (replaced atomically when done).
     *
     * @param bands    number of components, 1 or more
     * @param bitDepth 8 (Byte) or 16 (UInt16) bits per sample
     * @param tileSize codestream tile side in pixels
     */
    public static void writeLossless(Path target, int width, int height, int bands, int bitDepth, int tileSize,
                                     TileSource source) throws IOException {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(source, "source");
        if (width < 1 || height < 1 || bands < 1 || tileSize < 16) {
            throw new IllegalArgumentException("width, height, bands must be positive and tileSize at least 16: "
                    + width + " x " + height + ", " + bands + " bands, tiles " + tileSize);
        }
        LazyTiledImage image = new LazyTiledImage(width, height, bands, LazyTiledImage.dataType(bitDepth), tileSize, source);
        J2KImageWriter writer = new J2KImageWriter(new J2KImageWriterSpi());
        J2KImageWriteParam param = (J2KImageWriteParam) writer.getDefaultWriteParam();
        param.setLossless(true);
        param.setFilter(J2KImageWriteParam.FILTER_53);
        param.setNumDecompositionLevels(decompositionLevels(tileSize));
        param.setComponentTransformation(false);
        param.setTilingMode(ImageWriteParam.MODE_EXPLICIT);
        param.setTiling(tileSize, tileSize, 0, 0);
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        try (FileImageOutputStream out = new FileImageOutputStream(partial.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (UncheckedIOException e) {
            Files.deleteIfExists(partial);
            throw e.getCause();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        } finally {
            writer.dispose();
        }
        try {
            verify(partial, width, height, bands, tileSize, source);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Wavelet levels leaving a lowest band of at least 8 pixels per tile side, at most 5 (Sentinel-2 uses 5). */
    static int decompositionLevels(int tileSize) {
        int log2 = 31 - Integer.numberOfLeadingZeros(tileSize);
        return Math.max(1, Math.min(5, log2 - 3));
    }

    /** Decodes {@code file} tile row by tile row and compares every sample with {@code source}. */
    private static void verify(Path file, int width, int height, int bands, int tileSize, TileSource source) throws IOException {
        try (Jp2Reader reader = Jp2Reader.open(file)) {
            for (int y = 0; y < height; y += tileSize) {
                for (int x = 0; x < width; x += tileSize) {
                    int w = Math.min(tileSize, width - x), h = Math.min(tileSize, height - y);
                    for (int b = 0; b < bands; b++) {
                        if (!java.util.Arrays.equals(reader.read(x, y, w, h, b), source.samples(x, y, w, h, b))) {
                            throw new IOException("the JPEG 2000 encoder did not reproduce band " + b + " of the tile at x=" + x
                                    + " y=" + y + " of " + file.getFileName() + " exactly; the file is not lossless");
                        }
                    }
                }
            }
        }
    }
}
