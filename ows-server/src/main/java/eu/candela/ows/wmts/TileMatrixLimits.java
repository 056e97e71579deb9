package eu.candela.ows.wmts;

/**
 * The tiles of one tile matrix a layer has data in; bounds are inclusive, as in the WMTS
 * TileMatrixLimits element.
 */
public record TileMatrixLimits(String tileMatrix, long minTileRow, long maxTileRow, long minTileCol, long maxTileCol) {
    public TileMatrixLimits {
        if (minTileRow > maxTileRow || minTileCol > maxTileCol) {
            throw new IllegalArgumentException("tile matrix limits " + tileMatrix + ": minimum above maximum");
        }
    }

    public boolean contains(long row, long col) {
        return row >= minTileRow && row <= maxTileRow && col >= minTileCol && col <= maxTileCol;
    }
}
