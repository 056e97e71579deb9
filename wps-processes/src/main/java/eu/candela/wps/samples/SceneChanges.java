package eu.candela.wps.samples;

/**
 * The real changes between the two dates, as a function of pixel coordinates like the scene
 * itself: new buildings on fields, clear-cut forest, fields flooded near the river, and new water
 * basins dug in farmland. Everything else differs between the dates only by radiometry,
 * phenology and noise, which is not change.
 */
final class SceneChanges {

    private static final int BASIN_CELL = 100;
    private static final int CLEARING_CELL = 60;

    private final int size;
    private final Noise noise;
    private final Landscape landscape;

    SceneChanges(int size, Noise noise, Landscape landscape) {
        this.size = size;
        this.noise = noise;
        this.landscape = landscape;
    }

    /**
     * Writes the second date's surface into {@code after} when pixel (col, row) changed.
     *
     * @return true when it changed
     */
    boolean apply(int col, int row, Site site, float[] after) {
        boolean farmland = site.kind == Site.Kind.FIELD || site.kind == Site.Kind.VINEYARD || site.kind == Site.Kind.LANE;
        if (farmland && isBasin(col, row)) {
            fill(after, LandCover.WATER, 1 + 0.03 * noise.gaussian(col, row, 70));
            return true;
        }
        if (site.kind == Site.Kind.FIELD && isFlooded(col, row, site)) {
            fill(after, LandCover.TURBID_WATER, 1 + 0.05 * noise.value(col, row, 5, 71));
            return true;
        }
        if (site.kind == Site.Kind.FIELD && isBuildingSite(site)) {
            boolean roof = ((long) site.a) % 4 < 3 && ((long) site.b) % 4 < 3;
            LandCover roofCover = noise.uniform(site.parcelI, site.parcelJ, 72) < 0.5 ? LandCover.NEW_ROOF : LandCover.ROOF_TILE;
            fill(after, roof ? roofCover : LandCover.GRAVEL, 1 + 0.05 * noise.gaussian(col, row, 73));
            return true;
        }
        if (site.kind == Site.Kind.FOREST && isClearing(col, row)) {
            fill(after, LandCover.CLEAR_CUT, 1 + 0.1 * noise.fractal(col, row, 3, 74));
            return true;
        }
        return false;
    }

    private boolean isBasin(int col, int row) {
        double fx = (col - 0.42 * size) / (0.03 * size);
        double fy = (row - 0.58 * size) / (0.02 * size);
        if (fx * fx + fy * fy < 1) {
            return true;
        }
        long ci = Math.floorDiv(col, BASIN_CELL);
        long cj = Math.floorDiv(row, BASIN_CELL);
        if (noise.uniform(ci, cj, 75) >= 0.08) {
            return false;
        }
        double cx = ci * BASIN_CELL + 20 + 60 * noise.uniform(ci, cj, 76);
        double cy = cj * BASIN_CELL + 20 + 60 * noise.uniform(ci, cj, 77);
        double rx = 6 + 6 * noise.uniform(ci, cj, 78);
        double ry = 5 + 5 * noise.uniform(ci, cj, 79);
        double dx = (col - cx) / rx;
        double dy = (row - cy) / ry;
        return dx * dx + dy * dy < 1;
    }

    private boolean isFlooded(int col, int row, Site site) {
        double reach = 0.08 * size * (1 + 0.5 * noise.value(0, row, 0.2 * size, 80));
        return noise.uniform(site.parcelI, site.parcelJ, 81) < 0.45 && landscape.riverDistance(col, row) < reach;
    }

    private boolean isBuildingSite(Site site) {
        return noise.uniform(site.parcelI, site.parcelJ, 82) < 0.06
                && site.a >= 2 && site.a <= site.width - 2 && site.b >= 2 && site.b <= site.height - 2;
    }

    private boolean isClearing(int col, int row) {
        double u = col * Math.cos(0.35) + row * Math.sin(0.35);
        double v = -col * Math.sin(0.35) + row * Math.cos(0.35);
        long ci = (long) Math.floor(u / CLEARING_CELL);
        long cj = (long) Math.floor(v / CLEARING_CELL);
        if (noise.uniform(ci, cj, 83) >= 0.3) {
            return false;
        }
        double x = u - ci * CLEARING_CELL - (5 + 15 * noise.uniform(ci, cj, 84));
        double y = v - cj * CLEARING_CELL - (5 + 15 * noise.uniform(ci, cj, 85));
        return x >= 0 && y >= 0 && x < 18 + 14 * noise.uniform(ci, cj, 86) && y < 14 + 14 * noise.uniform(ci, cj, 87);
    }

    private static void fill(float[] after, LandCover cover, double brightness) {
        for (int band = 0; band < 4; band++) {
            after[band] = (float) (brightness * cover.reflectance(band));
        }
    }
}
