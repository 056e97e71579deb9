package eu.candela.ows.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A published layer: one coverage store shown with a default style and optional alternatives.
 *
 * @param workspace    the workspace; the layer's WMS / WMTS name is {@code workspace:name}
 * @param name         unique within the workspace
 * @param store        the coverage store in the same workspace
 * @param title        human title
 * @param abstractText longer description, may be empty
 * @param defaultStyle name of the style used when a request names none
 * @param styles       further styles a request may name
 * @param enabled      false hides it from every service
 * @param modified     when the layer (or what it shows) last changed
 * @param revision     bumped on every change: map caches key on it
 */
public record LayerInfo(String workspace, String name, String store, String title, String abstractText,
                        String defaultStyle, List<String> styles, boolean enabled, Instant modified, long revision) {
    public LayerInfo {
        CatalogNames.check("workspace", workspace);
        CatalogNames.check("layer", name);
        CatalogNames.check("coverage store", store);
        CatalogNames.check("style", defaultStyle);
        styles = List.copyOf(styles == null ? List.of() : styles);
        styles.forEach(s -> CatalogNames.check("style", s));
        title = title == null || title.isBlank() ? name : title;
        abstractText = abstractText == null ? "" : abstractText;
        Objects.requireNonNull(modified, "modified");
    }

    /** {@code workspace:name}, the name WMS and WMTS clients use. */
    public String qualifiedName() {
        return workspace + ":" + name;
    }
}
