package eu.candela.ows.wmts;

import java.util.Optional;

/**
 * One zoom level of a tile matrix set (OGC 07-057r7 §6.1): a grid of equal tiles hung from the
 * top-left corner, rows counted downwards.
 *
 * @param identifier       the TileMatrix name clients send ("0", "1", ...)
 * @param scaleDenominator the scale at the standard 0.28 mm rendering pixel
 * @param pixelSize        ground size of one pixel in CRS units (scaleDenominator * 0.00028 / metersPerUnit)
 * @param originX          x (east) of the top-left corner
 * @param originY          y (north) of the top-left corner
 * @param tileSize         tile width and height in pixels
 * @param matrixWidth      number of tile columns
 * @param matrixHeight     number of tile rows
 */
public record TileMatrix(String identifier, double scaleDenominator, double pixelSize, double originX, double originY,
                         int tileSize, int matrixWidth, int matrixHeight) {

    public TileMatrix {
        if (!(scaleDenominator > 0 && pixelSize > 0)) {
            throw new IllegalArgumentException("tile matrix " + identifier + ": scale must be positive");
        }
        if (tileSize < 1 || matrixWidth < 1 || matrixHeight < 1) {
            throw new IllegalArgumentException("tile matrix " + identifier + ": sizes must be positive");
        }
    }

    /** Width (and height) of one tile in CRS units. */
    public double tileSpan() {
        return pixelSize * tileSize;
    }

    public boolean contains(long row, long col) {
        return row >= 0 && row < matrixHeight && col >= 0 && col < matrixWidth;
    }

    /** {minX, minY, maxX, maxY} of tile ({@code row}, {@code col}), east axis first. */
    public double[] tileBounds(long row, long col) {
        double span = tileSpan();
        double minX = originX + col * span;
        double maxY = originY - row * span;
        return new double[] {minX, maxY - span, minX + span, maxY};
    }

    /**
     * The tiles that {@code bounds} ({minX, minY, maxX, maxY} in the matrix CRS) touches, clipped to
     * the matrix; empty when it lies wholly outside. A box ending exactly on a tile edge does not
     * reach into the next tile.
     */
    public Optional<TileMatrixLimits> limits(double[] bounds) {
        double span = tileSpan();
        // a relative tolerance so that a box ending on a tile edge after rounding stays on its side
        double eps = span * 1e-9;
        long minCol = (long) Math.floor((bounds[0] - originX) / span + 1e-9);
        long maxCol = (long) Math.floor((bounds[2] - originX - eps) / span);
        long minRow = (long) Math.floor((originY - bounds[3]) / span + 1e-9);
        long maxRow = (long) Math.floor((originY - bounds[1] - eps) / span);
        minCol = Math.max(minCol, 0);
        minRow = Math.max(minRow, 0);
        maxCol = Math.min(maxCol, matrixWidth - 1L);
        maxRow = Math.min(maxRow, matrixHeight - 1L);
        if (minCol > maxCol || minRow > maxRow) return Optional.empty();
        return Optional.of(new TileMatrixLimits(identifier, minRow, maxRow, minCol, maxCol));
    }
}
