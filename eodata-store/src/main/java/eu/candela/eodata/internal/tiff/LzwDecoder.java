package eu.candela.eodata.internal.tiff;

import eu.candela.eodata.raster.RasterFormatException;
import eu.candela.eodata.raster.UnsupportedRasterException;

/**
 * TIFF LZW decompression (TIFF 6.0 section 13): MSB-first codes of 9 to 12 bits with the "early
 * change" of code width that libtiff writes. Output is bounded by the expected block size, so corrupt
 * input cannot make it grow.
 */
final class LzwDecoder {
    private static final int CLEAR = 256;
    private static final int END = 257;
    private static final int FIRST_FREE = 258;
    private static final int TABLE_SIZE = 4096;

    private final short[] prefix = new short[TABLE_SIZE];
    private final byte[] suffix = new byte[TABLE_SIZE];
    private final short[] lengths = new short[TABLE_SIZE];
    private final byte[] input;
    private int bitPosition;
    private int next;
    private int codeWidth;

    private LzwDecoder(byte[] input) {
        this.input = input;
        for (int i = 0; i < 256; i++) {
            suffix[i] = (byte) i;
            lengths[i] = 1;
            prefix[i] = -1;
        }
        reset();
    }

    /** Decodes {@code input} into {@code output}, returning the number of bytes written (at most output.length). */
    static int decode(byte[] input, byte[] output) throws RasterFormatException {
        if (input.length >= 2 && input[0] == 0 && (input[1] & 1) != 0) {
            throw new UnsupportedRasterException("old-style (pre TIFF 6.0) LZW compression is not supported");
        }
        return new LzwDecoder(input).run(output);
    }

    private int run(byte[] output) throws RasterFormatException {
        int written = 0;
        int previous = -1;
        while (written < output.length) {
            int code = nextCode();
            if (code == END || code < 0) {
                break;
            }
            if (code == CLEAR) {
                reset();
                previous = -1;
                continue;
            }
            if (previous == -1) {
                if (code >= 256) {
                    throw new RasterFormatException("corrupt LZW data: code " + code + " right after a clear code");
                }
                output[written++] = (byte) code;
                previous = code;
                continue;
            }
            int first;
            if (code < next) {
                first = firstByte(code);
                written = copy(code, output, written);
                add(previous, (byte) first);
            } else if (code == next) {
                first = firstByte(previous);
                add(previous, (byte) first);
                written = copy(code, output, written);
            } else {
                throw new RasterFormatException("corrupt LZW data: code " + code + " is not yet defined (next is " + next + ")");
            }
            previous = code;
        }
        return written;
    }

    private void reset() {
        next = FIRST_FREE;
        codeWidth = 9;
    }

    private void add(int previous, byte first) {
        if (next >= TABLE_SIZE) {
            return; // a full table without a clear code: keep decoding with what is there, as libtiff does
        }
        prefix[next] = (short) previous;
        suffix[next] = first;
        lengths[next] = (short) (lengths[previous] + 1);
        next++;
        // Early change: libtiff widens the codes one entry before the table fills the current width.
        if (next + 1 >= (1 << codeWidth) && codeWidth < 12) {
            codeWidth++;
        }
    }

    private int firstByte(int code) {
        int c = code;
        while (prefix[c] >= 0) {
            c = prefix[c];
        }
        return suffix[c] & 0xFF;
    }

    private int copy(int code, byte[] output, int written) {
        int length = lengths[code];
        int c = code;
        for (int i = length - 1; i >= 0; i--) {
            if (written + i < output.length) {
                output[written + i] = suffix[c];
            }
            c = prefix[c];
        }
        return Math.min(output.length, written + length);
    }

    private int nextCode() {
        if (bitPosition + codeWidth > input.length * 8L) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < codeWidth; i++) {
            int bit = (input[(bitPosition + i) >>> 3] >>> (7 - ((bitPosition + i) & 7))) & 1;
            value = (value << 1) | bit;
        }
        bitPosition += codeWidth;
        return value;
    }
}
