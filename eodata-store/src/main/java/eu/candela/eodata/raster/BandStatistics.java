package eu.candela.eodata.raster;

/**
 * Summary of the valid (non-nodata, non-NaN) samples of one band.
 * When {@code validCount} is 0, min, max, mean and stddev are NaN.
 *
 * @param stddev population standard deviation, as GDAL reports it
 */
public record BandStatistics(double min, double max, double mean, double stddev, long validCount) {

    public BandStatistics {
        if (validCount < 0) {
            throw new IllegalArgumentException("validCount must be >= 0, got " + validCount);
        }
    }
}
