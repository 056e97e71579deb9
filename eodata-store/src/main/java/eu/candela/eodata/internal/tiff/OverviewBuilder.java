package eu.candela.eodata.internal.tiff;

import java.io.IOException;

/**
 * Builds one overview level from the level above it, tile by tile: each output tile covers exactly
 * 2x2 source tiles, so at most four decoded source tiles and one output tile are in memory.
 */
public final class OverviewBuilder {
    private final TileSpool spool;
    private final TileCodec codec;
    private final boolean average;
    private final Double nodata;

    /**
     * @param average true: mean of the valid pixels of each 2x2 cell; false: its upper-left pixel
     * @param nodata  value excluded from averages, or null
     */
    public OverviewBuilder(TileSpool spool, TileCodec codec, boolean average, Double nodata) {
        this.spool = spool;
        this.codec = codec;
        this.average = average;
        this.nodata = nodata;
    }

    /** Reduces {@code source} (every tile present in the spool) to the next level, spooling its tiles. */
    public LevelIndex reduce(LevelIndex source) throws IOException {
        LevelIndex target = source.half();
        for (int ty = 0; ty < target.tilesDown(); ty++) {
            for (int tx = 0; tx < target.tilesAcross(); tx++) {
                float[] tile = reduceTile(source, target, tx, ty);
                byte[] encoded = codec.encode(tile);
                target.put(tx, ty, spool.append(encoded), encoded.length);
            }
        }
        return target;
    }

    private float[] reduceTile(LevelIndex source, LevelIndex target, int tx, int ty) throws IOException {
        int ts = codec.tileSize();
        int bands = codec.bands();
        float[][] quadrants = new float[4][];
        for (int q = 0; q < 4; q++) {
            int sx = 2 * tx + (q & 1);
            int sy = 2 * ty + (q >> 1);
            if (sx < source.tilesAcross() && sy < source.tilesDown()) {
                int index = sy * source.tilesAcross() + sx;
                quadrants[q] = codec.decode(spool.read(source.position(index), source.length(index)));
            }
        }
        float[] out = codec.emptyTile();
        int cols = Math.min(ts, target.width() - tx * ts);
        int rows = Math.min(ts, target.height() - ty * ts);
        for (int row = 0; row < rows; row++) {
            for (int col = 0; col < cols; col++) {
                // Source pixel (2*col, 2*row) of this output tile, in the 2x2 block of source tiles.
                int sx = 2 * col;
                int sy = 2 * row;
                int q = (sx / ts) + 2 * (sy / ts);
                int base = ((sy % ts) * ts + (sx % ts)) * bands;
                int gx = (2 * tx * ts) + sx;
                int gy = (2 * ty * ts) + sy;
                boolean right = gx + 1 < source.width();
                boolean down = gy + 1 < source.height();
                for (int b = 0; b < bands; b++) {
                    float value = average ? mean(quadrants[q], base, b, right, down) : quadrants[q][base + b];
                    out[(row * ts + col) * bands + b] = codec.kind().toStored(value);
                }
            }
        }
        return out;
    }

    /** Mean of the valid pixels among (x,y), (x+1,y), (x,y+1), (x+1,y+1) of one decoded tile; fill when none. */
    private float mean(float[] tile, int base, int band, boolean right, boolean down) {
        int ts = codec.tileSize();
        int bands = codec.bands();
        double sum = 0;
        int n = 0;
        for (int dy = 0; dy <= (down ? 1 : 0); dy++) {
            for (int dx = 0; dx <= (right ? 1 : 0); dx++) {
                float v = tile[base + (dy * ts + dx) * bands + band];
                if (!Float.isNaN(v) && (nodata == null || v != nodata.floatValue())) {
                    sum += v;
                    n++;
                }
            }
        }
        if (n == 0) {
            return nodata == null ? Float.NaN : codec.fill();
        }
        return (float) (sum / n);
    }
}
