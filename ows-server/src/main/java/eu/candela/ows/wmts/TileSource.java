package eu.candela.ows.wmts;

import eu.candela.ows.catalog.LayerInfo;
import eu.candela.ows.catalog.StyleInfo;

import java.nio.file.Path;
import java.time.Instant;

/**
 * What a tile is drawn from: the layer, its file and the style, at the revisions they had when
 * the request was checked.
 */
record TileSource(LayerInfo layer, Path coverage, StyleInfo style) {

    /** True when {@code other} is the same layer, file and style at the same revisions. */
    boolean sameRevisionAs(TileSource other) {
        return other != null
                && layer.qualifiedName().equals(other.layer.qualifiedName())
                && layer.revision() == other.layer.revision() && layer.modified().equals(other.layer.modified())
                && coverage.equals(other.coverage)
                && style.name().equals(other.style.name())
                && style.revision() == other.style.revision() && style.modified().equals(other.style.modified());
    }

    /** A strong entity tag: the revisions and change times of layer and style, plus the tile's own key. */
    String etag(TileKey key) {
        int h = java.util.Objects.hash(key, coverage, stamp(layer.modified()), stamp(style.modified()));
        return "\"" + layer.revision() + "-" + style.revision() + "-" + Integer.toHexString(h) + "\"";
    }

    private static long stamp(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }
}
