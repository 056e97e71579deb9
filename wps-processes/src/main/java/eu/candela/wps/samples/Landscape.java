package eu.candela.wps.samples;

/**
 * The synthetic scene of the first date as a pure function of pixel coordinates: a meandering
 * river and a lake, a town, forest, and a rotated mosaic of field and vineyard parcels separated by
 * hedges and tracks. Large features (river course, lake, zones) scale with the scene size so every
 * size shows them all; small ones (parcels, building blocks, crowns) keep their size in metres
 * (pixels are 10 m), as on the ground.
 */
final class Landscape {

    private static final double PARCEL_ANGLE = 0.35;
    private static final double PARCEL_WIDTH = 28;
    private static final double PARCEL_HEIGHT = 19;
    private static final double STAGGER = 11.3;
    private static final double BLOCK_ANGLE = 0.6;

    private final int size;
    private final Noise noise;
    private final double cosP = Math.cos(PARCEL_ANGLE);
    private final double sinP = Math.sin(PARCEL_ANGLE);

    Landscape(int size, Noise noise) {
        this.size = size;
        this.noise = noise;
    }

    /** Fills {@code site} for pixel (col, row). */
    void describe(int col, int row, Site site) {
        site.vegetation = 0;
        site.growth = 1;
        if (isRiver(col, row) || isLake(col, row)) {
            site.kind = Site.Kind.WATER;
            set(site, LandCover.WATER, 1 + 0.03 * noise.value(col, row, 9, 11));
            return;
        }
        if (isUrban(col, row)) {
            site.kind = Site.Kind.URBAN;
            urban(col, row, site);
            return;
        }
        if (isForest(col, row)) {
            site.kind = Site.Kind.FOREST;
            double crowns = noise.fractal(col, row, 2.5, 21);
            set(site, LandCover.FOREST, crowns < -0.55 ? 0.72 : 1 + 0.12 * crowns);
            site.vegetation = 1;
            site.growth = 1 + 0.3 * noise.value(col, row, 0.1 * size, 22);
            return;
        }
        parcel(col, row, site);
    }

    /** Horizontal distance in pixels from the river's centre line. */
    double riverDistance(double col, double row) {
        double centre = size * (0.62 + 0.07 * Math.sin(2 * Math.PI * row / (0.9 * size) + 1.3)
                + 0.025 * Math.sin(2 * Math.PI * row / (0.31 * size)));
        return Math.abs(col - centre);
    }

    boolean isRiver(double col, double row) {
        double halfWidth = Math.max(2.5, size / 400.0) * (1 + 0.3 * noise.value(0, row, 40, 1));
        return riverDistance(col, row) < halfWidth;
    }

    private boolean isLake(double col, double row) {
        double dx = (col - 0.18 * size) / (0.07 * size);
        double dy = (row - 0.22 * size) / (0.045 * size);
        return dx * dx + dy * dy < 1 + 0.25 * noise.value(col, row, 0.03 * size, 2);
    }

    boolean isUrban(double col, double row) {
        double dx = (col - 0.8 * size) / (0.15 * size);
        double dy = (row - 0.75 * size) / (0.12 * size);
        double town = 1 - Math.sqrt(dx * dx + dy * dy) + 0.3 * noise.fractal(col, row, 0.06 * size, 3);
        double hamlet = noise.fractal(col, row, 45, 4);
        return town > 0.45 || hamlet > 0.8;
    }

    boolean isForest(double col, double row) {
        return noise.fractal(col, row, 0.22 * size, 5) + 0.06 * noise.value(col, row, 6, 6) > 0.3;
    }

    /** Vineyards are decided per parcel, at its centre, so a parcel is all vines or none. */
    private boolean isVineyardZone(double col, double row) {
        return noise.fractal(col, row, 0.18 * size, 7) > 0.25;
    }

