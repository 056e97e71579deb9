package eu.candela.eodata.internal.tiff;

import eu.candela.eodata.raster.RasterFormatException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the header of a classic or Big TIFF and its chain of IFDs. */
public final class TiffDirectoryReader {

    /** More directories than any real file has; a longer chain is a loop or garbage. */
    private static final int MAX_IFDS = 1024;
    /** TIFF allows 65535 entries; BigTIFF more, but no real image needs more than a few hundred. */
    private static final long MAX_ENTRIES = 65535;

    private TiffDirectoryReader() {
    }

    /** A parsed TIFF: the file in its byte order and its IFDs in chain order. */
    public record TiffFile(FileBytes file, boolean bigTiff, List<Ifd> ifds) {
    }

    public static TiffFile read(FileBytes raw) throws IOException {
        if (raw.size() < 8) {
            throw new RasterFormatException(raw.name() + ": not a TIFF file (only " + raw.size() + " bytes)");
        }
        ByteBuffer header = raw.read(0, Math.min(16, raw.size()), "TIFF header");
        ByteOrder order = switch (header.getShort(0)) {
            case 0x4949 -> ByteOrder.LITTLE_ENDIAN;
            case 0x4D4D -> ByteOrder.BIG_ENDIAN;
            default -> throw new RasterFormatException(raw.name() + ": not a TIFF file (no II or MM byte-order mark)");
        };
        header.order(order);
        FileBytes file = raw.withOrder(order);
        int magic = header.getShort(2) & 0xFFFF;
        boolean bigTiff;
        long first;
        if (magic == 42) {
            bigTiff = false;
            first = header.getInt(4) & 0xFFFFFFFFL;
        } else if (magic == 43) {
            if (header.limit() < 16 || header.getShort(4) != 8 || header.getShort(6) != 0) {
                throw new RasterFormatException(raw.name() + ": invalid BigTIFF header");
            }
            bigTiff = true;
            first = header.getLong(8);
        } else {
            throw new RasterFormatException(raw.name() + ": not a TIFF file (magic number " + magic + ", expected 42 or 43)");
        }
        List<Ifd> ifds = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (long offset = first; offset != 0; ) {
            if (!seen.add(offset)) {
                throw new RasterFormatException(raw.name() + ": the IFD chain loops back to byte " + offset);
            }
            if (ifds.size() == MAX_IFDS) {
                throw new RasterFormatException(raw.name() + ": more than " + MAX_IFDS + " IFDs");
            }
            long[] next = new long[1];
            ifds.add(readIfd(file, offset, bigTiff, next));
            offset = next[0];
        }
        if (ifds.isEmpty()) {
            throw new RasterFormatException(raw.name() + ": the TIFF file contains no image (first IFD offset is 0)");
        }
        return new TiffFile(file, bigTiff, List.copyOf(ifds));
    }

    private static Ifd readIfd(FileBytes file, long offset, boolean bigTiff, long[] next) throws IOException {
        int countSize = bigTiff ? 8 : 2;
        int entrySize = bigTiff ? 20 : 12;
        ByteBuffer countBuffer = file.read(offset, countSize, "IFD entry count");
        long count = bigTiff ? countBuffer.getLong(0) : countBuffer.getShort(0) & 0xFFFF;
        if (count < 1 || count > MAX_ENTRIES) {
            throw new RasterFormatException(file.name() + ": IFD at byte " + offset + " declares " + count + " entries");
        }
        ByteBuffer body = file.read(offset + countSize, count * entrySize + (bigTiff ? 8 : 4), "IFD at byte " + offset);
        Map<Integer, Ifd.Entry> entries = new HashMap<>();
        for (int i = 0; i < count; i++) {
            int p = i * entrySize;
            int tag = body.getShort(p) & 0xFFFF;
            int type = body.getShort(p + 2) & 0xFFFF;
            long n = bigTiff ? body.getLong(p + 4) : body.getInt(p + 4) & 0xFFFFFFFFL;
            int fieldSize = bigTiff ? 8 : 4;
            ByteBuffer inline = ByteBuffer.allocate(fieldSize).order(file.order());
            for (int b = 0; b < fieldSize; b++) {
                inline.put(b, body.get(p + (bigTiff ? 12 : 8) + b));
            }
            entries.putIfAbsent(tag, new Ifd.Entry(tag, type, n, inline));
        }
        int tail = (int) (count * entrySize);
        next[0] = bigTiff ? body.getLong(tail) : body.getInt(tail) & 0xFFFFFFFFL;
        return new Ifd(file, offset, bigTiff, entries);
    }
}
