package eu.candela.ows.wms;

import eu.candela.ows.render.Interpolation;
import eu.candela.ows.render.MapExtent;

import java.util.List;
import java.util.Objects;

/**
 * The map part shared by GetMap and GetFeatureInfo: what to draw, where and how big.
 *
 * @param layers         layer names in drawing order (the first is at the bottom)
 * @param styles         one style name per layer, empty for the layer's default
 * @param crs            the CRS as requested
 * @param extent         the BBOX in that CRS, east axis first (already swapped for 1.3.0 latitude-first CRSs)
 * @param width          map width in pixels
 * @param height         map height in pixels
 * @param transparent    pixels without data stay transparent
 * @param background     0xRRGGBB behind opaque maps
 * @param interpolations one resampling per layer
 */
public record MapView(List<String> layers, List<String> styles, WmsCrs crs, MapExtent extent, int width, int height,
                      boolean transparent, int background, List<Interpolation> interpolations) {
    public MapView {
        layers = List.copyOf(layers);
        styles = List.copyOf(styles);
        interpolations = List.copyOf(interpolations);
        Objects.requireNonNull(crs, "crs");
        Objects.requireNonNull(extent, "extent");
        if (layers.isEmpty()) throw new IllegalArgumentException("a map needs at least one layer");
        if (styles.size() != layers.size() || interpolations.size() != layers.size()) {
            throw new IllegalArgumentException("one style and one interpolation per layer");
        }
        if (width < 1 || height < 1) throw new IllegalArgumentException("map size must be at least 1x1");
    }
}
