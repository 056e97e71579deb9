package eu.candela.wps.sar.preprocessing;

import eu.candela.eodata.grid.PointTransform;
import eu.candela.eodata.sentinel1.GeolocationGrid;
import java.util.ArrayList;
import java.util.List;

/**
 * The ground footprint of an image as a polygon of (x, y) map coordinates, from the border tie
 * points of its geolocation grid; and the overlap of two footprints (Sutherland-Hodgman clipping,
 * exact for the convex quadrilateral-like footprints of GRD images). Immutable.
 */
final class Footprint {
    private final List<double[]> ring;

    private Footprint(List<double[]> ring) {
        this.ring = List.copyOf(ring);
    }

    static Footprint of(GeolocationGrid grid, PointTransform fromWgs84) {
        List<double[]> ring = new ArrayList<>();
        for (GeolocationGrid.TiePoint p : grid.border()) {
            ring.add(fromWgs84.transform(p.longitude(), p.latitude()));
        }
        return new Footprint(ring);
    }

    static Footprint rectangle(double minX, double minY, double maxX, double maxY) {
        return new Footprint(List.of(new double[] {minX, minY}, new double[] {maxX, minY}, new double[] {maxX, maxY},
                new double[] {minX, maxY}));
    }

    boolean isEmpty() {
        return ring.size() < 3 || Math.abs(signedArea(ring)) == 0;
    }

    /** {minX, minY, maxX, maxY}. */
    double[] bounds() {
        double[] b = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (double[] p : ring) {
            b[0] = Math.min(b[0], p[0]);
            b[1] = Math.min(b[1], p[1]);
            b[2] = Math.max(b[2], p[0]);
            b[3] = Math.max(b[3], p[1]);
        }
        return b;
    }

    double area() {
        return Math.abs(signedArea(ring));
    }

    /** The part of this footprint inside {@code clip} (which must be convex). */
    Footprint intersection(Footprint clip) {
        List<double[]> output = new ArrayList<>(ring);
        List<double[]> edges = clip.ring;
        double orientation = Math.signum(signedArea(edges));
        for (int i = 0; i < edges.size() && !output.isEmpty(); i++) {
            double[] a = edges.get(i);
            double[] b = edges.get((i + 1) % edges.size());
            List<double[]> input = output;
            output = new ArrayList<>();
            for (int j = 0; j < input.size(); j++) {
                double[] p = input.get(j);
                double[] q = input.get((j + 1) % input.size());
                boolean pIn = side(a, b, p) * orientation >= 0;
                boolean qIn = side(a, b, q) * orientation >= 0;
                if (pIn) {
                    output.add(p);
                }
                if (pIn != qIn) {
                    output.add(crossing(a, b, p, q));
                }
            }
        }
        return new Footprint(output);
    }

    private static double side(double[] a, double[] b, double[] p) {
        return (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]);
    }

    private static double[] crossing(double[] a, double[] b, double[] p, double[] q) {
        double sp = side(a, b, p);
        double sq = side(a, b, q);
        double t = sp / (sp - sq);
        return new double[] {p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])};
    }

    private static double signedArea(List<double[]> r) {
        double s = 0;
        for (int i = 0; i < r.size(); i++) {
            double[] p = r.get(i);
            double[] q = r.get((i + 1) % r.size());
            s += p[0] * q[1] - q[0] * p[1];
        }
        return s / 2;
    }
}
