package eu.candela.wps.internal;

import eu.candela.eodata.grid.GridGeometry;
import eu.candela.wps.spi.InvalidInputException;
import java.util.Arrays;

/**
 * Checks that an input raster lies on the grid of the {@code before} image (same size, same EPSG code,
 * same geotransform up to header rounding), the precondition of every pixel-by-pixel comparison of two
 * dates. A mismatch is the fault of the input compared against {@code before}, the reference, and is
 * reported as an {@link InvalidInputException} naming that input.
 */
public final class SameGrid {
    private SameGrid() {
    }

    /**
     * @param inputId  the input that must match {@code before}, named in the error
     * @param sizeNote appended to the message when the sizes differ (e.g. "; both dates must share one grid")
     * @param crsNote  appended to the message when the EPSG codes differ ("" for none)
     */
    public static void check(GridGeometry before, GridGeometry other, String inputId, String sizeNote, String crsNote) {
        if (other.width() != before.width() || other.height() != before.height()) {
            throw new InvalidInputException(inputId, "has " + other.width() + " x " + other.height()
                    + " pixels but 'before' has " + before.width() + " x " + before.height() + sizeNote);
        }
        if (other.epsg() != before.epsg()) {
            throw new InvalidInputException(inputId, "is in EPSG:" + other.epsg() + " but 'before' is in EPSG:" + before.epsg() + crsNote);
        }
        double pixel = Math.max(Math.abs(before.geoTransform()[1]), Math.abs(before.geoTransform()[5]));
        for (int i = 0; i < 6; i++) {
            // A hundredth of a pixel absorbs rounding in file headers, not a real shift.
            double tolerance = i == 0 || i == 3 ? pixel * 0.01 : pixel * 1e-6;
            if (Math.abs(other.geoTransform()[i] - before.geoTransform()[i]) > tolerance) {
                throw new InvalidInputException(inputId, "is not on the grid of 'before' (geotransform "
                        + Arrays.toString(other.geoTransform()) + " against " + Arrays.toString(before.geoTransform()) + ")");
            }
        }
    }
}
