package eu.candela.eodata.internal.tiff;

import eu.candela.eodata.raster.RasterFormatException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.Deflater;

/** Turns the stored bytes of one block into float samples and back: compression, predictor, sample type. */
public final class BlockCodec {

    private BlockCodec() {
    }

    /** Decodes a stored block into {@code f.sampleCount()} interleaved samples. */
    public static float[] decode(byte[] stored, BlockFormat f, String what) throws RasterFormatException {
        byte[] raw = Decompression.decompress(f.compression(), stored, f.byteCount(), what);
        Predictors.undo(f.predictor(), raw, f);
        return toFloats(raw, 0, f.kind(), f.order(), f.sampleCount());
    }

    /** Reads {@code count} samples of the buffer, from its position, in its byte order. */
    public static float[] toFloats(ByteBuffer buffer, SampleKind kind, int count) {
        return toFloats(buffer.array(), buffer.arrayOffset() + buffer.position(), kind, buffer.order(), count);
    }

    private static float[] toFloats(byte[] raw, int offset, SampleKind kind, ByteOrder order, int count) {
        float[] out = new float[count];
        boolean be = order == ByteOrder.BIG_ENDIAN;
        switch (kind) {
            case UINT8 -> { for (int i = 0; i < count; i++) { out[i] = raw[offset + i] & 0xFF; } }
            case INT8 -> { for (int i = 0; i < count; i++) { out[i] = raw[offset + i]; } }
            case UINT16 -> { for (int i = 0; i < count; i++) { out[i] = Words.getShort(raw, offset + 2 * i, be) & 0xFFFF; } }
            case INT16 -> { for (int i = 0; i < count; i++) { out[i] = Words.getShort(raw, offset + 2 * i, be); } }
            case UINT32 -> { for (int i = 0; i < count; i++) { out[i] = Words.getInt(raw, offset + 4 * i, be) & 0xFFFFFFFFL; } }
            case INT32 -> { for (int i = 0; i < count; i++) { out[i] = Words.getInt(raw, offset + 4 * i, be); } }
            case FLOAT32 -> { for (int i = 0; i < count; i++) { out[i] = Float.intBitsToFloat(Words.getInt(raw, offset + 4 * i, be)); } }
            case FLOAT64 -> {
                for (int i = 0; i < count; i++) {
                    out[i] = (float) Double.longBitsToDouble(Words.getLong(raw, offset + 8 * i, be));
                }
            }
        }
        return out;
    }

    /**
     * Encodes {@code f.sampleCount()} interleaved samples, which must already be
     * {@linkplain SampleKind#toStored stored values}.
     */
    public static byte[] encode(float[] samples, BlockFormat f, Deflater deflater) {
        byte[] raw = new byte[f.byteCount()];
        boolean be = f.order() == ByteOrder.BIG_ENDIAN;
        int n = f.sampleCount();
        switch (f.kind()) {
            case UINT8, INT8 -> { for (int i = 0; i < n; i++) { raw[i] = (byte) (int) samples[i]; } }
            case UINT16, INT16 -> { for (int i = 0; i < n; i++) { Words.setShort(raw, 2 * i, (short) (int) samples[i], be); } }
            case UINT32 -> { for (int i = 0; i < n; i++) { Words.setInt(raw, 4 * i, (int) (long) samples[i], be); } }
            case INT32 -> { for (int i = 0; i < n; i++) { Words.setInt(raw, 4 * i, (int) samples[i], be); } }
            case FLOAT32 -> { for (int i = 0; i < n; i++) { Words.setInt(raw, 4 * i, Float.floatToRawIntBits(samples[i]), be); } }
            case FLOAT64 -> { for (int i = 0; i < n; i++) { Words.setLong(raw, 8 * i, Double.doubleToRawLongBits(samples[i]), be); } }
        }
        Predictors.apply(f.predictor(), raw, f);
        return f.compression() == TiffTags.COMPRESSION_NONE ? raw : Decompression.deflate(raw, raw.length, deflater);
    }
}
