package eu.candela.ows.style;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EntryTableTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void findsTheSameEntryAsASearch(long seed) {
        Random random = new Random(seed);
        int n = 1 + random.nextInt(40);
        double[] quantities = new double[n];
        for (int i = 0; i < n; i++) {
            quantities[i] = switch ((int) (seed % 3)) {
                case 0 -> random.nextDouble();                                   // 0..1 probabilities
                case 1 -> Math.pow(10, -3 + 6 * random.nextDouble());            // log-spaced powers
                default -> (random.nextDouble() - 0.5) * 2e4;                    // signed values
            };
        }
        Arrays.sort(quantities);
        if (n > 3) quantities[2] = quantities[1];                                // a repeated quantity
        for (boolean strictlyAbove : new boolean[] {false, true}) {
            EntryTable table = new EntryTable(quantities, strictlyAbove);
            for (int k = 0; k < 100_000; k++) {
                float v = k % 10 == 0 ? (float) quantities[random.nextInt(n)] : sample(random, quantities);
                int expected = search(quantities, v, strictlyAbove);
                if (expected != table.find(v)) assertEquals(expected, table.find(v), "value " + v);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(floats = {0f, -0f, 1e-30f, -1e-30f, 1f, -1f, Float.MAX_VALUE, -Float.MAX_VALUE, Float.MIN_VALUE})
    void sortableKeyRoundTripsAndOrders(float v) {
        assertEquals(Float.floatToRawIntBits(v), Float.floatToRawIntBits(EntryTable.value(EntryTable.key(v))));
        float next = Math.nextUp(v);
        assertEquals(true, EntryTable.key(next) > EntryTable.key(v));
    }

    private static float sample(Random random, double[] q) {
        double span = q[q.length - 1] - q[0];
        double margin = Math.max(span * 0.1, 1);
        return (float) (q[0] - margin + random.nextDouble() * (span + 2 * margin));
    }

    private static int search(double[] q, double v, boolean strictlyAbove) {
        for (int i = 0; i < q.length; i++) {
            if (strictlyAbove ? q[i] > v : q[i] >= v) return i;
        }
        return q.length;
    }
}
