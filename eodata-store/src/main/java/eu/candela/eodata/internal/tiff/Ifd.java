package eu.candela.eodata.internal.tiff;

import eu.candela.eodata.raster.RasterFormatException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One parsed Image File Directory: its entries, with values read on demand from the file.
 * Immutable once built by {@link TiffDirectoryReader}.
 */
public final class Ifd {

    /** One directory entry; {@code inline} holds the raw value field (4 or 8 bytes), an offset when the value does not fit. */
    record Entry(int tag, int type, long count, ByteBuffer inline) {
    }

    private final FileBytes file;
    private final long offset;
    private final boolean bigTiff;
    private final Map<Integer, Entry> entries;

    Ifd(FileBytes file, long offset, boolean bigTiff, Map<Integer, Entry> entries) {
        this.file = file;
        this.offset = offset;
        this.bigTiff = bigTiff;
        this.entries = Map.copyOf(entries);
    }

    /** Byte position of this directory in the file. */
    public long offset() { return offset; }

    public boolean has(int tag) {
        return entries.containsKey(tag);
    }

    /** The single integer value of {@code tag}, or {@code defaultValue} when absent. */
    public long single(int tag, long defaultValue) throws IOException {
        if (!has(tag)) {
            return defaultValue;
        }
        long[] values = longs(tag);
        if (values.length == 0) {
            throw new RasterFormatException(file.name() + ": tag " + tag + " has no value");
        }
        return values[0];
    }

    /** The single integer value of a required tag. */
    public long required(int tag, String name) throws IOException {
        if (!has(tag)) {
            throw new RasterFormatException(file.name() + ": required TIFF tag " + name + " (" + tag + ") is missing");
        }
        return single(tag, 0);
    }

    /** All values of an integer-typed tag, or an empty array when absent. */
    public long[] longs(int tag) throws IOException {
        Entry e = entries.get(tag);
        if (e == null) {
            return new long[0];
        }
        ByteBuffer data = values(e);
        long[] out = new long[(int) e.count()];
        for (int i = 0; i < out.length; i++) {
            out[i] = switch (e.type()) {
                case TiffTags.TYPE_BYTE, TiffTags.TYPE_UNDEFINED -> data.get(i) & 0xFF;
                case TiffTags.TYPE_SBYTE -> data.get(i);
                case TiffTags.TYPE_SHORT -> data.getShort(2 * i) & 0xFFFF;
                case TiffTags.TYPE_SSHORT -> data.getShort(2 * i);
                case TiffTags.TYPE_LONG, TiffTags.TYPE_IFD -> data.getInt(4 * i) & 0xFFFFFFFFL;
                case TiffTags.TYPE_SLONG -> data.getInt(4 * i);
                case TiffTags.TYPE_LONG8, TiffTags.TYPE_SLONG8, TiffTags.TYPE_IFD8 -> data.getLong(8 * i);
                default -> throw new RasterFormatException(file.name() + ": tag " + tag
                        + " should hold integers but has field type " + e.type());
            };
        }
        return out;
    }

    /** All values of a numeric tag as doubles, or an empty array when absent. */
    public double[] doubles(int tag) throws IOException {
        Entry e = entries.get(tag);
        if (e == null) {
            return new double[0];
        }
        if (e.type() != TiffTags.TYPE_DOUBLE && e.type() != TiffTags.TYPE_FLOAT) {
            long[] ints = longs(tag);
            double[] out = new double[ints.length];
            for (int i = 0; i < ints.length; i++) {
                out[i] = ints[i];
            }
            return out;
        }
        ByteBuffer data = values(e);
        double[] out = new double[(int) e.count()];
        for (int i = 0; i < out.length; i++) {
            out[i] = e.type() == TiffTags.TYPE_DOUBLE ? data.getDouble(8 * i) : data.getFloat(4 * i);
        }
        return out;
    }

    /** The text of an ASCII tag without its trailing NULs, or null when absent. */
    public String ascii(int tag) throws IOException {
        Entry e = entries.get(tag);
        if (e == null) {
            return null;
        }
        ByteBuffer data = values(e);
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] == 0) {
            end--;
        }
        // TIFF ASCII is 7-bit; GDAL writes UTF-8 into it, so decode as UTF-8.
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }

    private ByteBuffer values(Entry e) throws IOException {
        int typeSize = TiffTags.typeSize(e.type());
        if (typeSize == 0) {
            throw new RasterFormatException(file.name() + ": tag " + e.tag() + " has unknown field type " + e.type());
        }
        // Checked before any allocation: a hostile count must not become a huge array.
        if (e.count() < 0 || e.count() > file.size() / typeSize) {
            throw new RasterFormatException(file.name() + ": tag " + e.tag() + " declares " + Long.toUnsignedString(e.count())
                    + " values, more than the file holds (" + file.size() + " bytes)");
        }
        long length = e.count() * typeSize;
        if (length <= (bigTiff ? 8 : 4)) {
            return e.inline().duplicate().order(file.order());
        }
        long valueOffset = bigTiff ? e.inline().getLong(0) : e.inline().getInt(0) & 0xFFFFFFFFL;
        return file.read(valueOffset, length, "values of tag " + e.tag());
    }
}
