package eu.candela.wps.samples;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The files of a generated SAR pair.
 *
 * @param before the first date: Float32 COG, bands VV and VH, sigma0 in dB, nodata -9999
 * @param after  the second date on the same grid
 * @param truth  UInt8 COG of the changes made: 0 none, 1 increase, 2 decrease, 255 no data
 */
public record SarPair(Path before, Path after, Path truth) {
    public SarPair {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(truth, "truth");
    }
}
