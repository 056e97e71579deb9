package eu.candela.ows.catalog;

import eu.candela.ows.style.RasterStyle;

import java.time.Instant;
import java.util.Objects;

/**
 * A style in the catalogue: its SLD, already parsed.
 *
 * @param name     unique name (styles are global)
 * @param style    the parsed SLD
 * @param modified last change
 * @param revision bumped on every change: map caches key on it
 */
public record StyleInfo(String name, RasterStyle style, Instant modified, long revision) {
    public StyleInfo {
        CatalogNames.check("style", name);
        Objects.requireNonNull(style, "style");
        Objects.requireNonNull(modified, "modified");
    }
}
