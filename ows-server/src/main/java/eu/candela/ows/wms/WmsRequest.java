package eu.candela.ows.wms;

import eu.candela.ows.render.OutputFormat;

import java.util.List;
import java.util.Objects;

/** A parsed, validated WMS request: one record per operation. */
public sealed interface WmsRequest {

    /** The version the answer (and any exception report) is written in. */
    WmsVersion version();

    record GetCapabilities(WmsVersion version) implements WmsRequest {
        public GetCapabilities {
            Objects.requireNonNull(version, "version");
        }
    }

    record GetMap(WmsVersion version, MapView view, OutputFormat format, ExceptionFormat exceptions) implements WmsRequest {
        public GetMap {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(view, "view");
            Objects.requireNonNull(format, "format");
            exceptions = exceptions == null ? ExceptionFormat.XML : exceptions;
        }
    }

    /**
     * @param queryLayers  the layers to report on, a subset of the map's
     * @param i            pixel column, 0 at the left
     * @param j            pixel row, 0 at the top
     * @param featureCount the most features per layer (a coverage gives at most one)
     */
    record GetFeatureInfo(WmsVersion version, MapView view, List<String> queryLayers, int i, int j,
                          InfoFormat infoFormat, int featureCount) implements WmsRequest {
        public GetFeatureInfo {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(view, "view");
            Objects.requireNonNull(infoFormat, "infoFormat");
            queryLayers = List.copyOf(queryLayers);
        }
    }

    /**
     * @param style        the style to draw, null for the layer's default
     * @param swatchWidth  width of one legend swatch in pixels
     * @param swatchHeight height of one swatch
     */
    record GetLegendGraphic(WmsVersion version, String layer, String style, OutputFormat format,
                            int swatchWidth, int swatchHeight) implements WmsRequest {
        public GetLegendGraphic {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(layer, "layer");
            Objects.requireNonNull(format, "format");
        }
    }
}
