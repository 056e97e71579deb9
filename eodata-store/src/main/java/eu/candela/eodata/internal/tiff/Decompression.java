package eu.candela.eodata.internal.tiff;

import eu.candela.eodata.raster.RasterFormatException;
import eu.candela.eodata.raster.UnsupportedRasterException;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/** Block compression and decompression; every decoder writes into a buffer of the expected size only. */
final class Decompression {

    private Decompression() {
    }

    /** Decompresses {@code data} into exactly {@code expectedLength} bytes. */
    static byte[] decompress(int compression, byte[] data, int expectedLength, String what) throws RasterFormatException {
        byte[] out = new byte[expectedLength];
        int produced = switch (compression) {
            case TiffTags.COMPRESSION_NONE -> {
                System.arraycopy(data, 0, out, 0, Math.min(data.length, expectedLength));
                yield data.length;
            }
            case TiffTags.COMPRESSION_DEFLATE, TiffTags.COMPRESSION_DEFLATE_OLD -> inflate(data, out, what);
            case TiffTags.COMPRESSION_LZW -> decodeLzw(data, out, what);
            case TiffTags.COMPRESSION_PACKBITS -> unpackBits(data, out);
            default -> throw new UnsupportedRasterException(what + ": unsupported compression " + TiffTags.compressionName(compression));
        };
        if (produced < expectedLength) {
            throw new RasterFormatException(what + " decodes to " + produced + " bytes, expected " + expectedLength
                    + "; the data is truncated or corrupt");
        }
        return out;
    }

    /** Deflates {@code data} with a zlib wrapper, as TIFF compression 8 requires. */
    static byte[] deflate(byte[] data, int length, Deflater deflater) {
        deflater.reset();
        deflater.setInput(data, 0, length);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, length / 4));
        byte[] chunk = new byte[64 * 1024];
        while (!deflater.finished()) {
            int n = deflater.deflate(chunk);
            out.write(chunk, 0, n);
        }
        return out.toByteArray();
    }

    private static int inflate(byte[] data, byte[] out, String what) throws RasterFormatException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(data);
            int produced = 0;
            while (produced < out.length && !inflater.finished()) {
                int n = inflater.inflate(out, produced, out.length - produced);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                produced += n;
            }
            return produced;
        } catch (DataFormatException e) {
            throw new RasterFormatException(what + ": corrupt Deflate data: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    private static int decodeLzw(byte[] data, byte[] out, String what) throws RasterFormatException {
        try {
            return LzwDecoder.decode(data, out);
        } catch (UnsupportedRasterException e) {
            throw new UnsupportedRasterException(what + ": " + e.getMessage());
        } catch (RasterFormatException e) {
            throw new RasterFormatException(what + ": " + e.getMessage(), e);
        }
    }

    private static int unpackBits(byte[] data, byte[] out) {
        int in = 0;
        int produced = 0;
        while (in < data.length && produced < out.length) {
            int n = data[in++];
            if (n >= 0) {
                int count = Math.min(n + 1, Math.min(data.length - in, out.length - produced));
                System.arraycopy(data, in, out, produced, count);
                in += n + 1;
                produced += count;
            } else if (n != -128 && in < data.length) {
                int count = Math.min(1 - n, out.length - produced);
                Arrays.fill(out, produced, produced + count, data[in++]);
                produced += count;
            }
        }
        return produced;
    }
}
