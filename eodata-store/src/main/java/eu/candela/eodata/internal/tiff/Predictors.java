package eu.candela.eodata.internal.tiff;

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
        boolean be = f.order() == ByteOrder.BIG_ENDIAN;
        for (int row = 0; row < f.rows(); row++) {
            int start = row * rowSamples;
            int end = start + rowSamples;
            switch (bytes) {
                case 1 -> {
                    for (int i = start + stride; i < end; i++) {
                        data[i] += data[i - stride];
                    }
                }
                case 2 -> {
                    for (int i = start + stride; i < end; i++) {
                        Words.setShort(data, 2 * i, (short) (Words.getShort(data, 2 * i, be) + Words.getShort(data, 2 * (i - stride), be)), be);
                    }
                }
                case 4 -> {
                    for (int i = start + stride; i < end; i++) {
                        Words.setInt(data, 4 * i, Words.getInt(data, 4 * i, be) + Words.getInt(data, 4 * (i - stride), be), be);
                    }
                }
                default -> {
                    for (int i = start + stride; i < end; i++) {
                        Words.setLong(data, 8 * i, Words.getLong(data, 8 * i, be) + Words.getLong(data, 8 * (i - stride), be), be);
                    }
                }
            }
        }
    }

    private static void applyHorizontal(byte[] data, BlockFormat f) {
        int stride = f.samplesPerPixel();
        int rowSamples = f.width() * stride;
        int bytes = f.kind().bytes();
        boolean be = f.order() == ByteOrder.BIG_ENDIAN;
        for (int row = 0; row < f.rows(); row++) {
            int start = row * rowSamples;
            for (int i = start + rowSamples - 1; i >= start + stride; i--) {
                switch (bytes) {
                    case 1 -> data[i] -= data[i - stride];
                    case 2 -> Words.setShort(data, 2 * i, (short) (Words.getShort(data, 2 * i, be) - Words.getShort(data, 2 * (i - stride), be)), be);
                    case 4 -> Words.setInt(data, 4 * i, Words.getInt(data, 4 * i, be) - Words.getInt(data, 4 * (i - stride), be), be);
                    default -> Words.setLong(data, 8 * i, Words.getLong(data, 8 * i, be) - Words.getLong(data, 8 * (i - stride), be), be);
                }
            }
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
