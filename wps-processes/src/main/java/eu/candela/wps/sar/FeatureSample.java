package eu.candela.wps.sar;

import java.util.Arrays;

/**
 * Feature vectors of a regular subsample of the image (every {@code stride}-th row and column),
 * so a classifier is fitted on at most about {@code cap} vectors whatever the image size.
 */
final class FeatureSample {

    final int dimension;
    final int stride;
    private float[] values;
    private int count;

    FeatureSample(int dimension, int imageWidth, int imageHeight, int cap) {
        this.dimension = dimension;
        this.stride = Math.max(1, (int) Math.ceil(Math.sqrt((double) imageWidth * imageHeight / cap)));
        this.values = new float[Math.min(cap, 1024) * dimension];
    }

    /** Whether the pixel at image position (x, y) belongs to the sample grid. */
    boolean sampled(int x, int y) {
        return x % stride == 0 && y % stride == 0;
    }

    /** Room for one more vector, returned as the offset to write {@link #dimension} values at. */
    int append() {
        if ((count + 1) * dimension > values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        return count++ * dimension;
    }

    float[] values() { return values; }

    int count() { return count; }

    double get(int vector, int component) {
        return values[vector * dimension + component];
    }
}
