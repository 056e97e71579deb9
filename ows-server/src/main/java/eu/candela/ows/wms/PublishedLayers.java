package eu.candela.ows.wms;

import eu.candela.ows.catalog.Catalog;
import eu.candela.ows.catalog.CoverageStoreInfo;
import eu.candela.ows.catalog.LayerInfo;
import eu.candela.ows.catalog.StyleInfo;
import eu.candela.ows.style.RasterStyle;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The layers WMS shows: enabled layers of enabled coverage stores, looked up in the catalogue by
 * {@code workspace:name} (or a unique plain name), with the styles a request may name.
 */
final class PublishedLayers {
    private final Catalog catalog;

    PublishedLayers(Catalog catalog) {
        this.catalog = catalog;
    }

    /** A layer and the file it shows. */
    record Published(LayerInfo layer, CoverageStoreInfo store) {
        Path file() { return store.file(); }

        String name() { return layer.qualifiedName(); }
    }

    /** Every visible layer, sorted by qualified name. */
    List<Published> all() {
        return catalog.layers().stream().map(this::visible).flatMap(Optional::stream).toList();
    }

    /** @throws WmsException LayerNotDefined, with {@code locator}, when no visible layer has that name */
    Published layer(String name, String locator) {
        return catalog.layer(name).flatMap(this::visible).orElseThrow(() -> new WmsException(
                WmsExceptionCode.LayerNotDefined, locator, "No layer named '" + name + "'"));
    }

    /**
     * The style a request names for {@code layer}: its default when {@code styleName} is empty or
     * {@code default}, otherwise any style of the catalogue, as GeoServer allows.
     *
     * @throws WmsException StyleNotDefined, with {@code locator}, for a style the catalogue lacks
     */
    RasterStyle style(Published layer, String styleName, String locator) {
        if (styleName == null || styleName.isEmpty()) return defaultStyle(layer);
        Optional<StyleInfo> named = catalog.style(styleName);
        if (named.isPresent()) return named.get().style();
        if (styleName.equalsIgnoreCase("default")) return defaultStyle(layer);
        throw new WmsException(WmsExceptionCode.StyleNotDefined, locator,
                "No style named '" + styleName + "' for layer " + layer.name());
    }

    /** The layer's default style, then its alternatives, as the catalogue has them (missing ones left out). */
    List<StyleInfo> stylesOf(Published layer) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(layer.layer().defaultStyle()),
                        layer.layer().styles().stream())
                .distinct().map(catalog::style).flatMap(Optional::stream).toList();
    }

    private RasterStyle defaultStyle(Published layer) {
        String name = layer.layer().defaultStyle();
        return catalog.style(name).map(StyleInfo::style).orElseThrow(() -> new WmsException(
                WmsExceptionCode.NoApplicableCode, null,
                "The default style '" + name + "' of layer " + layer.name() + " is missing from the catalogue"));
    }

    private Optional<Published> visible(LayerInfo layer) {
        if (!layer.enabled()) return Optional.empty();
        return catalog.store(layer.workspace(), layer.store()).filter(CoverageStoreInfo::enabled)
                .map(store -> new Published(layer, store));
    }
}
