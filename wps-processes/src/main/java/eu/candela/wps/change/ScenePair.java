package eu.candela.wps.change;

import eu.candela.eodata.grid.GridGeometry;
import eu.candela.eodata.raster.GeoTiffReader;
import eu.candela.eodata.raster.RasterBlock;
import eu.candela.eodata.raster.RasterInfo;
import eu.candela.wps.internal.SameGrid;
import eu.candela.wps.spi.InvalidInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Two co-registered scenes read window by window, with the selected bands and the rule for a
 * usable pixel: every selected band of both scenes finite and not the scene's nodata, the QUALITY
 * band of each scene (when it has one, found by its band description) clear or water, and the
 * explicit mask of each date (when given) zero.
 */
final class ScenePair implements AutoCloseable {

    /** What {@link #open} reads: the two scenes, optional masks (null when absent) and the snow rule. */
    record Sources(Path before, Path after, Path beforeMask, Path afterMask, boolean maskSnow) {
        static Sources of(Path before, Path after) {
            return new Sources(before, after, null, null, true);
        }
    }

    private final List<GeoTiffReader> readers;
    private final GeoTiffReader before;
    private final GeoTiffReader after;
    private final GeoTiffReader beforeMask;
    private final GeoTiffReader afterMask;
    private final RasterInfo info;
    private final int[] bands;
    private final int qualityBand;
    private final int beforeMaskBand;
    private final int afterMaskBand;
    private final boolean maskSnow;
    private final float beforeNodata;
    private final float afterNodata;

    private ScenePair(List<GeoTiffReader> readers, int[] bands, int qualityBand, boolean maskSnow) {
        this.readers = java.util.Collections.unmodifiableList(new ArrayList<>(readers));
        this.before = readers.get(0);
        this.after = readers.get(1);
        this.beforeMask = readers.get(2);
        this.afterMask = readers.get(3);
        this.info = before.info();
        this.bands = bands.clone();
        this.qualityBand = qualityBand;
        this.maskSnow = maskSnow;
        this.beforeMaskBand = beforeMask == null ? -1 : Math.max(0, qualityBand(beforeMask.info()));
        this.afterMaskBand = afterMask == null ? -1 : Math.max(0, qualityBand(afterMask.info()));
        this.beforeNodata = nodata(before.info());
        this.afterNodata = nodata(after.info());
    }

    /** As {@link #open(Sources, String)} without masks. */
    static ScenePair open(Path beforeFile, Path afterFile, String bandsText) throws IOException {
        return open(Sources.of(beforeFile, afterFile), bandsText);
    }

    /**
     * Opens the scenes and masks and checks that {@code after} lies on the grid of {@code before} with
     * as many bands, and each mask too; a mismatch is the fault of the input compared against
     * {@code before}, the reference.
     *
     * @param bandsText the {@code bands} input, null for all bands but QUALITY
     */
    static ScenePair open(Sources sources, String bandsText) throws IOException {
        List<GeoTiffReader> readers = new ArrayList<>(Arrays.asList(null, null, null, null));
        try {
            readers.set(0, GeoTiffReader.open(sources.before()));
            readers.set(1, GeoTiffReader.open(sources.after()));
            RasterInfo before = readers.get(0).info();
            checkSameGrid(before, readers.get(1).info(), "after");
            checkSameBands(before, readers.get(1).info());
            if (sources.beforeMask() != null) {
                readers.set(2, GeoTiffReader.open(sources.beforeMask()));
                checkSameGrid(before, readers.get(2).info(), "beforeMask");
            }
            if (sources.afterMask() != null) {
                readers.set(3, GeoTiffReader.open(sources.afterMask()));
                checkSameGrid(before, readers.get(3).info(), "afterMask");
            }
            int quality = qualityBand(before);
            return new ScenePair(readers, selectBands(bandsText, before.bandCount(), quality), quality, sources.maskSnow());
        } catch (IOException | RuntimeException e) {
            closeAll(readers);
            throw e;
        }
    }

