package eu.candela.eodata.internal.tiff;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Writes the final COG from spooled tiles, in the layout of the COG specification as GDAL writes it:
 * header, GDAL's "ghost" structural metadata, every IFD (full resolution first, then overviews by
 * decreasing size), then the tile data from the smallest overview to full resolution, row-major,
 * each tile framed by its size before (4 bytes) and a copy of its last 4 bytes after.
 */
public final class CogAssembler {

    /** Exact text of GDAL's COG driver (gcore/gtiff write code, GDAL 3.1+), validated by validate_cloud_optimized_geotiff. */
    static final String GHOST_BODY = "LAYOUT=IFDS_BEFORE_DATA\n"
            + "BLOCK_ORDER=ROW_MAJOR\n"
            + "BLOCK_LEADER=SIZE_AS_UINT4\n"
            + "BLOCK_TRAILER=LAST_4_BYTES_REPEATED\n"
            + "KNOWN_INCOMPATIBLE_EDITION=NO\n"
            + " ";
    private static final byte[] GHOST = ghost();
    private static final long CLASSIC_LIMIT = 0xFFFFFFFFL;
    private static final int LEADER = 4;
    private static final int TRAILER = 4;

    private CogAssembler() {
    }

    /**
     * Writes {@code out}.
     *
     * @param levels       full resolution first, then the overviews; every tile present in {@code spool}
     * @param ifds         per level, every tag except TileOffsets and TileByteCounts
     * @param forceBigTiff BigTIFF even when classic TIFF would do (otherwise chosen by size)
     * @return true when the file was written as BigTIFF
     */
    public static boolean assemble(Path out, TileSpool spool, List<LevelIndex> levels, List<IfdBuilder> ifds,
                                   boolean forceBigTiff) throws IOException {
        boolean bigTiff = forceBigTiff || totalSize(levels, ifds, false) > CLASSIC_LIMIT;
        long ifdStart = even((bigTiff ? 16 : 8) + GHOST.length);
        List<long[]> offsets = tileOffsets(levels, ifdStart + ifdSizes(levels, ifds, bigTiff));
        List<Long> ifdPositions = new ArrayList<>();
        long position = ifdStart;
        for (int i = 0; i < levels.size(); i++) {
            ifdPositions.add(position);
            withTiles(ifds.get(i), levels.get(i), offsets.get(i), bigTiff);
            position += ifds.get(i).size(bigTiff);
        }
        try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            stream.write(header(bigTiff, ifdStart));
            stream.write(GHOST);
            if (((bigTiff ? 16 : 8) + GHOST.length) % 2 != 0) {
                stream.write(0);
            }
            for (int i = 0; i < levels.size(); i++) {
                long next = i + 1 < levels.size() ? ifdPositions.get(i + 1) : 0;
                stream.write(ifds.get(i).toBytes(ifdPositions.get(i), next, bigTiff));
            }
            for (int i = levels.size() - 1; i >= 0; i--) {
                copyTiles(spool, levels.get(i), stream);
            }
        }
        return bigTiff;
    }

    private static long totalSize(List<LevelIndex> levels, List<IfdBuilder> ifds, boolean bigTiff) {
        long size = even((bigTiff ? 16 : 8) + GHOST.length) + ifdSizes(levels, ifds, bigTiff);
        for (LevelIndex level : levels) {
            for (int t = 0; t < level.tileCount(); t++) {
                size += LEADER + level.length(t) + TRAILER;
            }
        }
        return size;
    }

    /** IFD sizes with placeholder tile arrays of the right length (the size does not depend on the values). */
    private static long ifdSizes(List<LevelIndex> levels, List<IfdBuilder> ifds, boolean bigTiff) {
        long size = 0;
        for (int i = 0; i < levels.size(); i++) {
            withTiles(ifds.get(i), levels.get(i), new long[levels.get(i).tileCount()], bigTiff);
            size += ifds.get(i).size(bigTiff);
        }
        return size;
    }

    private static void withTiles(IfdBuilder ifd, LevelIndex level, long[] offsets, boolean bigTiff) {
        long[] counts = new long[level.tileCount()];
        for (int t = 0; t < counts.length; t++) {
            counts[t] = level.length(t);
        }
        ifd.offsets(TiffTags.TILE_OFFSETS, offsets, bigTiff).longs(TiffTags.TILE_BYTE_COUNTS, counts);
    }

    /** Position of each tile's data (after its leader), smallest level first in the file. */
    private static List<long[]> tileOffsets(List<LevelIndex> levels, long dataStart) {
        List<long[]> offsets = new ArrayList<>(Collections.nCopies(levels.size(), (long[]) null));
        long position = dataStart;
        for (int i = levels.size() - 1; i >= 0; i--) {
            LevelIndex level = levels.get(i);
            long[] levelOffsets = new long[level.tileCount()];
            for (int t = 0; t < levelOffsets.length; t++) {
                levelOffsets[t] = position + LEADER;
                position += LEADER + level.length(t) + TRAILER;
            }
            offsets.set(i, levelOffsets);
        }
        return offsets;
    }

    private static void copyTiles(TileSpool spool, LevelIndex level, OutputStream stream) throws IOException {
        ByteBuffer leader = ByteBuffer.allocate(LEADER).order(ByteOrder.LITTLE_ENDIAN);
        for (int t = 0; t < level.tileCount(); t++) {
            byte[] data = spool.read(level.position(t), level.length(t));
            stream.write(leader.putInt(0, data.length).array());
            stream.write(data);
            // Every encoded tile has at least 4 bytes: a zlib stream, or 16x16 raw samples at least.
            stream.write(data, data.length - TRAILER, TRAILER);
        }
    }

    private static byte[] header(boolean bigTiff, long firstIfd) {
        ByteBuffer header = ByteBuffer.allocate(bigTiff ? 16 : 8).order(ByteOrder.LITTLE_ENDIAN);
        header.put((byte) 'I').put((byte) 'I');
        if (bigTiff) {
            header.putShort((short) 43).putShort((short) 8).putShort((short) 0).putLong(firstIfd);
        } else {
            header.putShort((short) 42).putInt((int) firstIfd);
        }
        return header.array();
    }

    private static byte[] ghost() {
        String text = String.format(Locale.ROOT, "GDAL_STRUCTURAL_METADATA_SIZE=%06d bytes\n", GHOST_BODY.length()) + GHOST_BODY;
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static long even(long n) {
        return n + (n & 1);
    }
}
