package eu.candela.wps.samples;

import eu.candela.eodata.sentinel2.Sentinel2Band;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The ground truth behind a generated pair of Sentinel-2 products of one tile: land cover per 10 m
 * pixel and date, known changes between the dates, clouds with their shadows (some placed over
 * changes), a no-data corner (the swath edge) and a per-band illumination difference between the
 * dates. Every value is a pure function of the pixel and the date, so products of any size are
 * written tile by tile and tests recompute exactly what a reader must find.
 *
 * <p>Date 0 is the earlier product, date 1 the later. Coordinates are 10 m pixels unless a method
 * says otherwise; a 20 m pixel (i, j) takes the values of the 10 m pixel (2i, 2j), a 60 m pixel
 * those of (6i + 3, 6j + 3).
 */
public final class SyntheticSentinel2Scene {

    /** Land cover and its surface reflectance in the ten bands Jpeg2Tiff keeps (B02 B03 B04 B08 B05 B06 B07 B8A B11 B12). */
    public enum Cover {
        WATER(0.060, 0.050, 0.030, 0.010, 0.020, 0.015, 0.012, 0.010, 0.005, 0.003),
        FOREST(0.030, 0.050, 0.030, 0.300, 0.080, 0.200, 0.260, 0.310, 0.150, 0.070),
        CROP(0.050, 0.080, 0.060, 0.380, 0.120, 0.250, 0.320, 0.390, 0.220, 0.120),
        BARE(0.100, 0.130, 0.170, 0.260, 0.200, 0.220, 0.240, 0.270, 0.330, 0.280),
        URBAN(0.120, 0.130, 0.140, 0.200, 0.160, 0.170, 0.180, 0.200, 0.240, 0.210);

        private final double[] reflectance;

        Cover(double... reflectance) {
            this.reflectance = reflectance;
        }
    }

    /** What covers a pixel on a date, as seen from the satellite. */
    public enum Sky { CLEAR, CLOUD, CLOUD_EDGE, SHADOW }

    /** The ten bands, in the order of Jpeg2Tiff's output (and of {@link Cover}'s reflectances). */
    public static final List<Sentinel2Band> BANDS = List.of(Sentinel2Band.B02, Sentinel2Band.B03, Sentinel2Band.B04,
            Sentinel2Band.B08, Sentinel2Band.B05, Sentinel2Band.B06, Sentinel2Band.B07, Sentinel2Band.B8A,
            Sentinel2Band.B11, Sentinel2Band.B12);

    /** Later date = gain x earlier + bias, per band: a brighter, hazier day. */
    private static final double[] GAIN = {1.10, 1.08, 1.07, 1.04, 1.06, 1.05, 1.05, 1.04, 1.03, 1.02};
    private static final double[] BIAS = {0.012, 0.009, 0.007, 0.003, 0.005, 0.004, 0.004, 0.003, 0.002, 0.001};
    private static final double SHADOW_FACTOR = 0.35;
    private static final int PARCEL = 40;

    private record Disc(double cx, double cy, double r) {
        boolean contains(double x, double y, double scale) {
            double dx = x - cx, dy = y - cy;
            return dx * dx + dy * dy <= r * r * scale * scale;
        }
    }

    /** A rectangle whose land cover becomes {@code to} at date 1. Bounds in 10 m pixels, upper bounds exclusive. */
    public record Change(int x0, int y0, int x1, int y1, Cover to) {
        boolean contains(int x, int y) {
            return x >= x0 && x < x1 && y >= y0 && y < y1;
        }
    }

    private final int size;
    private final long seed;
    private final Disc lake;
    private final List<Change> changes = new ArrayList<>();
    private final List<List<Disc>> clouds = List.of(new ArrayList<>(), new ArrayList<>());
    private final double shadowDx;
    private final double shadowDy;

