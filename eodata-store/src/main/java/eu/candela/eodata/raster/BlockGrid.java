package eu.candela.eodata.raster;

import java.util.ArrayList;
import java.util.List;

/** Cuts a raster into tile-aligned windows, row by row, the last column and row clipped at the edge. */
public final class BlockGrid {

    /** One window of a raster, in pixels. */
    public record Window(int x, int y, int width, int height) {
        public Window {
            if (x < 0 || y < 0 || width < 1 || height < 1) {
                throw new IllegalArgumentException("invalid window x=" + x + " y=" + y + " width=" + width + " height=" + height);
            }
        }
    }

    private BlockGrid() {
    }

    /** Windows covering a {@code width} x {@code height} raster in row-major order. */
    public static List<Window> of(int width, int height, int blockSize) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("raster size must be at least 1x1, got " + width + "x" + height);
        }
        if (blockSize < 1) {
            throw new IllegalArgumentException("blockSize must be >= 1, got " + blockSize);
        }
        List<Window> windows = new ArrayList<>();
        for (int y = 0; y < height; y += blockSize) {
            for (int x = 0; x < width; x += blockSize) {
                windows.add(new Window(x, y, Math.min(blockSize, width - x), Math.min(blockSize, height - y)));
            }
        }
        return List.copyOf(windows);
    }
}
