package eu.candela.eodata.raster;

import eu.candela.eodata.grid.GridGeometry;
import java.util.List;
import java.util.Objects;

/**
 * What a reader found in a file: the raster spec plus its layout.
 *
 * @param spec          grid, bands, sample type, nodata, descriptions, metadata
 * @param tileWidth     block width: the tile width, or the image width for striped files
 * @param tileHeight    block height: the tile height, or the rows per strip
 * @param compression   the TIFF compression by name (NONE, LZW, DEFLATE, PACKBITS)
 * @param overviews     the reduced-resolution levels, largest first (level 1 is {@code overviews.get(0)})
 */
public record RasterInfo(RasterSpec spec, int tileWidth, int tileHeight, String compression, List<OverviewLevel> overviews) {

    public RasterInfo {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(compression, "compression");
        overviews = List.copyOf(overviews);
        if (tileWidth < 1 || tileHeight < 1) {
            throw new IllegalArgumentException("tile size must be at least 1x1, got " + tileWidth + "x" + tileHeight);
        }
    }

    public GridGeometry grid() { return spec.grid(); }

    public int width() { return spec.grid().width(); }

    public int height() { return spec.grid().height(); }

    public int bandCount() { return spec.bandCount(); }
}
