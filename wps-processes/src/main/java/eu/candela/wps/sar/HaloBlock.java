package eu.candela.wps.sar;

import eu.candela.eodata.raster.BlockGrid;

/**
 * One processing block of the image pair with a halo of neighbours around it, clipped to the
 * image: linear intensities of the chosen band, NaN where either date has no data.
 *
 * @param core     the block the results are for
 * @param originX  column of {@code before[0]} in the image
 * @param originY  row of {@code before[0]} in the image
 * @param width    columns of the arrays (core plus the halo that lies inside the image)
 * @param height   rows of the arrays
 * @param before   intensities of the first date, row-major
 * @param after    intensities of the second date, row-major
 */
record HaloBlock(BlockGrid.Window core, int originX, int originY, int width, int height, float[] before, float[] after) {

    /** Index in the arrays of core pixel ({@code col}, {@code row}), both relative to the core. */
    int indexOfCore(int col, int row) {
        return (core.y() - originY + row) * width + core.x() - originX + col;
    }

    int size() {
        return width * height;
    }
}
