package eu.candela.wps.jobdir;

import java.util.Arrays;
import java.util.Objects;

/**
 * A bounding box input as the client sent it, in the axis order of its CRS.
 *
 * @param lower lower corner, at least two coordinates (copied)
 * @param upper upper corner, as many coordinates as {@code lower}, none below it (copied)
 * @param crs   the CRS identifier, or {@code null} for the input's default CRS
 */
public record BoundingBoxValue(double[] lower, double[] upper, String crs) implements InputValue {
    public BoundingBoxValue {
        if (lower == null || upper == null || lower.length < 2 || lower.length != upper.length) {
            throw new IllegalArgumentException("a bounding box needs lower and upper corners of the same dimension (at least 2)");
        }
        lower = lower.clone();
        upper = upper.clone();
        for (int i = 0; i < lower.length; i++) {
            if (!(lower[i] <= upper[i])) {
                throw new IllegalArgumentException("bounding box lower corner " + Arrays.toString(lower)
                        + " is not below its upper corner " + Arrays.toString(upper));
            }
        }
    }

    @Override
    public double[] lower() { return lower.clone(); }

    @Override
    public double[] upper() { return upper.clone(); }

    @Override
    public boolean equals(Object o) {
        return o instanceof BoundingBoxValue b && Arrays.equals(lower, b.lower) && Arrays.equals(upper, b.upper)
                && Objects.equals(crs, b.crs);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(lower) + Arrays.hashCode(upper)) + Objects.hashCode(crs);
    }

    @Override
    public String toString() {
        return "BoundingBoxValue[lower=" + Arrays.toString(lower) + ", upper=" + Arrays.toString(upper) + ", crs=" + crs + "]";
    }
}
