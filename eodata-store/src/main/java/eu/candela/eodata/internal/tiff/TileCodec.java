package eu.candela.eodata.internal.tiff;

import eu.candela.eodata.raster.RasterFormatException;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.Deflater;

/**
 * Encodes and decodes the full square tiles of a COG being written (little endian, all bands
 * interleaved). Holds a Deflater, so one instance serves one thread.
 */
public final class TileCodec implements AutoCloseable {
    private final BlockFormat format;
    private final Deflater deflater = new Deflater(6);
    private final float fill;

    /**
     * @param compression TIFF compression code (1 or 8)
     * @param fill        value of pixels no one wrote: nodata, or 0
     */
    public TileCodec(int tileSize, int bands, SampleKind kind, int compression, float fill) {
        int predictor = compression == TiffTags.COMPRESSION_NONE ? TiffTags.PREDICTOR_NONE
                : kind.isFloatingPoint() ? TiffTags.PREDICTOR_FLOATING_POINT : TiffTags.PREDICTOR_HORIZONTAL;
        this.format = new BlockFormat(tileSize, tileSize, bands, kind, ByteOrder.LITTLE_ENDIAN, compression, predictor);
        this.fill = kind.toStored(fill);
    }

    public BlockFormat format() { return format; }

    public int tileSize() { return format.width(); }

    public int bands() { return format.samplesPerPixel(); }

    public SampleKind kind() { return format.kind(); }

    /** The stored fill value. */
    public float fill() { return fill; }

    /** A tile buffer (tileSize² × bands samples) filled with the fill value. */
    public float[] emptyTile() {
        float[] tile = new float[format.sampleCount()];
        Arrays.fill(tile, fill);
        return tile;
    }

    public byte[] encode(float[] interleaved) {
        return BlockCodec.encode(interleaved, format, deflater);
    }

    public float[] decode(byte[] stored) throws RasterFormatException {
        return BlockCodec.decode(stored, format, "spooled tile");
    }

    @Override
    public void close() {
        deflater.end();
    }
}
