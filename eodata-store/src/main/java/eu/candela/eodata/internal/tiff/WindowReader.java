package eu.candela.eodata.internal.tiff;

import eu.candela.eodata.raster.RasterBlock;
import eu.candela.eodata.raster.RasterFormatException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Reads a window of one image (full resolution or an overview) by decoding only the blocks it
 * touches. Stateless apart from immutable fields, so any number of threads may read at once.
 */
public final class WindowReader {
    private final FileBytes file;
    private final ImageLayout layout;
    private final float fill;

    /** @param fill the value of blocks the file leaves out (sparse tiles): the nodata value, or 0 */
    public WindowReader(FileBytes file, ImageLayout layout, float fill) {
        this.file = file;
        this.layout = layout;
        this.fill = fill;
    }

    public ImageLayout layout() { return layout; }

    /** All bands of the window, which must lie inside the image. */
    public RasterBlock read(int x, int y, int width, int height) throws IOException {
        if (x < 0 || y < 0 || width < 1 || height < 1 || (long) x + width > layout.width() || (long) y + height > layout.height()) {
            throw new IllegalArgumentException("window x=" + x + " y=" + y + " width=" + width + " height=" + height
                    + " is not inside the " + layout.width() + "x" + layout.height() + " image");
        }
        RasterBlock out = new RasterBlock(x, y, width, height, layout.samplesPerPixel());
        int bw = layout.blockWidth();
        int bh = layout.blockHeight();
        int planes = layout.planar() ? layout.samplesPerPixel() : 1;
        for (int by = y / bh; by <= (y + height - 1) / bh; by++) {
            int rowFrom = Math.max(y, by * bh) - by * bh;
            int rowTo = Math.min(y + height, by * bh + layout.rowsInBlock(by)) - by * bh;
            for (int bx = x / bw; bx <= (x + width - 1) / bw; bx++) {
                for (int plane = 0; plane < planes; plane++) {
                    Rows rows = decode(layout.blockIndex(plane, bx, by), by, rowFrom, rowTo);
                    copy(rows, plane, bx * bw, by * bh, rowFrom, rowTo, out);
                }
            }
        }
        return out;
    }

    /** Decoded rows of a block: samples of rows firstRow.. in block-width rows, interleaved. */
    private record Rows(float[] samples, int firstRow) {
    }

    private Rows decode(int index, int by, int rowFrom, int rowTo) throws IOException {
        long offset = layout.offset(index);
        long byteCount = layout.byteCount(index);
        int spb = layout.samplesPerBlockPixel();
        String what = file.name() + ": block " + index;
        if (offset == 0 || byteCount == 0) {
            float[] samples = new float[layout.blockWidth() * (rowTo - rowFrom) * spb];
            Arrays.fill(samples, fill);
            return new Rows(samples, rowFrom);
        }
        if (layout.compression() == TiffTags.COMPRESSION_NONE) {
            // Uncompressed: read just the rows needed, so a single-strip image of any size stays cheap.
            long rowBytes = (long) layout.blockWidth() * spb * layout.kind().bytes();
            long want = rowBytes * (rowTo - rowFrom);
            if (rowBytes * rowTo > byteCount) {
                throw new RasterFormatException(what + " holds " + byteCount
                        + " bytes, fewer than its " + rowTo + " rows need (" + rowBytes * rowTo + ")");
            }
            ByteBuffer buffer = file.read(offset + rowBytes * rowFrom, want, what);
            return new Rows(BlockCodec.toFloats(buffer, layout.kind(), (int) (want / layout.kind().bytes())), rowFrom);
        }
        ByteBuffer stored = file.read(offset, byteCount, what);
        BlockFormat format = new BlockFormat(layout.blockWidth(), layout.rowsInBlock(by), spb, layout.kind(), file.order(),
                layout.compression(), layout.predictor());
        return new Rows(BlockCodec.decode(stored.array(), format, what), 0);
    }

    private void copy(Rows rows, int plane, int blockX, int blockY, int rowFrom, int rowTo, RasterBlock out) {
        int spb = layout.samplesPerBlockPixel();
        int bw = layout.blockWidth();
        int colFrom = Math.max(out.x(), blockX);
        int colTo = Math.min(out.x() + out.width(), blockX + bw);
        for (int r = rowFrom; r < rowTo; r++) {
            int sourceRow = (r - rows.firstRow()) * bw;
            int targetRow = (blockY + r - out.y()) * out.width();
            for (int s = 0; s < spb; s++) {
                float[] band = out.band(layout.planar() ? plane : s);
                for (int col = colFrom; col < colTo; col++) {
                    band[targetRow + col - out.x()] = rows.samples()[(sourceRow + col - blockX) * spb + s];
                }
            }
        }
    }
}
