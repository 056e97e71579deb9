package eu.candela.ows.render;

import java.util.List;

/**
 * The samples under one map pixel (WMS GetFeatureInfo on a coverage).
 *
 * @param column column in the coverage's full-resolution grid
 * @param row    row in the coverage's full-resolution grid
 * @param x      easting / longitude of the pixel centre in the coverage's CRS
 * @param y      northing / latitude of the pixel centre in the coverage's CRS
 * @param epsg   the coverage's EPSG code
 * @param bands  one value per band
 */
public record PixelValues(int column, int row, double x, double y, int epsg, List<BandValue> bands) {

    public PixelValues {
        bands = List.copyOf(bands);
    }

    /**
     * @param name   band description, or {@code band_N} when the file names none
     * @param value  the sample
     * @param nodata true when the sample equals the coverage's nodata value (or is NaN)
     */
    public record BandValue(String name, double value, boolean nodata) {}
}
