package eu.candela.wps.sar;

/**
 * Lloyd's k-means with two clusters on vectors stored row by row, from given starting centres;
 * stops when no vector changes cluster or after {@link #MAX_ITERATIONS}.
 */
final class KMeans {

    static final int MAX_ITERATIONS = 200;

    /** The centres, {@code [2][dimension]}, and the iterations run. */
    record Result(double[][] centres, int iterations) {
    }

    private KMeans() {
    }

    static Result twoMeans(double[] vectors, int count, int dimension, double[][] start) {
        double[][] centres = {start[0].clone(), start[1].clone()};
        byte[] cluster = new byte[count];
        java.util.Arrays.fill(cluster, (byte) -1);
        int iteration = 0;
        while (iteration < MAX_ITERATIONS) {
            iteration++;
            boolean moved = false;
            for (int i = 0; i < count; i++) {
                byte nearest = (byte) (distance2(vectors, i * dimension, centres[0]) <= distance2(vectors, i * dimension, centres[1]) ? 0 : 1);
                if (nearest != cluster[i]) {
                    cluster[i] = nearest;
                    moved = true;
                }
            }
            if (!moved) {
                break;
            }
            double[][] sums = new double[2][dimension];
            long[] sizes = new long[2];
            for (int i = 0; i < count; i++) {
                sizes[cluster[i]]++;
                for (int d = 0; d < dimension; d++) {
                    sums[cluster[i]][d] += vectors[i * dimension + d];
                }
            }
            for (int k = 0; k < 2; k++) {
                if (sizes[k] == 0) {
                    continue; // an empty cluster keeps its centre
                }
                for (int d = 0; d < dimension; d++) {
                    centres[k][d] = sums[k][d] / sizes[k];
                }
            }
        }
        return new Result(centres, iteration);
    }

    static double distance2(double[] vectors, int offset, double[] centre) {
        double s = 0;
        for (int d = 0; d < centre.length; d++) {
            double e = vectors[offset + d] - centre[d];
            s += e * e;
        }
        return s;
    }
}
