package eu.candela.eodata.grid;

/**
 * Where a raster's pixels lie on the Earth: its size, an affine geotransform in GDAL order and the
 * CRS as an EPSG code. Immutable.
 *
 * <p>The geotransform maps pixel corner (col, row) to map coordinates:
 * {@code x = gt[0] + col*gt[1] + row*gt[2]}, {@code y = gt[3] + col*gt[4] + row*gt[5]}
 * (pixel-is-area, the upper-left corner of pixel (0,0) is (gt[0], gt[3])).
 *
 * @param width  number of columns, at least 1
 * @param height number of rows, at least 1
 * @param geoTransform six coefficients in GDAL order, copied
 * @param epsg   the EPSG code of the CRS (for example 32630 for UTM zone 30N)
 */
public record GridGeometry(int width, int height, double[] geoTransform, int epsg) {
    // Implemented in full by eodata-store's grid package (CRS lookup through Apache SIS, envelopes, WGS84 bounds).
}
