package eu.candela.wps.sar;

import eu.candela.eodata.grid.GridGeometry;
import eu.candela.eodata.raster.BlockGrid;
import eu.candela.eodata.raster.GeoTiffReader;
import eu.candela.eodata.raster.RasterBlock;
import eu.candela.eodata.raster.RasterInfo;
import eu.candela.wps.internal.SameGrid;
import eu.candela.wps.spi.InvalidInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The two dates of a SAR pair on one grid, read block by block with a halo: one band of each (a
 * polarisation chosen by band description, such as VV, or by number), as linear intensity, NaN
 * where either date has no data.
 */
final class SarImagePair implements AutoCloseable {
    private static final String ALL_ONE_GRID = "; both dates must share one grid";

    private final GeoTiffReader before;
    private final GeoTiffReader after;
    private final int beforeBand;
    private final int afterBand;
    private final BackscatterScale scale;
    private final float beforeNodata;
    private final float afterNodata;

    private SarImagePair(GeoTiffReader before, GeoTiffReader after, int beforeBand, int afterBand, BackscatterScale scale) {
        this.before = before;
        this.after = after;
        this.beforeBand = beforeBand;
        this.afterBand = afterBand;
        this.scale = scale;
        this.beforeNodata = nodata(before.info());
        this.afterNodata = nodata(after.info());
    }

    /**
     * Opens both images and checks that {@code after} lies on the grid of {@code before}.
     *
     * @param band a band description (VV, VH, HH, HV; case ignored) or a 1-based band number; null for band 1
     */
    static SarImagePair open(Path beforeFile, Path afterFile, String band, BackscatterScale scale) throws IOException {
        GeoTiffReader before = GeoTiffReader.open(beforeFile);
        GeoTiffReader after = null;
        try {
            after = GeoTiffReader.open(afterFile);
            SameGrid.check(before.info().grid(), after.info().grid(), "after", ALL_ONE_GRID, ALL_ONE_GRID);
            return new SarImagePair(before, after, bandIndex(band, before.info(), "before"),
                    bandIndex(band, after.info(), "after"), scale);
        } catch (IOException | RuntimeException e) {
            before.close();
            if (after != null) {
                after.close();
            }
            throw e;
        }
    }

    private static int bandIndex(String band, RasterInfo info, String inputId) {
        if (band == null || band.isBlank()) {
            return 0;
        }
        String wanted = band.trim();
        if (wanted.chars().allMatch(Character::isDigit)) {
            int number = Integer.parseInt(wanted);
            if (number < 1 || number > info.bandCount()) {
                throw new InvalidInputException("band", "band " + number + " does not exist; '" + inputId + "' has bands 1 to "
                        + info.bandCount());
            }
            return number - 1;
        }
        List<String> descriptions = info.spec().bandDescriptions();
        for (int b = 0; b < descriptions.size(); b++) {
            if (descriptions.get(b).trim().equalsIgnoreCase(wanted)) {
                return b;
            }
        }
        throw new InvalidInputException("band", "'" + inputId + "' has no band described as '" + wanted + "' (its bands: "
                + (descriptions.isEmpty() ? "no descriptions, give a band number" : String.join(", ", descriptions)) + ")");
    }

    private static float nodata(RasterInfo info) {
        Double nodata = info.spec().nodata();
        return nodata == null ? Float.NaN : nodata.floatValue();
    }

    int width() { return before.info().width(); }

    int height() { return before.info().height(); }

    GridGeometry grid() { return before.info().grid(); }

    /** 1-based band read from {@code before}, for reports. */
    int beforeBandNumber() { return beforeBand + 1; }

    /** Description of the band read from {@code before}, empty when it has none. */
    String bandDescription() {
        List<String> d = before.info().spec().bandDescriptions();
        return d.isEmpty() ? "" : d.get(beforeBand);
    }

    /** The block {@code core} with up to {@code halo} pixels around it, as far as the image goes. */
    HaloBlock read(BlockGrid.Window core, int halo) throws IOException {
        int x0 = Math.max(0, core.x() - halo);
        int y0 = Math.max(0, core.y() - halo);
        int x1 = Math.min(width(), core.x() + core.width() + halo);
        int y1 = Math.min(height(), core.y() + core.height() + halo);
        int w = x1 - x0;
        int h = y1 - y0;
        float[] b = before.read(x0, y0, w, h).band(beforeBand);
        float[] a = after.read(x0, y0, w, h).band(afterBand);
        for (int i = 0; i < b.length; i++) {
            if (invalid(b[i], beforeNodata) || invalid(a[i], afterNodata)) {
                b[i] = Float.NaN;
                a[i] = Float.NaN;
            } else {
                b[i] = scale.toIntensity(b[i]);
                a[i] = scale.toIntensity(a[i]);
            }
        }
        return new HaloBlock(core, x0, y0, w, h, b, a);
    }

    private static boolean invalid(float v, float nodata) {
        return Float.isNaN(v) || Float.isInfinite(v) || v == nodata;
    }

    @Override
    public void close() throws IOException {
        try {
            before.close();
        } finally {
            after.close();
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d x %d pixels, band %d", width(), height(), beforeBand + 1);
    }
}
