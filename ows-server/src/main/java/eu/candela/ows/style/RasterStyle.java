package eu.candela.ows.style;

import java.util.Objects;

/**
 * The raster part of an SLD 1.0 style, as people write it for coverages: which bands to show,
 * how to stretch them, and an optional colour map for a single band. Parsed from SLD by
 * {@link SldReader}; applied to samples by the map renderer.
 *
 * @param name     the style's name (the SLD {@code UserStyle/Name}, or the catalogue name)
 * @param title    human title, may be empty
 * @param channels which bands: one grey band or red/green/blue; {@link ChannelSelection#DEFAULT} shows band 1 in grey,
 *                 or bands 1-3 as RGB when the raster has three or more bands and there is no colour map
 * @param colorMap colour map applied to the grey band; null for none
 * @param contrast contrast enhancement of the whole symbolizer; {@link ContrastEnhancement#NONE} for none
 * @param opacity  overall opacity, 0 transparent to 1 opaque
 */
public record RasterStyle(String name, String title, ChannelSelection channels, ColorMap colorMap,
                          ContrastEnhancement contrast, double opacity) {

    public RasterStyle {
        Objects.requireNonNull(name, "name");
        title = title == null ? "" : title;
        channels = channels == null ? ChannelSelection.DEFAULT : channels;
        contrast = contrast == null ? ContrastEnhancement.NONE : contrast;
        if (!(opacity >= 0 && opacity <= 1)) {
            throw new IllegalArgumentException("opacity must be between 0 and 1, got " + opacity);
        }
    }

    public RasterStyle withName(String newName) {
        return new RasterStyle(newName, title, channels, colorMap, contrast, opacity);
    }
}
