package eu.candela.wps.samples;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The files of a generated bi-temporal sample with clouds, laid out like Jpeg2Tiff's output.
 *
 * @param before     the first date: Float32 reflectance B02, B03, B04, B08 (nodata -9999), then QUALITY unless left out
 * @param after      the second date, same grid and bands
 * @param beforeMask uint8 cloud mask of the first date: 0 clear, 1 cloud, 2 cloud shadow
 * @param afterMask  the same for the second date
 * @param truth      the reference change map, uint8: 1 change, 0 no change, 255 no data (clouds do not change it)
 */
public record CloudyPair(Path before, Path after, Path beforeMask, Path afterMask, Path truth) {
    public CloudyPair {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(beforeMask, "beforeMask");
        Objects.requireNonNull(afterMask, "afterMask");
        Objects.requireNonNull(truth, "truth");
    }
}
