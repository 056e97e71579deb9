package eu.candela.wps.samples;

import java.util.ArrayList;
import java.util.List;

/**
 * The backscatter of a generated landscape at two dates, as a pure function of world position
 * (east, north in metres, see {@link GrdGeometry}), and the changes between the dates.
 *
 * <p>Land: rotated field parcels of crops, grassland and forest, a meandering river and a town.
 * Between the dates crop parcels vary by up to 1 dB (growth, moisture: not a change) and three
 * kinds of change happen: a flood along the river turns fields to open water (decrease, about
 * -10 dB), flooded forest and flooded town edges brighten by double bounce (increase, +4 dB), and
 * new buildings appear on fields (increase, +10 dB or more). {@link #change} says which, so the
 * truth is exact at any position. Positions scale with {@code size}, the side of the scene, so
 * every scene size has the same picture.
 */
final class SarScene {
    static final int NO_CHANGE = 0;
    static final int INCREASE = 1;
    static final int DECREASE = 2;

    enum Cover { CROP, GRASS, FOREST, WATER, URBAN }

    /** sigma0 in dB of each cover: {VV, VH}. */
    private static final double[][] COVER_DB = {
        {-11.0, -18.0}, {-13.0, -20.5}, {-7.5, -13.0}, {-22.0, -28.0}, {1.0, -6.0}};
    private static final double FLOODED_FOREST_GAIN_DB = 4.0;
    private static final double LN10_OVER_10 = Math.log(10) / 10;
    /** Centres of the new buildings, as fractions of the scene size. */
    private static final double[][] BUILDINGS = {{0.25, -0.28}, {-0.3, -0.3}, {-0.05, 0.33}};
    private static final double PARCEL_ANGLE = Math.toRadians(20);

    private final double size;
    private final Noise noise;
    private final double parcelLength;
    private final double parcelWidth;

    /** @param size side of the scene in metres; features are placed and sized relative to it */
    SarScene(double size, long seed) {
        this.size = size;
        this.noise = new Noise(seed);
        this.parcelLength = Math.max(60, Math.min(400, size / 12));
        this.parcelWidth = parcelLength * 0.6;
    }

    /** River centre line north of east. */
    private double riverNorth(double east) {
        return 0.1 * size * Math.sin(2 * Math.PI * east / size);
    }

    private double riverHalfWidth() {
        return Math.max(25, size * 0.012);
    }

    boolean inFlood(double east, double north) {
        return east > 0.05 * size && east < 0.4 * size && Math.abs(north - riverNorth(east)) < 0.09 * size;
    }

    /** The new buildings: three blocks on the fields. */
    boolean inNewBuilding(double east, double north) {
        for (double[] c : BUILDINGS) {
            if (Math.abs(east - c[0] * size) < 0.025 * size && Math.abs(north - c[1] * size) < 0.018 * size) {
                return true;
            }
        }
        return false;
    }

    Cover cover(double east, double north) {
        if (Math.abs(north - riverNorth(east)) < riverHalfWidth()) {
            return Cover.WATER;
        }
        double dx = east + 0.25 * size;
        double dy = north - 0.22 * size;
        if (dx * dx + dy * dy < 0.0081 * size * size) {
            return Cover.URBAN;
        }
        long kind = parcelHash(east, north, 1) % 10;
        return kind < 6 ? Cover.CROP : kind < 8 ? Cover.GRASS : Cover.FOREST;
    }

    /** Change class between the dates at a world position. */
    int change(double east, double north) {
        return change(cover(east, north), east, north);
    }

    private int change(Cover c, double east, double north) {
        if (inFlood(east, north) && c != Cover.WATER) {
            return c == Cover.FOREST || c == Cover.URBAN ? INCREASE : DECREASE;
        }
        if (inNewBuilding(east, north) && c != Cover.WATER && c != Cover.URBAN) {
            return INCREASE;
        }
        return NO_CHANGE;
    }

    /**
     * True sigma0 (linear) of polarisation {@code pol} (0 VV, 1 VH) at {@code date} (0 or 1).
     */
    double sigma0(double east, double north, int pol, int date) {
        double[] both = new double[2];
        sigma0(east, north, date, both);
        return both[pol];
    }

    /** True sigma0 (linear) of VV and VH at {@code date} into {@code out}: the land cover is evaluated once. */
    void sigma0(double east, double north, int date, double[] out) {
        Cover c = cover(east, north);
        double offset = 0;
        if (c != Cover.WATER && c != Cover.URBAN) {
            // Parcels differ from each other; crops also between the dates, by less than a change.
            offset = 2.0 * (unit(parcelHash(east, north, 2)) - 0.5);
            if (c == Cover.CROP && date == 1) {
                offset += unit(parcelHash(east, north, 3)) - 0.5;
            }
        }
        int change = date == 1 ? change(c, east, north) : NO_CHANGE;
        for (int pol = 0; pol < 2; pol++) {
            double db = COVER_DB[c.ordinal()][pol] + offset;
            if (change == DECREASE) {
                db = COVER_DB[Cover.WATER.ordinal()][pol];
            } else if (change == INCREASE) {
                db = inFlood(east, north) ? db + FLOODED_FOREST_GAIN_DB : COVER_DB[Cover.URBAN.ordinal()][pol] + 2;
            }
            out[pol] = Math.exp(db * LN10_OVER_10);
        }
    }

    /** A changed area for the GeoJSON truth: its kind, its change and its outline in world metres (closed ring). */
    record Area(String kind, String change, List<double[]> ring) {
    }

    List<Area> changeAreas() {
        List<Area> areas = new ArrayList<>();
        List<double[]> flood = new ArrayList<>();
        int steps = 32;
        for (int i = 0; i <= steps; i++) {
            double e = (0.05 + 0.35 * i / steps) * size;
            flood.add(new double[] {e, riverNorth(e) + 0.09 * size});
        }
        for (int i = steps; i >= 0; i--) {
            double e = (0.05 + 0.35 * i / steps) * size;
            flood.add(new double[] {e, riverNorth(e) - 0.09 * size});
        }
        flood.add(flood.get(0));
        areas.add(new Area("flood", "decrease on fields, increase on forest and town", flood));
        for (double[] c : BUILDINGS) {
            double e = c[0] * size;
            double n = c[1] * size;
            double de = 0.025 * size;
            double dn = 0.018 * size;
            areas.add(new Area("new building", "increase", List.of(new double[] {e - de, n - dn}, new double[] {e + de, n - dn},
                    new double[] {e + de, n + dn}, new double[] {e - de, n + dn}, new double[] {e - de, n - dn})));
        }
        return areas;
    }

    private long parcelHash(double east, double north, long salt) {
        double u = east * Math.cos(PARCEL_ANGLE) + north * Math.sin(PARCEL_ANGLE);
        double v = -east * Math.sin(PARCEL_ANGLE) + north * Math.cos(PARCEL_ANGLE);
        return noise.hash((long) Math.floor(u / parcelLength), (long) Math.floor(v / parcelWidth), salt) >>> 1;
    }

    private static double unit(long hash) {
        return (hash >>> 10) * 0x1.0p-53;
    }
}
