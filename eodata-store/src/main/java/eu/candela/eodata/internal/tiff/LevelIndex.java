package eu.candela.eodata.internal.tiff;

import java.util.Arrays;

/**
 * Where each tile of one resolution level lies in the {@link TileSpool}. Its size grows with the tile
 * count (12 bytes a tile: 40 000 tiles for a 100 000 pixel square at 512), never with pixels.
 */
public final class LevelIndex {
    private final int width;
    private final int height;
    private final int tileSize;
    private final long[] positions;
    private final int[] lengths;

    public LevelIndex(int width, int height, int tileSize) {
        this.width = width;
        this.height = height;
        this.tileSize = tileSize;
        long count = (long) tilesAcross(width, tileSize) * tilesAcross(height, tileSize);
        this.positions = new long[Math.toIntExact(count)];
        this.lengths = new int[positions.length];
        Arrays.fill(lengths, -1);
    }

    public int width() { return width; }

    public int height() { return height; }

    public int tileSize() { return tileSize; }

    public int tilesAcross() { return tilesAcross(width, tileSize); }

    public int tilesDown() { return tilesAcross(height, tileSize); }

    public int tileCount() { return positions.length; }

    public boolean has(int tx, int ty) {
        return lengths[index(tx, ty)] >= 0;
    }

    public void put(int tx, int ty, long position, int length) {
        positions[index(tx, ty)] = position;
        lengths[index(tx, ty)] = length;
    }

    public long position(int tile) { return positions[tile]; }

    public int length(int tile) { return lengths[tile]; }

    /** The next level down: half the size, rounded up. */
    public LevelIndex half() {
        return new LevelIndex((width + 1) / 2, (height + 1) / 2, tileSize);
    }

    private int index(int tx, int ty) {
        return ty * tilesAcross() + tx;
    }

    private static int tilesAcross(int pixels, int tileSize) {
        return (int) (((long) pixels + tileSize - 1) / tileSize);
    }
}
