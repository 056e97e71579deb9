package eu.candela.eodata.internal.tiff;

import eu.candela.eodata.raster.RasterFormatException;
import java.nio.ByteBuffer;
import java.util.zip.Deflater;

/** Turns the stored bytes of one block into float samples and back: compression, predictor, sample type. */
public final class BlockCodec {

    private BlockCodec() {
    }

    /** Decodes a stored block into {@code f.sampleCount()} interleaved samples. */
    public static float[] decode(byte[] stored, BlockFormat f, String what) throws RasterFormatException {
        byte[] raw = Decompression.decompress(f.compression(), stored, f.byteCount(), what);
        Predictors.undo(f.predictor(), raw, f);
        return toFloats(ByteBuffer.wrap(raw).order(f.order()), f.kind(), f.sampleCount());
    }

    /** Reads {@code count} samples from the start of {@code buffer}. */
    public static float[] toFloats(ByteBuffer buffer, SampleKind kind, int count) {
        float[] out = new float[count];
        int bytes = kind.bytes();
        for (int i = 0; i < count; i++) {
            out[i] = kind.get(buffer, i * bytes);
        }
        return out;
    }

    /**
     * Encodes {@code f.sampleCount()} interleaved samples, which must already be
     * {@linkplain SampleKind#toStored stored values}.
     */
    public static byte[] encode(float[] samples, BlockFormat f, Deflater deflater) {
        byte[] raw = new byte[f.byteCount()];
        ByteBuffer buffer = ByteBuffer.wrap(raw).order(f.order());
        int bytes = f.kind().bytes();
        for (int i = 0; i < f.sampleCount(); i++) {
            f.kind().put(buffer, i * bytes, samples[i]);
        }
        Predictors.apply(f.predictor(), raw, f);
        return f.compression() == TiffTags.COMPRESSION_NONE ? raw : Decompression.deflate(raw, raw.length, deflater);
    }
}
