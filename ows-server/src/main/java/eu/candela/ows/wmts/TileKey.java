package eu.candela.ows.wmts;

import eu.candela.ows.catalog.CatalogNames;
import eu.candela.ows.render.OutputFormat;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One tile of one layer in one style, independent of revisions. Every part is a catalogue name
 * or a number, so {@link #relativePath} needs no escaping.
 *
 * @param workspace     the layer's workspace
 * @param layer         the layer's name in its workspace
 * @param style         the style actually drawn (never "default")
 * @param tileMatrixSet the tile matrix set identifier
 * @param zoom          the tile matrix level
 */
public record TileKey(String workspace, String layer, String style, String tileMatrixSet, int zoom, long row, long col,
                      OutputFormat format) {
    public TileKey {
        CatalogNames.check("workspace", workspace);
        CatalogNames.check("layer", layer);
        CatalogNames.check("style", style);
        CatalogNames.check("tile matrix set", tileMatrixSet);
        Objects.requireNonNull(format, "format");
    }

    public String qualifiedLayer() {
        return workspace + ":" + layer;
    }

    /** {@code {ws}/{layer}/{style}/{tms}/{z}/{row}/{col}.{ext}} below the cache root. */
    public Path relativePath() {
        return Path.of(workspace, layer, style, tileMatrixSet, Integer.toString(zoom), Long.toString(row),
                col + "." + format.extension());
    }
}
