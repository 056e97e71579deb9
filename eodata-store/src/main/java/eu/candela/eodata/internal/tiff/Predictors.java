package eu.candela.eodata.internal.tiff;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * TIFF predictors on a decoded block, row by row. Horizontal differencing (2) works on whole samples
 * in the file's byte order; the floating-point predictor (3, Adobe tech note 3) splits each row into
 * byte planes, most significant first, before differencing the bytes, whatever the file's byte order.
 */
final class Predictors {

    private Predictors() {
    }

    static void undo(int predictor, byte[] data, BlockFormat f) {
        switch (predictor) {
            case TiffTags.PREDICTOR_HORIZONTAL -> undoHorizontal(data, f);
            case TiffTags.PREDICTOR_FLOATING_POINT -> undoFloatingPoint(data, f);
            default -> { }
        }
    }

    static void apply(int predictor, byte[] data, BlockFormat f) {
        switch (predictor) {
            case TiffTags.PREDICTOR_HORIZONTAL -> applyHorizontal(data, f);
            case TiffTags.PREDICTOR_FLOATING_POINT -> applyFloatingPoint(data, f);
            default -> { }
        }
    }

    private static void undoHorizontal(byte[] data, BlockFormat f) {
        int stride = f.samplesPerPixel();
        int rowSamples = f.width() * stride;
        int bytes = f.kind().bytes();
        ByteBuffer buffer = ByteBuffer.wrap(data).order(f.order());
        for (int row = 0; row < f.rows(); row++) {
            int start = row * rowSamples;
            for (int i = start + stride; i < start + rowSamples; i++) {
                set(buffer, bytes, i, get(buffer, bytes, i) + get(buffer, bytes, i - stride));
            }
        }
    }

    private static void applyHorizontal(byte[] data, BlockFormat f) {
        int stride = f.samplesPerPixel();
        int rowSamples = f.width() * stride;
        int bytes = f.kind().bytes();
        ByteBuffer buffer = ByteBuffer.wrap(data).order(f.order());
        for (int row = 0; row < f.rows(); row++) {
            int start = row * rowSamples;
            for (int i = start + rowSamples - 1; i >= start + stride; i--) {
                set(buffer, bytes, i, get(buffer, bytes, i) - get(buffer, bytes, i - stride));
            }
        }
    }

    private static long get(ByteBuffer b, int bytes, int i) {
        return switch (bytes) {
            case 1 -> b.get(i);
            case 2 -> b.getShort(2 * i);
            case 4 -> b.getInt(4 * i);
            default -> b.getLong(8 * i);
        };
    }

    private static void set(ByteBuffer b, int bytes, int i, long v) {
        switch (bytes) {
            case 1 -> b.put(i, (byte) v);
            case 2 -> b.putShort(2 * i, (short) v);
            case 4 -> b.putInt(4 * i, (int) v);
            default -> b.putLong(8 * i, v);
        }
    }

    private static void undoFloatingPoint(byte[] data, BlockFormat f) {
        int stride = f.samplesPerPixel();
        int bytes = f.kind().bytes();
        int samples = f.width() * stride;
        int rowBytes = samples * bytes;
        byte[] planes = new byte[rowBytes];
        boolean bigEndian = f.order() == ByteOrder.BIG_ENDIAN;
        for (int row = 0; row < f.rows(); row++) {
            int start = row * rowBytes;
            for (int i = start + stride; i < start + rowBytes; i++) {
                data[i] += data[i - stride];
            }
            System.arraycopy(data, start, planes, 0, rowBytes);
            for (int s = 0; s < samples; s++) {
                for (int k = 0; k < bytes; k++) {
                    int target = bigEndian ? k : bytes - 1 - k;
                    data[start + s * bytes + target] = planes[k * samples + s];
                }
            }
        }
    }

    private static void applyFloatingPoint(byte[] data, BlockFormat f) {
        int stride = f.samplesPerPixel();
        int bytes = f.kind().bytes();
        int samples = f.width() * stride;
        int rowBytes = samples * bytes;
        byte[] planes = new byte[rowBytes];
        boolean bigEndian = f.order() == ByteOrder.BIG_ENDIAN;
        for (int row = 0; row < f.rows(); row++) {
            int start = row * rowBytes;
            for (int s = 0; s < samples; s++) {
                for (int k = 0; k < bytes; k++) {
                    int source = bigEndian ? k : bytes - 1 - k;
                    planes[k * samples + s] = data[start + s * bytes + source];
                }
            }
            for (int i = rowBytes - 1; i >= stride; i--) {
                planes[i] -= planes[i - stride];
            }
            System.arraycopy(planes, 0, data, start, rowBytes);
        }
    }
}
