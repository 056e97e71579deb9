package eu.candela.eodata.internal.tiff;

import eu.candela.eodata.raster.RasterFormatException;
import eu.candela.eodata.raster.UnsupportedRasterException;
import java.io.IOException;
import java.util.Arrays;

/**
 * Reads GeoTIFF georeferencing the way GDAL does: the affine transform from ModelTransformation or
 * ModelTiepoint + ModelPixelScale, the EPSG code from the GeoKey directory, and the half-pixel shift of
 * PixelIsPoint rasters so the result is always pixel-is-area.
 */
public final class GeoKeys {
    public static final int GT_MODEL_TYPE = 1024;
    public static final int GT_RASTER_TYPE = 1025;
    public static final int GT_CITATION = 1026;
    public static final int GEOGRAPHIC_TYPE = 2048;
    public static final int GEOG_CITATION = 2049;
    public static final int PROJECTED_CS_TYPE = 3072;
    public static final int MODEL_TYPE_PROJECTED = 1;
    public static final int MODEL_TYPE_GEOGRAPHIC = 2;
    public static final int RASTER_PIXEL_IS_AREA = 1;
    public static final int RASTER_PIXEL_IS_POINT = 2;
    private static final int USER_DEFINED = 32767;

    /** The georeferencing of an image: GDAL-order pixel-is-area geotransform and EPSG code. */
    public record Georeference(double[] geoTransform, int epsg) {
    }

    private GeoKeys() {
    }

    public static Georeference read(Ifd ifd, String name) throws IOException {
        long[] directory = ifd.longs(TiffTags.GEO_KEY_DIRECTORY);
        double[] gt = geoTransform(ifd, name);
        if (directory.length < 4) {
            throw new RasterFormatException(name + ": missing georeferencing: no GeoKeyDirectory (tag 34735), so the CRS is unknown");
        }
        int keyCount = (int) directory[3];
        if (keyCount < 0 || directory.length < 4 + 4L * keyCount) {
            throw new RasterFormatException(name + ": GeoKeyDirectory declares " + keyCount + " keys but holds only "
                    + (directory.length - 4) / 4);
        }
        long modelType = key(directory, GT_MODEL_TYPE, 0);
        long rasterType = key(directory, GT_RASTER_TYPE, RASTER_PIXEL_IS_AREA);
        long projected = key(directory, PROJECTED_CS_TYPE, 0);
        long geographic = key(directory, GEOGRAPHIC_TYPE, 0);
        long epsg = modelType == MODEL_TYPE_GEOGRAPHIC || projected == 0 ? geographic : projected;
        if (epsg == USER_DEFINED) {
            throw new UnsupportedRasterException(name + ": user-defined CRS (GeoKey " + (epsg == projected ? PROJECTED_CS_TYPE : GEOGRAPHIC_TYPE)
                    + " = 32767) is not supported; only CRSs identified by an EPSG code are");
        }
        if (epsg <= 0 || epsg > Integer.MAX_VALUE) {
            throw new RasterFormatException(name + ": missing georeferencing: the GeoKeyDirectory has neither "
                    + "ProjectedCSTypeGeoKey (3072) nor GeographicTypeGeoKey (2048)");
        }
        if (rasterType == RASTER_PIXEL_IS_POINT) {
            // GDAL's convention: the tiepoint names a pixel centre, so move the origin to the corner.
            gt[0] -= 0.5 * gt[1] + 0.5 * gt[2];
            gt[3] -= 0.5 * gt[4] + 0.5 * gt[5];
        }
        return new Georeference(gt, (int) epsg);
    }

    private static double[] geoTransform(Ifd ifd, String name) throws IOException {
        double[] matrix = ifd.doubles(TiffTags.MODEL_TRANSFORMATION);
        if (matrix.length >= 16) {
            return new double[] {matrix[3], matrix[0], matrix[1], matrix[7], matrix[4], matrix[5]};
        }
        double[] tiepoint = ifd.doubles(TiffTags.MODEL_TIEPOINT);
        double[] scale = ifd.doubles(TiffTags.MODEL_PIXEL_SCALE);
        if (tiepoint.length < 6 || scale.length < 2) {
            throw new RasterFormatException(name + ": missing georeferencing: neither ModelTransformation (34264) nor "
                    + "ModelTiepoint (33922) with ModelPixelScale (33550)");
        }
        if (tiepoint.length > 6) {
            throw new UnsupportedRasterException(name + ": " + tiepoint.length / 6 + " tiepoints (a warped grid) are not supported");
        }
        double[] gt = {tiepoint[3] - tiepoint[0] * scale[0], scale[0], 0, tiepoint[4] + tiepoint[1] * scale[1], 0, -scale[1]};
        for (double c : gt) {
            if (!Double.isFinite(c)) {
                throw new RasterFormatException(name + ": invalid georeferencing " + Arrays.toString(gt));
            }
        }
        return gt;
    }

    /** The inline value of {@code keyId}, or {@code defaultValue} when absent or stored in another tag. */
    private static long key(long[] directory, int keyId, long defaultValue) {
        for (int i = 4; i + 3 < directory.length && i < 4 + 4 * directory[3]; i += 4) {
            if (directory[i] == keyId && directory[i + 1] == 0) {
                return directory[i + 3];
            }
        }
        return defaultValue;
    }
}
