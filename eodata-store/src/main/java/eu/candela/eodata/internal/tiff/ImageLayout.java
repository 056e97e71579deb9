package eu.candela.eodata.internal.tiff;

import eu.candela.eodata.raster.RasterFormatException;
import eu.candela.eodata.raster.UnsupportedRasterException;
import java.io.IOException;

/**
 * The pixel layout of one IFD: size, blocks (tiles or strips), sample encoding, compression and where
 * each block lies. Validated against the file so that later reads can trust it. Immutable.
 */
public final class ImageLayout {

    /** Largest decoded compressed block accepted: far above real tiles and strips, far below the heap. */
    static final long MAX_DECODED_BLOCK_BYTES = 256L << 20;

    private final int width;
    private final int height;
    private final int blockWidth;
    private final int blockHeight;
    private final boolean tiled;
    private final int samplesPerPixel;
    private final SampleKind kind;
    private final int compression;
    private final int predictor;
    private final boolean planar;
    private final long[] offsets;
    private final long[] byteCounts;

    private ImageLayout(Ifd ifd, FileBytes file) throws IOException {
        String where = file.name() + ": IFD at byte " + ifd.offset() + ": ";
        width = dimension(ifd.required(TiffTags.IMAGE_WIDTH, "ImageWidth"), "ImageWidth", where);
        height = dimension(ifd.required(TiffTags.IMAGE_LENGTH, "ImageLength"), "ImageLength", where);
        long spp = ifd.single(TiffTags.SAMPLES_PER_PIXEL, 1);
        if (spp < 1 || spp > 65535) {
            throw new RasterFormatException(where + "SamplesPerPixel " + spp + " is out of range");
        }
        samplesPerPixel = (int) spp;
        try {
            kind = SampleKind.fromTiff(uniform(ifd.longs(TiffTags.BITS_PER_SAMPLE), 1, "BitsPerSample", where),
                    uniform(ifd.longs(TiffTags.SAMPLE_FORMAT), 1, "SampleFormat", where));
        } catch (UnsupportedRasterException e) {
            throw new UnsupportedRasterException(where + e.getMessage());
        }
        compression = (int) ifd.single(TiffTags.COMPRESSION, TiffTags.COMPRESSION_NONE);
        checkCompression(compression, where);
        predictor = compression == TiffTags.COMPRESSION_NONE ? TiffTags.PREDICTOR_NONE
                : (int) ifd.single(TiffTags.PREDICTOR, TiffTags.PREDICTOR_NONE);
        checkPredictor(where);
        long planarConfiguration = ifd.single(TiffTags.PLANAR_CONFIGURATION, 1);
        if (planarConfiguration != 1 && planarConfiguration != 2) {
            throw new RasterFormatException(where + "PlanarConfiguration " + planarConfiguration + " is invalid");
        }
        planar = planarConfiguration == 2 && samplesPerPixel > 1;
        tiled = ifd.has(TiffTags.TILE_WIDTH) || ifd.has(TiffTags.TILE_OFFSETS);
        if (tiled) {
            blockWidth = dimension(ifd.required(TiffTags.TILE_WIDTH, "TileWidth"), "TileWidth", where);
            blockHeight = dimension(ifd.required(TiffTags.TILE_LENGTH, "TileLength"), "TileLength", where);
        } else {
            blockWidth = width;
            long rowsPerStrip = ifd.single(TiffTags.ROWS_PER_STRIP, Integer.MAX_VALUE);
            if (rowsPerStrip < 1) {
                throw new RasterFormatException(where + "RowsPerStrip " + rowsPerStrip + " is invalid");
            }
            blockHeight = (int) Math.min(rowsPerStrip, height);
        }
        long expected = (long) blocksAcross() * blocksDown() * (planar ? samplesPerPixel : 1);
        String offsetsName = tiled ? "TileOffsets" : "StripOffsets";
        String countsName = tiled ? "TileByteCounts" : "StripByteCounts";
        if (!ifd.has(tiled ? TiffTags.TILE_OFFSETS : TiffTags.STRIP_OFFSETS)) {
            throw new RasterFormatException(where + "required TIFF tag " + offsetsName + " is missing");
        }
        if (!ifd.has(tiled ? TiffTags.TILE_BYTE_COUNTS : TiffTags.STRIP_BYTE_COUNTS)) {
            throw new RasterFormatException(where + "required TIFF tag " + countsName + " is missing");
        }
        offsets = ifd.longs(tiled ? TiffTags.TILE_OFFSETS : TiffTags.STRIP_OFFSETS);
        byteCounts = ifd.longs(tiled ? TiffTags.TILE_BYTE_COUNTS : TiffTags.STRIP_BYTE_COUNTS);
        if (offsets.length < expected || byteCounts.length < expected) {
            throw new RasterFormatException(where + "a " + width + "x" + height + " image in blocks of " + blockWidth + "x"
                    + blockHeight + " needs " + expected + " blocks, but " + offsetsName + " has " + offsets.length
                    + " and " + countsName + " " + byteCounts.length + " entries");
        }
        for (int i = 0; i < expected; i++) {
            if (offsets[i] < 0 || byteCounts[i] < 0 || offsets[i] > file.size() || byteCounts[i] > file.size() - offsets[i]) {
                throw new RasterFormatException(where + "block " + i + " (bytes " + offsets[i] + ".." + (offsets[i] + byteCounts[i])
                        + ") lies beyond the end of the file (" + file.size() + " bytes); the file is truncated or corrupt");
            }
        }
        if (compression != TiffTags.COMPRESSION_NONE && blockBytes(blockHeight) > MAX_DECODED_BLOCK_BYTES) {
            throw new UnsupportedRasterException(where + "compressed blocks of " + blockBytes(blockHeight)
                    + " bytes exceed the supported maximum of " + MAX_DECODED_BLOCK_BYTES);
        }
    }

