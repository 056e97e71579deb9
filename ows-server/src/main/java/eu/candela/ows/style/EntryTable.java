package eu.candela.ows.style;

/**
 * Finds which colour-map entry a sample falls on without a binary search for almost every sample.
 *
 * <p>Floats are ordered like their bit patterns once negative ones have their lower 31 bits flipped,
 * so the span of sortable keys between the first and last quantity is cut into at most
 * {@value #CELLS} cells of equal key width. That spacing is logarithmic in the value, which suits
 * log-spaced ramps (dB, orders of magnitude) as well as linear ones. Each cell remembers the answer
 * when it is the same for every float in the cell; the few cells straddling a quantity, and samples
 * outside the quantities' range, fall back to the search. Speckled SAR data defeats branch prediction
 * in a search, which made it the slowest part of painting before this table.
 */
final class EntryTable {
    private static final int CELLS = 4096;
    private static final int MIXED = -1;

    private final double[] quantities;
    private final boolean strictlyAbove;
    private final int firstKey;
    private final int lastKey;
    private final int shift;
    private final int[] cells;

    /**
     * @param strictlyAbove true to find the first quantity above the sample (intervals), false for the
     *                      first quantity at or above it (ramps, exact values)
     */
    EntryTable(double[] quantities, boolean strictlyAbove) {
        this.quantities = quantities;
        this.strictlyAbove = strictlyAbove;
        firstKey = key((float) quantities[0]);
        lastKey = key((float) quantities[quantities.length - 1]);
        long span = (long) lastKey - firstKey + 1;
        int s = 0;
        while ((span >>> s) > CELLS) s++;
        shift = s;
        int count = (int) (((long) lastKey - firstKey) >>> shift) + 1;
        cells = new int[count];
        for (int c = 0; c < count; c++) {
            long from = firstKey + ((long) c << shift);
            long to = Math.min(lastKey, from + (1L << shift) - 1);
            int low = search(value((int) from));
            int high = search(value((int) to));
            cells[c] = low == high ? low : MIXED;
        }
    }

    /** The index of the first quantity at or above (or above, for intervals) {@code v}; the entry count if none. */
    int find(float v) {
        int k = key(v);
        if (k >= firstKey && k <= lastKey) {
            int answer = cells[(k - firstKey) >>> shift];   // the difference fits 32 unsigned bits
            if (answer != MIXED) return answer;
        }
        return search(v);
    }

    private int search(float value) {
        double v = value;
        int lo = 0;
        int hi = quantities.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (strictlyAbove ? quantities[mid] <= v : quantities[mid] < v) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /** A signed int that orders like the float (with -0 just below +0). */
    static int key(float v) {
        int bits = Float.floatToRawIntBits(v);
        return bits ^ ((bits >> 31) & 0x7FFFFFFF);
    }

    /** The inverse of {@link #key}. */
    static float value(int key) {
        return Float.intBitsToFloat(key ^ ((key >> 31) & 0x7FFFFFFF));
    }
}
