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
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
