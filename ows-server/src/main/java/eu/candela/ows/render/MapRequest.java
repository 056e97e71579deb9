package eu.candela.ows.render;

import eu.candela.ows.style.RasterStyle;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One map to draw from one GeoTIFF coverage.
 *
 * @param coverage      the GeoTIFF / COG file
 * @param extent        area and CRS of the map
 * @param width         map width in pixels
 * @param height        map height in pixels
 * @param style         how samples become colours
 * @param interpolation nearest or bilinear
 * @param transparent   true: pixels without data are transparent; false: they take the background colour
 * @param background    background colour 0xRRGGBB for opaque maps
 */
public record MapRequest(Path coverage, MapExtent extent, int width, int height, RasterStyle style,
                         Interpolation interpolation, boolean transparent, int background) {

    public MapRequest {
        Objects.requireNonNull(coverage, "coverage");
        Objects.requireNonNull(extent, "extent");
        Objects.requireNonNull(style, "style");
        interpolation = interpolation == null ? Interpolation.NEAREST : interpolation;
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("map size must be at least 1x1, got " + width + "x" + height);
        }
    }
}
