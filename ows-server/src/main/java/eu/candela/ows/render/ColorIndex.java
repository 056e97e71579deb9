package eu.candela.ows.render;

import java.util.Arrays;

/**
 * An open-addressing hash map from a non-zero packed colour to an int (a pixel count while
 * counting, a palette index afterwards). Zero marks an empty slot, which is why callers keep
 * fully transparent pixels (normalised to 0) out of it. Far cheaper than a {@code HashMap<Integer, ...>}
 * for a million pixels.
 */
final class ColorIndex {
    private int[] keys;
    private int[] values;
    private int size;
    private final int capacityLimit;

    /** @param maxColors the most colours to hold; {@link #add} reports when it would exceed them */
    ColorIndex(int maxColors) {
        this.capacityLimit = maxColors;
        int slots = Integer.highestOneBit(Math.max(16, Math.min(maxColors, 1 << 16)) * 2);
        keys = new int[slots];
        values = new int[slots];
    }

    int size() { return size; }

    /** Counts one pixel of {@code color}; false, without counting, when that would make too many colours. */
    boolean add(int color) {
        int slot = slot(color);
        if (keys[slot] == color) {
            values[slot]++;
            return true;
        }
        if (size == capacityLimit) return false;
        keys[slot] = color;
        values[slot] = 1;
        if (++size * 2 > keys.length) grow();
        return true;
    }

    /** The value of a colour that is in the map. */
    int get(int color) {
        return values[slot(color)];
    }

    void put(int color, int value) {
        values[slot(color)] = value;
    }

    /** The colours held, in no order. */
    int[] colors() {
        int[] result = new int[size];
        int n = 0;
        for (int k : keys) {
            if (k != 0) result[n++] = k;
        }
        return result;
    }

    private int slot(int color) {
        int mask = keys.length - 1;
        int slot = (color * 0x9E3779B9 >>> 7) & mask;
        while (keys[slot] != 0 && keys[slot] != color) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        int[] oldKeys = keys;
        int[] oldValues = values;
        keys = new int[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                int slot = slot(oldKeys[i]);
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }
    }

    @Override
    public String toString() {
        return "ColorIndex" + Arrays.toString(colors());
    }
}
