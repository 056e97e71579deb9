package eu.candela.eodata.raster;

import java.util.Arrays;

/**
 * A rectangular window of every band of a raster, as float samples. Mutable working buffer: the
 * arrays returned by {@link #band(int)} are live. Integer samples (up to 24 bits) are exact in float;
 * nodata keeps its numeric value, so compare against {@link RasterSpec#nodata()}.
 */
public final class RasterBlock {
    private final int x;
    private final int y;
    private final int width;
    private final int height;
    private final float[][] bands;

    /** Allocates a zero-filled block whose upper-left pixel is at ({@code x}, {@code y}) of the raster. */
    public RasterBlock(int x, int y, int width, int height, int bandCount) {
        if (x < 0 || y < 0) {
            throw new IllegalArgumentException("block origin must be >= 0, got x=" + x + " y=" + y);
        }
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("block size must be at least 1x1, got " + width + "x" + height);
        }
        if (bandCount < 1) {
            throw new IllegalArgumentException("bandCount must be >= 1, got " + bandCount);
        }
        if ((long) width * height > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("block of " + width + "x" + height + " does not fit in one array");
        }
        this.x = x;
        this.y = y;
        this.width = width;
        this.height = height;
        this.bands = new float[bandCount][width * height];
    }

    public int x() { return x; }

    public int y() { return y; }

    public int width() { return width; }

    public int height() { return height; }

    public int bandCount() { return bands.length; }

    /** The samples of band {@code b} (0-based), row-major; the live array, not a copy. */
    public float[] band(int b) {
        return bands[b];
    }

    /** Sample at block-relative column and row. */
    public float get(int band, int col, int row) {
        return bands[band][index(col, row)];
    }

    public void set(int band, int col, int row, float v) {
        bands[band][index(col, row)] = v;
    }

    /** Fills every band with {@code value}. */
    public void fill(float value) {
        for (float[] b : bands) {
            Arrays.fill(b, value);
        }
    }

    private int index(int col, int row) {
        if (col < 0 || col >= width || row < 0 || row >= height) {
            throw new IndexOutOfBoundsException("pixel (" + col + ", " + row + ") outside block of " + width + "x" + height);
        }
        return row * width + col;
    }

    @Override
    public String toString() {
        return "RasterBlock[x=" + x + ", y=" + y + ", " + width + "x" + height + ", bands=" + bands.length + "]";
    }
}
