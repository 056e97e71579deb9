package eu.candela.eodata.jpeg2000;

import com.github.jaiimageio.jpeg2000.impl.J2KImageReader;
import com.github.jaiimageio.jpeg2000.impl.J2KImageReaderSpi;
import eu.candela.eodata.raster.RasterFormatException;
import java.awt.image.Raster;
import java.awt.image.RenderedImage;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Reads windows of a JPEG 2000 image (JP2 file or raw codestream), tile by tile.
 *
 * <p>Only the codestream tiles a window touches are decoded. Decoded tiles are kept in a
 * least-recently-used cache of two tile rows, so windows no taller than a tile, swept row by row,
 * decode every tile once even when a window row straddles two tile rows; memory grows with the
 * image width, never with its area (a 10980-pixel wide UInt16 band in 1024-pixel tiles: at most
 * 22 tiles, 46 MB). Sample values are the decoded integers, exact for lossless files.
 *
 * <p>Not thread-safe: use one reader per thread (readers of different files run in parallel).
 */
public final class Jp2Reader implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private final J2KImageReader decoder;
    private final RenderedImage image;
    private final Map<Long, Raster> tiles;
    private long decodedTiles;

    private Jp2Reader(Path file, FileChannel channel, J2KImageReader decoder, RenderedImage image) {
        this.file = file;
        this.channel = channel;
        this.decoder = decoder;
        this.image = image;
        int capacity = 2 * image.getNumXTiles();
        this.tiles = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Raster> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * Opens {@code file} and reads its main header.
     *
     * @throws RasterFormatException when the file is not JPEG 2000 or its header is broken
     */
    public static Jp2Reader open(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            Codestream codestream = Codestream.locate(channel);
            J2KImageReader decoder = new J2KImageReader(new J2KImageReaderSpi());
            decoder.setInput(new CodestreamInput(channel, codestream), true, true);
            RenderedImage image = decoder.readAsRenderedImage(0, decoder.getDefaultReadParam());
            return new Jp2Reader(file, channel, decoder, image);
        } catch (RasterFormatException e) {
            channel.close();
            throw new RasterFormatException(file.getFileName() + ": " + e.getMessage(), e);
        } catch (VirtualMachineError e) {
            channel.close();
            throw e;
        } catch (IOException | RuntimeException | Error e) {
            // JJ2000 reports a broken codestream with RuntimeException or even Error.
            channel.close();
            throw new RasterFormatException(file.getFileName() + ": cannot decode the JPEG 2000 header: " + e.getMessage(), e);
        }
    }

    public int width() { return image.getWidth(); }

    public int height() { return image.getHeight(); }

    /** Number of components (bands). */
    public int bandCount() { return image.getSampleModel().getNumBands(); }

    public int tileWidth() { return image.getTileWidth(); }

    public int tileHeight() { return image.getTileHeight(); }

    /** Codestream tiles decoded so far (a tile evicted from the cache and read again counts twice). */
    public long decodedTiles() { return decodedTiles; }

    /**
     * The samples of component {@code band} in the window, row by row.
     *
     * @throws IllegalArgumentException when the window is empty or not inside the image
     * @throws RasterFormatException    when a tile cannot be decoded
     */
    public int[] read(int x, int y, int width, int height, int band) throws IOException {
        if (width < 1 || height < 1 || x < 0 || y < 0 || x + width > width() || y + height > height()) {
            throw new IllegalArgumentException("window x=" + x + " y=" + y + " " + width + " x " + height
                    + " is not inside the " + width() + " x " + height() + " image " + file.getFileName());
        }
        if (band < 0 || band >= bandCount()) {
            throw new IllegalArgumentException("band " + band + " is not in 0.." + (bandCount() - 1));
        }
        int[] samples = new int[width * height];
        int tw = tileWidth(), th = tileHeight();
        int ox = image.getTileGridXOffset(), oy = image.getTileGridYOffset();
        for (int ty = Math.floorDiv(y - oy, th); ty <= Math.floorDiv(y + height - 1 - oy, th); ty++) {
            for (int tx = Math.floorDiv(x - ox, tw); tx <= Math.floorDiv(x + width - 1 - ox, tw); tx++) {
                Raster tile = tile(tx, ty);
                int x0 = Math.max(x, tile.getMinX()), x1 = Math.min(x + width, tile.getMinX() + tile.getWidth());
                int y0 = Math.max(y, tile.getMinY()), y1 = Math.min(y + height, tile.getMinY() + tile.getHeight());
                int[] row = new int[x1 - x0];
                for (int r = y0; r < y1; r++) {
                    tile.getSamples(x0, r, x1 - x0, 1, band, row);
                    System.arraycopy(row, 0, samples, (r - y) * width + (x0 - x), row.length);
                }
            }
        }
        return samples;
    }

    private Raster tile(int tx, int ty) throws IOException {
        long key = ((long) ty << 32) | (tx & 0xFFFFFFFFL);
        Raster tile = tiles.get(key);
        if (tile == null) {
            try {
                tile = image.getTile(tx, ty);
            } catch (VirtualMachineError e) {
                throw e;
            } catch (RuntimeException | Error e) {
                throw new RasterFormatException(file.getFileName() + ": cannot decode tile (" + tx + ", " + ty + "): " + e, e);
            }
            decodedTiles++;
            tiles.put(key, tile);
        }
        return tile;
    }

    @Override
    public void close() throws IOException {
        tiles.clear();
        decoder.dispose();
        channel.close();
    }
}
