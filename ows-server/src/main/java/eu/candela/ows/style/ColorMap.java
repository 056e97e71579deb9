package eu.candela.ows.style;

import java.util.List;
import java.util.Objects;

/**
 * SLD {@code ColorMap}: colours keyed by sample value.
 *
 * <ul>
 *   <li>{@link Type#RAMP}: colours interpolated linearly between entries; values below the first
 *       entry take its colour, values above the last are transparent (as GeoServer does);</li>
 *   <li>{@link Type#INTERVALS}: a value takes the colour of the first entry whose quantity is above it;</li>
 *   <li>{@link Type#VALUES}: only values equal to an entry's quantity are drawn.</li>
 * </ul>
 *
 * @param type    how values map to entries
 * @param entries at least one entry, sorted by ascending quantity
 */
public record ColorMap(Type type, List<ColorMapEntry> entries) {

    public enum Type { RAMP, INTERVALS, VALUES }

    public ColorMap {
        Objects.requireNonNull(type, "type");
        entries = List.copyOf(entries);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("a ColorMap needs at least one ColorMapEntry");
        }
        for (int i = 1; i < entries.size(); i++) {
            if (entries.get(i).quantity() < entries.get(i - 1).quantity()) {
                throw new IllegalArgumentException("ColorMapEntry quantities must ascend: " + entries.get(i - 1).quantity()
                        + " is followed by " + entries.get(i).quantity());
            }
        }
    }
}