    /** The selected bands; QUALITY is a class code, never a band to compare. */
    private static int[] selectBands(String bandsText, int bandCount, int quality) {
        int[] selected = BandSelection.parse(bandsText, bandCount, "bands");
        if (bandsText == null || bandsText.isBlank()) {
            return Arrays.stream(selected).filter(b -> b != quality).toArray();
        }
        if (Arrays.stream(selected).anyMatch(b -> b == quality)) {
            throw new InvalidInputException("bands", "band " + (quality + 1) + " is the QUALITY band, a class code used to mask "
                    + "clouds and no data; it cannot be compared");
        }
        return selected;
    }

    /** 0-based index of the band described QUALITY, -1 when none. */
    private static int qualityBand(RasterInfo info) {
        List<String> descriptions = info.spec().bandDescriptions();
        for (int b = 0; b < descriptions.size(); b++) {
            if (PixelExclusion.QUALITY_BAND.equals(descriptions.get(b).trim().toUpperCase(Locale.ROOT))) {
                return b;
            }
        }
        return -1;
    }

    private static void checkSameGrid(RasterInfo before, RasterInfo other, String inputId) {
        SameGrid.check(before.grid(), other.grid(), inputId, "; the scenes must share one grid", "");
    }

    private static void checkSameBands(RasterInfo before, RasterInfo after) {
        if (after.bandCount() != before.bandCount()) {
            throw new InvalidInputException("after", "has " + after.bandCount() + " bands but 'before' has "
                    + before.bandCount() + "; change detection compares the same bands");
        }
        if (qualityBand(after) != qualityBand(before)) {
            throw new InvalidInputException("after", "has its QUALITY band at " + (qualityBand(after) + 1) + " but 'before' at "
                    + (qualityBand(before) + 1) + " (0 = none); both dates must come from the same kind of product");
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

    /** Whether the scenes carry a QUALITY band that masks clouds, shadows and no data. */
    boolean hasQualityBand() { return qualityBand >= 0; }

    GridGeometry grid() { return info.grid(); }

    /** The window at (x, y): index 0 before, 1 after, 2 and 3 the masks of each date (null when not given). */
    RasterBlock[] read(int x, int y, int width, int height) throws IOException {
        return new RasterBlock[] {before.read(x, y, width, height), after.read(x, y, width, height),
                beforeMask == null ? null : beforeMask.read(x, y, width, height),
                afterMask == null ? null : afterMask.read(x, y, width, height)};
    }

    /**
     * Copies pixel {@code i} of a window into {@code x} (before) and {@code y} (after).
     *
     * @return null when the pixel is usable in both dates, otherwise why not (leaving the arrays partly written)
     */
    PixelExclusion pixel(RasterBlock[] blocks, int i, double[] x, double[] y) {
        for (int k = 0; k < bands.length; k++) {
            float b = blocks[0].band(bands[k])[i];
            float a = blocks[1].band(bands[k])[i];
            if (Float.isNaN(b) || Float.isNaN(a) || Float.isInfinite(b) || Float.isInfinite(a)
                    || b == beforeNodata || a == afterNodata) {
                return PixelExclusion.NODATA;
            }
            x[k] = b;
            y[k] = a;
        }
        if (qualityBand >= 0) {
            PixelExclusion excluded = worse(PixelExclusion.ofQuality(blocks[0].band(qualityBand)[i], maskSnow),
                    PixelExclusion.ofQuality(blocks[1].band(qualityBand)[i], maskSnow));
            if (excluded != null) {
                return excluded;
            }
        }
        if ((blocks[2] != null && blocks[2].band(beforeMaskBand)[i] != 0f)
                || (blocks[3] != null && blocks[3].band(afterMaskBand)[i] != 0f)) {
            return PixelExclusion.MASK;
        }
        return null;
    }

    /** The first reason in {@link PixelExclusion}'s order, so counts do not depend on which date is tested first. */
    private static PixelExclusion worse(PixelExclusion a, PixelExclusion b) {
        if (a == null) {
            return b;
        }
        return b == null || a.ordinal() <= b.ordinal() ? a : b;
    }

    @Override
    public void close() throws IOException {
        closeAll(readers);
    }

    private static void closeAll(List<GeoTiffReader> readers) throws IOException {
        IOException failure = null;
        for (GeoTiffReader reader : readers) {
            if (reader == null) {
                continue;
            }
            try {
                reader.close();
            } catch (IOException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