    private void parcel(int col, int row, Site site) {
        double u = col * cosP + row * sinP;
        double v = -col * sinP + row * cosP;
        long j = (long) Math.floor(v / PARCEL_HEIGHT);
        double uu = u + j * STAGGER;
        long i = (long) Math.floor(uu / PARCEL_WIDTH);
        double a = uu - i * PARCEL_WIDTH;
        double b = v - j * PARCEL_HEIGHT;
        double width = PARCEL_WIDTH;
        long sub = 0;
        // Some parcels are split in two, so parcel sizes vary.
        if (noise.uniform(i, j, 30) < 0.4) {
            double split = PARCEL_WIDTH * (0.35 + 0.3 * noise.uniform(i, j, 31));
            if (Math.abs(a - split) < 0.5) {
                a = -1;
            } else if (a > split) {
                a -= split;
                width = PARCEL_WIDTH - split;
                sub = 1;
            } else {
                width = split;
            }
        }
        site.parcelI = 2 * i + sub;
        site.parcelJ = j;
        site.a = a;
        site.b = b;
        site.width = width;
        site.height = PARCEL_HEIGHT;
        site.growth = 0.7 + 0.6 * noise.uniform(site.parcelI, j, 32);
        if (a < 1 || b < 1) {
            site.kind = Site.Kind.LANE;
            boolean hedge = noise.uniform(i, j, a < 1 ? 33 : 34) < 0.55;
            set(site, hedge ? LandCover.HEDGE : LandCover.GRAVEL, 1 + 0.05 * noise.gaussian(col, row, 35));
            site.vegetation = hedge ? LandCover.HEDGE.vegetation() : 0;
            return;
        }
        double centreU = i * PARCEL_WIDTH + PARCEL_WIDTH / 2 - j * STAGGER;
        double centreV = j * PARCEL_HEIGHT + PARCEL_HEIGHT / 2;
        double centreCol = centreU * cosP - centreV * sinP;
        double centreRow = centreU * sinP + centreV * cosP;
        double texture = 1 + 0.05 * noise.fractal(col, row, 6, 36) + 0.025 * noise.gaussian(col, row, 37);
        if (isVineyardZone(centreCol, centreRow)) {
            site.kind = Site.Kind.VINEYARD;
            double across = noise.uniform(site.parcelI, j, 38) < 0.5 ? a : b;
            double canopy = 0.4 + 0.3 * Math.sin(2 * Math.PI * across / 2.7 + 6 * noise.uniform(site.parcelI, j, 39));
            for (int band = 0; band < 4; band++) {
                site.surface[band] = (float) (texture * (canopy * LandCover.VINE_CANOPY.reflectance(band)
                        + (1 - canopy) * LandCover.VINE_SOIL.reflectance(band)));
            }
            site.vegetation = canopy;
            return;
        }
        site.kind = Site.Kind.FIELD;
        LandCover crop = LandCover.crop(noise.uniform(site.parcelI, j, 40));
        set(site, crop, texture);
        site.vegetation = crop.vegetation();
        // Vigour varies inside a field; it shows in the near infrared.
        site.surface[3] *= (float) (1 + 0.06 * crop.vegetation() * noise.value(col, row, 10, 41));
    }

    private void urban(int col, int row, Site site) {
        double cos = Math.cos(BLOCK_ANGLE);
        double sin = Math.sin(BLOCK_ANGLE);
        double u = col * cos + row * sin;
        double v = -col * sin + row * cos;
        long bi = (long) Math.floor(u / 7);
        long bj = (long) Math.floor(v / 6);
        if (u - bi * 7 < 1 || v - bj * 6 < 1) {
            set(site, LandCover.ASPHALT, 1 + 0.06 * noise.gaussian(col, row, 50));
            return;
        }
        double draw = noise.uniform(bi, bj, 51);
        LandCover cover = draw < 0.45 ? LandCover.ROOF_TILE : draw < 0.75 ? LandCover.ROOF_GREY
                : draw < 0.9 ? LandCover.GRASS : LandCover.ASPHALT;
        // Gardens and trees between houses make urban pixels mixed.
        double garden = cover == LandCover.GRASS ? 1 : 0.35 * noise.uniform(col, row, 52);
        for (int band = 0; band < 4; band++) {
            site.surface[band] = (float) ((1 + 0.08 * noise.gaussian(col, row, 53))
                    * (garden * LandCover.GRASS.reflectance(band) + (1 - garden) * cover.reflectance(band)));
        }
        site.vegetation = garden;
    }

    private static void set(Site site, LandCover cover, double brightness) {
        for (int band = 0; band < 4; band++) {
            site.surface[band] = (float) (brightness * cover.reflectance(band));
        }
    }
}