    /**
     * @param size tile side in 10 m pixels, a multiple of 6 (so the 20 m and 60 m grids fit), at least 120
     * @param seed the same seed gives the same scene
     */
    public SyntheticSentinel2Scene(int size, long seed) {
        if (size < 120 || size % 6 != 0) {
            throw new IllegalArgumentException("size must be a multiple of 6 and at least 120, got " + size);
        }
        this.size = size;
        this.seed = seed;
        Random random = new Random(seed);
        this.lake = new Disc(0.72 * size, 0.30 * size, 0.09 * size);
        Cover[] kinds = {Cover.BARE, Cover.URBAN, Cover.WATER, Cover.BARE, Cover.URBAN, Cover.CROP, Cover.BARE, Cover.URBAN};
        for (Cover to : kinds) {
            int w = (int) (size * (0.04 + 0.05 * random.nextDouble()));
            int h = (int) (size * (0.04 + 0.05 * random.nextDouble()));
            int x = (int) (size * 0.2 + random.nextDouble() * (size * 0.7 - w));
            int y = (int) (size * 0.2 + random.nextDouble() * (size * 0.7 - h));
            changes.add(new Change(x, y, x + w, y + h, to));
        }
        this.shadowDx = size * 0.045;
        this.shadowDy = size * 0.06;
        double r = size * 0.05;
        // Later date: two clouds right over changes (their shadows fall beside them), three elsewhere.
        for (int i = 0; i < 2; i++) {
            Change c = changes.get(i);
            clouds.get(1).add(new Disc((c.x0 + c.x1) / 2.0, (c.y0 + c.y1) / 2.0, Math.max(r, 0.75 * Math.max(c.x1 - c.x0, c.y1 - c.y0))));
        }
        for (int i = 0; i < 3; i++) {
            clouds.get(1).add(new Disc(size * (0.1 + 0.8 * random.nextDouble()), size * (0.1 + 0.8 * random.nextDouble()), r));
        }
        // Earlier date: one cloud, so masking must work on both dates.
        clouds.get(0).add(new Disc(size * 0.15, size * 0.8, r));
    }

    public int size() { return size; }

    public long seed() { return seed; }

    public List<Change> changes() { return List.copyOf(changes); }

    /** The clouds of {@code date} as discs {centre x, centre y, radius} in 10 m pixels (edge included). */
    public List<double[]> clouds(int date) {
        return clouds.get(date).stream().map(d -> new double[] {d.cx, d.cy, d.r}).toList();
    }

    /** Outside the swath: a triangle in the upper-left corner, on both dates. */
    public boolean isNodata(int x, int y) {
        return x + y < size / 8;
    }

    public Cover cover(int date, int x, int y) {
        if (date == 1) {
            for (Change c : changes) {
                if (c.contains(x, y)) return c.to;
            }
        }
        if (lake.contains(x + 0.5, y + 0.5, 1)) return Cover.WATER;
        int parcel = (int) (hash(x / PARCEL, y / PARCEL, 7) % 10);
        return parcel < 4 ? Cover.CROP : parcel < 7 ? Cover.FOREST : parcel < 9 ? Cover.BARE : Cover.URBAN;
    }

    /** True where the land cover differs between the dates (no data excluded). */
    public boolean isChanged(int x, int y) {
        return !isNodata(x, y) && cover(0, x, y) != cover(1, x, y);
    }

    public Sky sky(int date, int x, int y) {
        double px = x + 0.5, py = y + 0.5;
        for (Disc d : clouds.get(date)) {
            if (d.contains(px, py, 0.8)) return Sky.CLOUD;
            if (d.contains(px, py, 1)) return Sky.CLOUD_EDGE;
        }
        for (Disc d : clouds.get(date)) {
            if (d.contains(px - shadowDx, py - shadowDy, 1)) return Sky.SHADOW;
        }
        return Sky.CLEAR;
    }

    /**
     * Reflectance seen at 10 m pixel ({@code x}, {@code y}) in band {@code bandIndex} of {@link #BANDS}:
     * surface reflectance with texture, the date's illumination, clouds and shadows; NaN outside the swath.
     */
    public double reflectance(int bandIndex, int date, int x, int y) {
        if (isNodata(x, y)) return Double.NaN;
        double r = cover(date, x, y).reflectance[bandIndex] * (1 + 0.04 * noise(x, y, bandIndex));
        if (date == 1) r = GAIN[bandIndex] * r + BIAS[bandIndex];
        double cloud = 0.50 + 0.04 * bandIndex / 10.0 + 0.02 * noise(x, y, 20 + bandIndex);
        return switch (sky(date, x, y)) {
            case CLEAR -> r;
            case CLOUD -> cloud;
            case CLOUD_EDGE -> 0.5 * (r + cloud);
            case SHADOW -> SHADOW_FACTOR * r;
        };
    }

    /** Uniform in [-1, 1), from a hash of the pixel and a channel: texture that no codec smooths away. */
    private double noise(int x, int y, int channel) {
        return (hash(x, y, channel) & 0xFFFF) / 32768.0 - 1;
    }

    private long hash(int x, int y, int channel) {
        long h = seed * 0x9E3779B97F4A7C15L + x * 0xC2B2AE3D27D4EB4FL + y * 0x165667B19E3779F9L + channel * 0x27D4EB2F165667C5L;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h & Long.MAX_VALUE;
    }
}
