package eu.candela.ows.render;

import eu.candela.eodata.raster.RasterBlock;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Picks the samples of some bands of one coverage level at fractional full-resolution positions,
 * nearest or bilinear. Tiles come from the shared cache; this keeps the ones it touched for the
 * rest of the map, so a pixel costs a hash lookup at most. Nodata and NaN come out as NaN, and so do
 * positions outside the coverage. One instance serves one map; not thread-safe.
 */
final class LevelSampler {
    private final OpenCoverage coverage;
    private final int level;
    private final int[] bands;
    private final Interpolation interpolation;
    private final int levelWidth;
    private final int levelHeight;
    private final double scaleX;
    private final double scaleY;
    private final int tileWidth;
    private final int tileHeight;
    private final Map<Long, RasterBlock> touched = new HashMap<>();
    private long lastKey = Long.MIN_VALUE;
    private RasterBlock lastTile;

    LevelSampler(OpenCoverage coverage, int level, int[] bands, Interpolation interpolation) {
        this.coverage = coverage;
        this.level = level;
        this.bands = bands.clone();
        this.interpolation = interpolation;
        this.levelWidth = coverage.levelWidth(level);
        this.levelHeight = coverage.levelHeight(level);
        this.scaleX = (double) levelWidth / coverage.info().width();
        this.scaleY = (double) levelHeight / coverage.info().height();
        this.tileWidth = coverage.tileWidth();
        this.tileHeight = coverage.tileHeight();
        for (int b : bands) {
            if (b < 0 || b >= coverage.info().bandCount()) {
                throw new IllegalArgumentException("band " + b + " does not exist: the coverage has "
                        + coverage.info().bandCount() + " bands");
            }
        }
    }

    int level() { return level; }

    /**
     * Writes the samples at full-resolution positions ({@code columns[p]}, {@code rows[p]}),
     * p &lt; count, into {@code out[k][offset + p]} for band {@code bands[k]}.
     */
    void sample(double[] columns, double[] rows, int count, float[][] out, int offset) throws IOException {
        for (int p = 0; p < count; p++) {
            double u = columns[p] * scaleX;
            double v = rows[p] * scaleY;
            if (!(u >= 0 && u < levelWidth && v >= 0 && v < levelHeight)) {
                for (float[] band : out) {
                    band[offset + p] = Float.NaN;
                }
            } else if (interpolation == Interpolation.BILINEAR) {
                bilinear(u, v, out, offset + p);
            } else {
                nearest((int) u, (int) v, out, offset + p);
            }
        }
    }

    private void nearest(int column, int row, float[][] out, int index) throws IOException {
        RasterBlock tile = tileOf(column, row);
        int i = (row - tile.y()) * tile.width() + column - tile.x();
        for (int k = 0; k < bands.length; k++) {
            out[k][index] = tile.band(bands[k])[i];
        }
    }

    /**
     * Weighted mean of the four surrounding pixel centres. Nodata neighbours are left out and the
     * weights renormalised; a position whose own pixel is nodata stays nodata, so nodata areas keep
     * the outline nearest-neighbour maps give them.
     */
    private void bilinear(double u, double v, float[][] out, int index) throws IOException {
        double x = u - 0.5;
        double y = v - 0.5;
        int c0 = (int) Math.floor(x);
        int r0 = (int) Math.floor(y);
        double fx = x - c0;
        double fy = y - r0;
        int left = clamp(c0, levelWidth);
        int right = clamp(c0 + 1, levelWidth);
        int top = clamp(r0, levelHeight);
        int bottom = clamp(r0 + 1, levelHeight);
        RasterBlock t00 = tileOf(left, top), t10 = tileOf(right, top);
        RasterBlock t01 = tileOf(left, bottom), t11 = tileOf(right, bottom);
        int i00 = indexIn(t00, left, top), i10 = indexIn(t10, right, top);
        int i01 = indexIn(t01, left, bottom), i11 = indexIn(t11, right, bottom);
        double w00 = (1 - fx) * (1 - fy), w10 = fx * (1 - fy), w01 = (1 - fx) * fy, w11 = fx * fy;
        int own = (fx >= 0.5 ? 1 : 0) + (fy >= 0.5 ? 2 : 0);
        for (int k = 0; k < bands.length; k++) {
            int b = bands[k];
            float s00 = t00.band(b)[i00], s10 = t10.band(b)[i10], s01 = t01.band(b)[i01], s11 = t11.band(b)[i11];
            float ownSample = own == 0 ? s00 : own == 1 ? s10 : own == 2 ? s01 : s11;
            if (Float.isNaN(ownSample)) {
                out[k][index] = Float.NaN;
                continue;
            }
            double sum = 0;
            double weight = 0;
            if (!Float.isNaN(s00)) { sum += w00 * s00; weight += w00; }
            if (!Float.isNaN(s10)) { sum += w10 * s10; weight += w10; }
            if (!Float.isNaN(s01)) { sum += w01 * s01; weight += w01; }
            if (!Float.isNaN(s11)) { sum += w11 * s11; weight += w11; }
            out[k][index] = (float) (sum / weight);
        }
    }

    private RasterBlock tileOf(int column, int row) throws IOException {
        int tileColumn = column / tileWidth;
        int tileRow = row / tileHeight;
        long key = ((long) tileRow << 32) | tileColumn;
        if (key == lastKey) {
            return lastTile;
        }
        RasterBlock tile = touched.get(key);
        if (tile == null) {
            tile = coverage.tile(level, tileColumn, tileRow);
            touched.put(key, tile);
        }
        lastKey = key;
        lastTile = tile;
        return tile;
    }

    private static int indexIn(RasterBlock tile, int column, int row) {
        return (row - tile.y()) * tile.width() + column - tile.x();
    }

    private static int clamp(int index, int size) {
        return index < 0 ? 0 : Math.min(index, size - 1);
    }
}
