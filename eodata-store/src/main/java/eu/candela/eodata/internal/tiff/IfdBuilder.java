package eu.candela.eodata.internal.tiff;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects the entries of one little-endian IFD and serializes it with its out-of-line values right
 * after it. The serialized size depends only on the entries' types and counts, so a layout can be
 * planned first and offsets filled in afterwards.
 */
public final class IfdBuilder {

    private record Entry(int type, long count, byte[] value) {
    }

    private final Map<Integer, Entry> entries = new TreeMap<>();

    public IfdBuilder shorts(int tag, int... values) {
        ByteBuffer b = buffer(2 * values.length);
        for (int v : values) {
            b.putShort((short) v);
        }
        return put(tag, TiffTags.TYPE_SHORT, values.length, b);
    }

    /** SHORT when it fits, LONG otherwise, as GDAL does for sizes. */
    public IfdBuilder shortOrLong(int tag, long value) {
        return value <= 0xFFFF ? shorts(tag, (int) value) : longs(tag, value);
    }

    public IfdBuilder longs(int tag, long... values) {
        ByteBuffer b = buffer(4 * values.length);
        for (long v : values) {
            b.putInt((int) v);
        }
        return put(tag, TiffTags.TYPE_LONG, values.length, b);
    }

    /** Offsets: LONG in classic TIFF, LONG8 in BigTIFF. */
    public IfdBuilder offsets(int tag, long[] values, boolean bigTiff) {
        if (!bigTiff) {
            return longs(tag, values);
        }
        ByteBuffer b = buffer(8 * values.length);
        for (long v : values) {
            b.putLong(v);
        }
        return put(tag, TiffTags.TYPE_LONG8, values.length, b);
    }

    public IfdBuilder doubles(int tag, double... values) {
        ByteBuffer b = buffer(8 * values.length);
        for (double v : values) {
            b.putDouble(v);
        }
        return put(tag, TiffTags.TYPE_DOUBLE, values.length, b);
    }

    /** ASCII with its terminating NUL. */
    public IfdBuilder ascii(int tag, String text) {
        byte[] bytes = (text + '\0').getBytes(StandardCharsets.UTF_8);
        return put(tag, TiffTags.TYPE_ASCII, bytes.length, ByteBuffer.wrap(bytes).position(bytes.length));
    }

    /** Bytes this IFD and its out-of-line values take. */
    public long size(boolean bigTiff) {
        long size = bigTiff ? 8 + 20L * entries.size() + 8 : 2 + 12L * entries.size() + 4;
        for (Entry e : entries.values()) {
            if (e.value().length > inlineCapacity(bigTiff)) {
                size += even(e.value().length);
            }
        }
        return size;
    }

    /** Serializes the IFD for byte {@code position} of the file, pointing to {@code nextIfd} (0 for the last). */
    public byte[] toBytes(long position, long nextIfd, boolean bigTiff) {
        ByteBuffer out = buffer((int) size(bigTiff));
        long values = position + (bigTiff ? 8 + 20L * entries.size() + 8 : 2 + 12L * entries.size() + 4);
        if (bigTiff) {
            out.putLong(entries.size());
        } else {
            out.putShort((short) entries.size());
        }
        ByteBuffer outOfLine = buffer(out.capacity());
        for (Map.Entry<Integer, Entry> me : entries.entrySet()) {
            Entry e = me.getValue();
            out.putShort(me.getKey().shortValue()).putShort((short) e.type());
            if (bigTiff) {
                out.putLong(e.count());
            } else {
                out.putInt((int) e.count());
            }
            int capacity = inlineCapacity(bigTiff);
            if (e.value().length <= capacity) {
                out.put(e.value()).put(new byte[capacity - e.value().length]);
            } else {
                long at = values + outOfLine.position();
                if (bigTiff) {
                    out.putLong(at);
                } else {
                    out.putInt((int) at);
                }
                outOfLine.put(e.value());
                if (e.value().length % 2 != 0) {
                    outOfLine.put((byte) 0);
                }
            }
        }
        if (bigTiff) {
            out.putLong(nextIfd);
        } else {
            out.putInt((int) nextIfd);
        }
        out.put(outOfLine.flip());
        return out.array();
    }

    private IfdBuilder put(int tag, int type, long count, ByteBuffer value) {
        entries.put(tag, new Entry(type, count, Arrays.copyOf(value.array(), value.position())));
        return this;
    }

    private static int inlineCapacity(boolean bigTiff) {
        return bigTiff ? 8 : 4;
    }

    private static long even(long n) {
        return n + (n & 1);
    }

    private static ByteBuffer buffer(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
