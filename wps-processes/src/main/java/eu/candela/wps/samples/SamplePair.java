package eu.candela.wps.samples;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The files of a generated bi-temporal sample.
 *
 * @param before the first date, 4-band uint16 COG
 * @param after  the second date, same grid and bands
 * @param truth  the reference change map, uint8 COG: 1 change, 0 no change, 255 no data
 */
public record SamplePair(Path before, Path after, Path truth) {
    public SamplePair {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(truth, "truth");
    }
}