    /** Parses and validates the layout of {@code ifd}. */
    public static ImageLayout of(Ifd ifd, FileBytes file) throws IOException {
        return new ImageLayout(ifd, file);
    }

    public int width() { return width; }

    public int height() { return height; }

    public int blockWidth() { return blockWidth; }

    public int blockHeight() { return blockHeight; }

    public boolean tiled() { return tiled; }

    public int samplesPerPixel() { return samplesPerPixel; }

    public SampleKind kind() { return kind; }

    public int compression() { return compression; }

    public int predictor() { return predictor; }

    public boolean planar() { return planar; }

    public int blocksAcross() { return (int) (((long) width + blockWidth - 1) / blockWidth); }

    public int blocksDown() { return (int) (((long) height + blockHeight - 1) / blockHeight); }

    /** Samples per pixel inside one block: all of them when chunky, one when planar. */
    public int samplesPerBlockPixel() { return planar ? 1 : samplesPerPixel; }

    /** Rows stored in block row {@code by}: strips are clipped at the bottom of the image, tiles are not. */
    public int rowsInBlock(int by) {
        return tiled ? blockHeight : Math.min(blockHeight, height - by * blockHeight);
    }

    public int blockIndex(int plane, int bx, int by) {
        return (plane * blocksDown() + by) * blocksAcross() + bx;
    }

    public long offset(int blockIndex) { return offsets[blockIndex]; }

    public long byteCount(int blockIndex) { return byteCounts[blockIndex]; }

    /** Decoded size of a block of {@code rows} rows. */
    public long blockBytes(int rows) {
        return (long) blockWidth * rows * samplesPerBlockPixel() * kind.bytes();
    }

    private static int dimension(long value, String name, String where) throws RasterFormatException {
        if (value < 1 || value > Integer.MAX_VALUE - 8) {
            throw new RasterFormatException(where + name + " " + value + " is outside the supported range 1.." + (Integer.MAX_VALUE - 8));
        }
        return (int) value;
    }

    private static int uniform(long[] values, int defaultValue, String name, String where) throws IOException {
        if (values.length == 0) {
            return defaultValue;
        }
        for (long v : values) {
            if (v != values[0]) {
                throw new UnsupportedRasterException(where + "bands with different " + name + " are not supported");
            }
        }
        return (int) values[0];
    }

    private static void checkCompression(int code, String where) throws UnsupportedRasterException {
        switch (code) {
            case TiffTags.COMPRESSION_NONE, TiffTags.COMPRESSION_LZW, TiffTags.COMPRESSION_DEFLATE,
                    TiffTags.COMPRESSION_DEFLATE_OLD, TiffTags.COMPRESSION_PACKBITS -> { }
            default -> throw new UnsupportedRasterException(where + "unsupported compression " + TiffTags.compressionName(code)
                    + " (supported: NONE, LZW, DEFLATE, PACKBITS)");
        }
    }

    private void checkPredictor(String where) throws UnsupportedRasterException {
        boolean ok = switch (predictor) {
            case TiffTags.PREDICTOR_NONE -> true;
            case TiffTags.PREDICTOR_HORIZONTAL -> true;
            case TiffTags.PREDICTOR_FLOATING_POINT -> kind.isFloatingPoint();
            default -> false;
        };
        if (!ok) {
            throw new UnsupportedRasterException(where + "unsupported Predictor " + predictor + " for " + kind + " samples");
        }
    }
}
