package eu.candela.ows.wmts;

import eu.candela.ows.render.OutputFormat;

import java.util.Objects;

/**
 * A WMTS GetTile request as the client sent it, by KVP or RESTful URL; names are checked against
 * the catalogue later, by {@link TileService}.
 *
 * @param layer         the layer name ({@code workspace:name})
 * @param style         the style name; null, empty or "default" for the layer's default style
 * @param format        the tile format
 * @param tileMatrixSet the TileMatrixSet identifier
 * @param tileMatrix    the TileMatrix identifier
 * @param row           tile row, counted from the top
 * @param col           tile column, counted from the left
 */
public record GetTileRequest(String layer, String style, OutputFormat format, String tileMatrixSet,
                             String tileMatrix, long row, long col) {
    public GetTileRequest {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(tileMatrixSet, "tileMatrixSet");
        Objects.requireNonNull(tileMatrix, "tileMatrix");
    }

    /** True when the request names no particular style. */
    public boolean wantsDefaultStyle() {
        return style == null || style.isBlank() || style.equalsIgnoreCase("default");
    }
}
