package eu.candela.eodata.sentinel1;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * The geolocation grid of a Sentinel-1 image: tie points at a few lines and pixels with latitude,
 * longitude, ellipsoid height and incidence angle. Between tie points values are interpolated
 * bilinearly in (line, pixel), cell by cell, so the grid's non-linearity (Earth curvature, orbit
 * curvature, the change of ground-range pixel size) is followed to the tie-point spacing; outside
 * the grid the edge cells are extended linearly. The inverse (latitude, longitude) to (line, pixel)
 * solves the same piecewise-bilinear model with Newton steps, so forward and inverse agree. Immutable.
 */
public final class GeolocationGrid {

    /** One tie point as annotated. */
    public record TiePoint(double line, double pixel, double latitude, double longitude, double height, double incidenceAngle) {
    }

    /** Interpolated geolocation of one image position. */
    public record Location(double latitude, double longitude, double height, double incidenceAngle) {
    }

    private static final int NEWTON_ITERATIONS = 12;
    private final double[] lines;
    private final double[] pixels;
    private final double[][] lat;
    private final double[][] lon;
    private final double[][] height;
    private final double[][] incidence;
    private final List<TiePoint> points;
    /** Affine least-squares fit (lat, lon) -> (line, pixel): the Newton start. */
    private final double[] lineFit;
    private final double[] pixelFit;

    /**
     * Arranges {@code points} into rows of equal line and columns of equal pixel.
     *
     * @throws IllegalArgumentException when the points do not form a complete rectangular grid of at least 2 x 2
     */
    public GeolocationGrid(List<TiePoint> points) {
        TreeSet<Double> lineSet = new TreeSet<>();
        TreeSet<Double> pixelSet = new TreeSet<>();
        for (TiePoint p : points) {
            lineSet.add(p.line());
            pixelSet.add(p.pixel());
        }
        lines = lineSet.stream().mapToDouble(Double::doubleValue).toArray();
        pixels = pixelSet.stream().mapToDouble(Double::doubleValue).toArray();
        if (lines.length < 2 || pixels.length < 2 || (long) lines.length * pixels.length != points.size()) {
            throw new IllegalArgumentException("the " + points.size() + " tie points do not form a rectangular grid of at least 2 x 2 ("
                    + lines.length + " distinct lines, " + pixels.length + " distinct pixels)");
        }
        lat = new double[lines.length][pixels.length];
        lon = new double[lines.length][pixels.length];
        height = new double[lines.length][pixels.length];
        incidence = new double[lines.length][pixels.length];
        boolean[][] seen = new boolean[lines.length][pixels.length];
        for (TiePoint p : points) {
            int r = Arrays.binarySearch(lines, p.line());
            int c = Arrays.binarySearch(pixels, p.pixel());
            if (seen[r][c]) {
                throw new IllegalArgumentException("two tie points at line " + p.line() + ", pixel " + p.pixel());
            }
            seen[r][c] = true;
            lat[r][c] = p.latitude();
            lon[r][c] = p.longitude();
            height[r][c] = p.height();
            incidence[r][c] = p.incidenceAngle();
        }
        this.points = List.copyOf(points);
        double[][] fit = affineFit();
        lineFit = fit[0];
        pixelFit = fit[1];
    }

    public List<TiePoint> tiePoints() {
        return points;
    }

    public int rows() {
        return lines.length;
    }

    public int columns() {
        return pixels.length;
    }

    /** The tie points around the image border, clockwise from (first line, first pixel): the footprint. */
    public List<TiePoint> border() {
        List<TiePoint> ring = new ArrayList<>();
        int last = lines.length - 1;
        int right = pixels.length - 1;
        for (int c = 0; c <= right; c++) {
            ring.add(point(0, c));
        }
        for (int r = 1; r <= last; r++) {
            ring.add(point(r, right));
        }
        for (int c = right - 1; c >= 0; c--) {
            ring.add(point(last, c));
        }
        for (int r = last - 1; r > 0; r--) {
            ring.add(point(r, 0));
        }
        return ring;
    }

    private TiePoint point(int r, int c) {
        return new TiePoint(lines[r], pixels[c], lat[r][c], lon[r][c], height[r][c], incidence[r][c]);
    }

    /** Geolocation of fractional image position (line, pixel). */
    public Location locate(double line, double pixel) {
        int r = cell(lines, line);
        int c = cell(pixels, pixel);
        double u = (line - lines[r]) / (lines[r + 1] - lines[r]);
        double v = (pixel - pixels[c]) / (pixels[c + 1] - pixels[c]);
        return new Location(bilinear(lat, r, c, u, v), bilinear(lon, r, c, u, v), bilinear(height, r, c, u, v),
                bilinear(incidence, r, c, u, v));
    }

