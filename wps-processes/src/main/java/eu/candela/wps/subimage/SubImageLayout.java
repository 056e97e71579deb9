package eu.candela.wps.subimage;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the sub-images of a scene lie: a regular grid of windows of {@code size} pixels that
 * overlap their neighbours by at least {@code overlap} pixels. The windows of the last row and
 * column are moved back to end at the scene's edge rather than clipped, so every sub-image has the
 * full size (a sliver would give the change statistics too few pixels) and the overlap there is
 * larger than asked; scenes smaller than {@code size} give one window of the scene's size.
 */
final class SubImageLayout {

    /** One window: its place in the grid of windows and in pixels of the scene. */
    record Window(int row, int column, int x, int y, int width, int height) {
        String id() {
            return "r" + row + "_c" + column;
        }
    }

    private SubImageLayout() {
    }

    static List<Window> windows(int width, int height, int size, int overlap) {
        if (overlap < 0 || overlap >= size) {
            throw new IllegalArgumentException("overlap must be between 0 and size - 1, got " + overlap + " for size " + size);
        }
        int[] xs = starts(width, size, overlap);
        int[] ys = starts(height, size, overlap);
        List<Window> windows = new ArrayList<>(xs.length * ys.length);
        for (int r = 0; r < ys.length; r++) {
            for (int c = 0; c < xs.length; c++) {
                windows.add(new Window(r, c, xs[c], ys[r], Math.min(size, width), Math.min(size, height)));
            }
        }
        return windows;
    }

    /** Starts along one axis: steps of {@code size - overlap}, the last one flush with the edge. */
    static int[] starts(int extent, int size, int overlap) {
        if (extent <= size) {
            return new int[] {0};
        }
        int step = size - overlap;
        int count = 1 + (int) Math.ceil((extent - size) / (double) step);
        int[] starts = new int[count];
        for (int i = 0; i < count; i++) {
            starts[i] = Math.min(i * step, extent - size);
        }
        return starts;
    }
}
