package eu.candela.wps.change;

import eu.candela.eodata.grid.GridGeometry;
import eu.candela.eodata.raster.GeoTiffReader;
import eu.candela.eodata.raster.RasterBlock;
import eu.candela.eodata.raster.RasterInfo;
import eu.candela.wps.spi.InvalidInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Two co-registered scenes read window by window, with the selected bands and the rule for a
 * valid pixel: every selected band of both scenes finite and not the scene's nodata.
 */
final class ScenePair implements AutoCloseable {

    private final GeoTiffReader before;
    private final GeoTiffReader after;
    private final RasterInfo info;
    private final int[] bands;
    private final float beforeNodata;
    private final float afterNodata;

    private ScenePair(GeoTiffReader before, GeoTiffReader after, int[] bands) {
        this.before = before;
        this.after = after;
        this.info = before.info();
        this.bands = bands.clone();
        this.beforeNodata = nodata(before.info());
        this.afterNodata = nodata(after.info());
    }

    /**
     * Opens both scenes and checks that {@code after} lies on the grid of {@code before} with as many
     * bands; a mismatch is the fault of {@code after}, the input compared against the reference.
     *
     * @param bandsText the {@code bands} input, null for all
     */
    static ScenePair open(Path beforeFile, Path afterFile, String bandsText) throws IOException {
        GeoTiffReader before = GeoTiffReader.open(beforeFile);
        GeoTiffReader after = null;
        try {
            after = GeoTiffReader.open(afterFile);
            checkCompatible(before.info(), after.info());
            return new ScenePair(before, after, BandSelection.parse(bandsText, before.info().bandCount(), "bands"));
        } catch (IOException | RuntimeException e) {
            before.close();
            if (after != null) {
                after.close();
            }
            throw e;
        }
    }

    private static void checkCompatible(RasterInfo before, RasterInfo after) {
        GridGeometry b = before.grid();
        GridGeometry a = after.grid();
        if (a.width() != b.width() || a.height() != b.height()) {
            throw new InvalidInputException("after", "has " + a.width() + " x " + a.height()
                    + " pixels but 'before' has " + b.width() + " x " + b.height() + "; the scenes must share one grid");
        }
        if (a.epsg() != b.epsg()) {
            throw new InvalidInputException("after", "is in EPSG:" + a.epsg() + " but 'before' is in EPSG:" + b.epsg());
        }
        double pixel = Math.max(Math.abs(b.geoTransform()[1]), Math.abs(b.geoTransform()[5]));
        for (int i = 0; i < 6; i++) {
            // A hundredth of a pixel absorbs rounding in file headers, not a real shift.
            double tolerance = i == 0 || i == 3 ? pixel * 0.01 : pixel * 1e-6;
            if (Math.abs(a.geoTransform()[i] - b.geoTransform()[i]) > tolerance) {
                throw new InvalidInputException("after", "is not on the grid of 'before' (geotransform "
                        + Arrays.toString(a.geoTransform()) + " against " + Arrays.toString(b.geoTransform()) + ")");
            }
        }
        if (after.bandCount() != before.bandCount()) {
            throw new InvalidInputException("after", "has " + after.bandCount() + " bands but 'before' has "
                    + before.bandCount() + "; change detection compares the same bands");
        }
    }

    private static float nodata(RasterInfo info) {
        Double nodata = info.spec().nodata();
        return nodata == null ? Float.NaN : nodata.floatValue();
    }

    int width() { return info.width(); }

    int height() { return info.height(); }

    /** Number of selected bands. */
    int bandCount() { return bands.length; }

    /** 1-based numbers of the selected bands, for reports. */
    int[] bandNumbers() {
        return Arrays.stream(bands).map(b -> b + 1).toArray();
    }

    GridGeometry grid() { return info.grid(); }

    /** Both scenes' window at (x, y): index 0 before, 1 after. */
    RasterBlock[] read(int x, int y, int width, int height) throws IOException {
        return new RasterBlock[] {before.read(x, y, width, height), after.read(x, y, width, height)};
    }

    /**
     * Copies pixel {@code i} of a window pair into {@code x} (before) and {@code y} (after).
     *
     * @return false, leaving the arrays partly written, when the pixel is not valid in both scenes
     */
    boolean pixel(RasterBlock[] blocks, int i, double[] x, double[] y) {
        for (int k = 0; k < bands.length; k++) {
            float b = blocks[0].band(bands[k])[i];
            float a = blocks[1].band(bands[k])[i];
            if (Float.isNaN(b) || Float.isNaN(a) || Float.isInfinite(b) || Float.isInfinite(a)
                    || b == beforeNodata || a == afterNodata) {
                return false;
            }
            x[k] = b;
            y[k] = a;
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        try {
            before.close();
        } finally {
            after.close();
        }
    }
}