    /**
     * The image position {line, pixel} of (latitude, longitude) on the grid's heights, by Newton steps on
     * the piecewise-bilinear model from an affine first guess. Positions outside the image are returned
     * too (extrapolated), so callers decide what is inside.
     */
    public double[] imagePosition(double latitude, double longitude) {
        double line = lineFit[0] + lineFit[1] * latitude + lineFit[2] * longitude;
        double pixel = pixelFit[0] + pixelFit[1] * latitude + pixelFit[2] * longitude;
        for (int i = 0; i < NEWTON_ITERATIONS; i++) {
            int r = cell(lines, line);
            int c = cell(pixels, pixel);
            double dl = lines[r + 1] - lines[r];
            double dp = pixels[c + 1] - pixels[c];
            double u = (line - lines[r]) / dl;
            double v = (pixel - pixels[c]) / dp;
            double fLat = bilinear(lat, r, c, u, v) - latitude;
            double fLon = bilinear(lon, r, c, u, v) - longitude;
            double latDu = (lat[r + 1][c] - lat[r][c]) * (1 - v) + (lat[r + 1][c + 1] - lat[r][c + 1]) * v;
            double latDv = (lat[r][c + 1] - lat[r][c]) * (1 - u) + (lat[r + 1][c + 1] - lat[r + 1][c]) * u;
            double lonDu = (lon[r + 1][c] - lon[r][c]) * (1 - v) + (lon[r + 1][c + 1] - lon[r][c + 1]) * v;
            double lonDv = (lon[r][c + 1] - lon[r][c]) * (1 - u) + (lon[r + 1][c + 1] - lon[r + 1][c]) * u;
            double a = latDu / dl;
            double b = latDv / dp;
            double cc = lonDu / dl;
            double d = lonDv / dp;
            double det = a * d - b * cc;
            if (det == 0) {
                break;
            }
            double stepLine = (d * fLat - b * fLon) / det;
            double stepPixel = (a * fLon - cc * fLat) / det;
            line -= stepLine;
            pixel -= stepPixel;
            if (Math.abs(stepLine) < 1e-4 && Math.abs(stepPixel) < 1e-4) {
                break;
            }
        }
        return new double[] {line, pixel};
    }

    /** Index of the cell holding {@code value}: the edge cells also take values beyond the grid. */
    private static int cell(double[] positions, double value) {
        int i = Arrays.binarySearch(positions, value);
        if (i < 0) {
            i = -i - 2;
        }
        return Math.max(0, Math.min(i, positions.length - 2));
    }

    private static double bilinear(double[][] g, int r, int c, double u, double v) {
        double top = g[r][c] + v * (g[r][c + 1] - g[r][c]);
        double bottom = g[r + 1][c] + v * (g[r + 1][c + 1] - g[r + 1][c]);
        return top + u * (bottom - top);
    }

    /** Least squares of line and pixel as affine functions of latitude and longitude over all tie points. */
    private double[][] affineFit() {
        double[][] ata = new double[3][3];
        double[] atLine = new double[3];
        double[] atPixel = new double[3];
        double lat0 = lat[0][0];
        double lon0 = lon[0][0];
        for (int r = 0; r < lines.length; r++) {
            for (int c = 0; c < pixels.length; c++) {
                double[] row = {1, lat[r][c] - lat0, lon[r][c] - lon0};
                for (int i = 0; i < 3; i++) {
                    for (int j = 0; j < 3; j++) {
                        ata[i][j] += row[i] * row[j];
                    }
                    atLine[i] += row[i] * lines[r];
                    atPixel[i] += row[i] * pixels[c];
                }
            }
        }
        double[] l = solve3(ata, atLine);
        double[] p = solve3(ata, atPixel);
        // Re-express around the origin (0, 0) instead of the first tie point.
        return new double[][] {
            {l[0] - l[1] * lat0 - l[2] * lon0, l[1], l[2]},
            {p[0] - p[1] * lat0 - p[2] * lon0, p[1], p[2]}};
    }

    private static double[] solve3(double[][] m, double[] b) {
        double det = det3(m);
        double[] x = new double[3];
        for (int k = 0; k < 3; k++) {
            double[][] mk = new double[3][];
            for (int i = 0; i < 3; i++) {
                mk[i] = m[i].clone();
                mk[i][k] = b[i];
            }
            x[k] = det3(mk) / det;
        }
        return x;
    }

    private static double det3(double[][] m) {
        return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
                - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    }
}
