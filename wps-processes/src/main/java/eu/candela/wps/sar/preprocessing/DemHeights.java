package eu.candela.wps.sar.preprocessing;

import eu.candela.eodata.grid.GridGeometry;
import eu.candela.eodata.grid.PointTransform;
import eu.candela.eodata.raster.GeoTiffReader;
import eu.candela.eodata.raster.RasterBlock;
import java.io.IOException;

/**
 * Terrain heights from a DEM GeoTIFF at (longitude, latitude) points, interpolated bilinearly from
 * only the window of the DEM the points need. Heights are taken as they are stored: the annotation's
 * tie-point heights are ellipsoidal, so a DEM of orthometric heights (EGM96, such as SRTM or
 * Copernicus DEM) should be converted to ellipsoidal heights first, or the geoid undulation (tens of
 * metres) shows up as a range shift. NaN where the DEM has no data or does not reach.
 */
final class DemHeights implements AutoCloseable {
    private final GeoTiffReader dem;
    private final GridGeometry grid;
    private final Double nodata;
    private final PointTransform fromWgs84;

    DemHeights(GeoTiffReader dem) {
        this.dem = dem;
        this.grid = dem.info().spec().grid();
        this.nodata = dem.info().spec().nodata();
        this.fromWgs84 = PointTransform.between(4326, grid.epsg());
    }

    /** Heights at {@code count} (longitude, latitude) pairs of {@code lonLat}; NaN where unknown. */
    double[] heights(double[] lonLat, int count) throws IOException {
        double[] p = new double[2 * count];
        System.arraycopy(lonLat, 0, p, 0, 2 * count);
        fromWgs84.transform(p, count);
        double minC = Double.POSITIVE_INFINITY;
        double minR = Double.POSITIVE_INFINITY;
        double maxC = Double.NEGATIVE_INFINITY;
        double maxR = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < count; k++) {
            double[] cr = grid.mapToPixel(p[2 * k], p[2 * k + 1]);
            p[2 * k] = cr[0] - 0.5;        // pixel-centre coordinates
            p[2 * k + 1] = cr[1] - 0.5;
            minC = Math.min(minC, p[2 * k]);
            maxC = Math.max(maxC, p[2 * k]);
            minR = Math.min(minR, p[2 * k + 1]);
            maxR = Math.max(maxR, p[2 * k + 1]);
        }
        double[] heights = new double[count];
        java.util.Arrays.fill(heights, Double.NaN);
        int c0 = (int) Math.max(0, Math.floor(minC));
        int r0 = (int) Math.max(0, Math.floor(minR));
        int c1 = (int) Math.min(grid.width() - 1, Math.ceil(maxC) + 1);
        int r1 = (int) Math.min(grid.height() - 1, Math.ceil(maxR) + 1);
        if (c0 > c1 || r0 > r1) {
            return heights;
        }
        RasterBlock block = dem.read(c0, r0, c1 - c0 + 1, r1 - r0 + 1);
        for (int k = 0; k < count; k++) {
            heights[k] = bilinear(block, p[2 * k] - c0, p[2 * k + 1] - r0);
        }
        return heights;
    }

    private double bilinear(RasterBlock b, double x, double y) {
        if (x < -0.5 || y < -0.5 || x > b.width() - 0.5 || y > b.height() - 0.5) {
            return Double.NaN;
        }
        int x0 = (int) Math.max(0, Math.min(b.width() - 1, Math.floor(x)));
        int y0 = (int) Math.max(0, Math.min(b.height() - 1, Math.floor(y)));
        int x1 = Math.min(b.width() - 1, x0 + 1);
        int y1 = Math.min(b.height() - 1, y0 + 1);
        double u = Math.max(0, Math.min(1, x - x0));
        double v = Math.max(0, Math.min(1, y - y0));
        double a = value(b, x0, y0);
        double bb = value(b, x1, y0);
        double c = value(b, x0, y1);
        double d = value(b, x1, y1);
        return (a * (1 - u) + bb * u) * (1 - v) + (c * (1 - u) + d * u) * v;
    }

    private double value(RasterBlock b, int x, int y) {
        float v = b.get(0, x, y);
        return nodata != null && v == nodata.floatValue() ? Double.NaN : v;
    }

    @Override
    public void close() throws IOException {
        dem.close();
    }
}
