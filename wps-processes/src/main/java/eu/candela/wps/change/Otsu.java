package eu.candela.wps.change;

/** Otsu's threshold: the cut of a histogram that maximises the between-class variance. */
final class Otsu {

    private static final int BINS = 256;

    private Otsu() {
    }

    /** The threshold on {@code values[0 .. count-1]}; values above it form the upper class. */
    static double threshold(double[] values, int count) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < count; i++) {
            min = Math.min(min, values[i]);
            max = Math.max(max, values[i]);
        }
        if (!(max > min)) {
            return max;
        }
        long[] histogram = new long[BINS];
        double width = (max - min) / BINS;
        for (int i = 0; i < count; i++) {
            histogram[Math.min(BINS - 1, (int) ((values[i] - min) / width))]++;
        }
        double totalSum = 0;
        for (int b = 0; b < BINS; b++) {
            totalSum += b * (double) histogram[b];
        }
        long lowCount = 0;
        double lowSum = 0;
        double best = -1;
        int bestBin = 0;
        for (int b = 0; b < BINS - 1; b++) {
            lowCount += histogram[b];
            lowSum += b * (double) histogram[b];
            long highCount = count - lowCount;
            if (lowCount == 0 || highCount == 0) {
                continue;
            }
            double meanLow = lowSum / lowCount;
            double meanHigh = (totalSum - lowSum) / highCount;
            double between = (double) lowCount * highCount * (meanLow - meanHigh) * (meanLow - meanHigh);
            if (between > best) {
                best = between;
                bestBin = b;
            }
        }
        return min + (bestBin + 1) * width;
    }
}
