package eu.candela.ows.wms;

import eu.candela.ows.render.Interpolation;
import eu.candela.ows.render.OutputFormat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns WMS key-value pairs into a {@link WmsRequest}, checking every parameter and naming it in
 * the error. Lenient where clients differ and the meaning is clear: SERVICE may be left out of map
 * requests, STYLES may be absent (all defaults), VERSION of a GetMap is inferred from CRS / SRS
 * when missing, and the WMS 1.0 names (WMTVER, {@code map}, {@code feature_info}) are understood.
 */
public final class WmsRequestParser {
    private final int maxWidth;
    private final int maxHeight;
    private final MapAreaParser areas;

    public WmsRequestParser(int maxWidth, int maxHeight) {
        this.maxWidth = maxWidth;
        this.maxHeight = maxHeight;
        this.areas = new MapAreaParser(new CrsAxes());
    }

    public WmsRequest parse(WmsParameters p) {
        p.get("SERVICE").ifPresent(service -> {
            if (!service.equalsIgnoreCase("WMS")) {
                throw WmsException.invalid("SERVICE", "Service '" + service + "' is not offered here; use WMS");
            }
        });
        String request = p.required("REQUEST");
        return switch (request.toLowerCase(Locale.ROOT)) {
            case "getcapabilities", "capabilities" -> getCapabilities(p);
            case "getmap", "map" -> getMap(p);
            case "getfeatureinfo", "feature_info" -> getFeatureInfo(p);
            case "getlegendgraphic" -> getLegendGraphic(p);
            default -> throw new WmsException(WmsExceptionCode.OperationNotSupported, "REQUEST",
                    "Operation '" + request + "' is not supported; use GetCapabilities, GetMap, GetFeatureInfo or GetLegendGraphic");
        };
    }

    /** The version a request's answer or error is written in, as well as it can be told; never fails. */
    public static WmsVersion versionOf(WmsParameters p) {
        try {
            return mapVersion(p);
        } catch (WmsException e) {
            return WmsVersion.V1_3_0;
        }
    }

    private static WmsRequest getCapabilities(WmsParameters p) {
        if (p.get("SERVICE").isEmpty()) throw WmsException.missing("SERVICE");
        return new WmsRequest.GetCapabilities(WmsVersion.negotiate(requestedVersion(p).orElse(null)));
    }

    private WmsRequest getMap(WmsParameters p) {
        WmsVersion version = mapVersion(p);
        MapView view = mapView(p, version, true);
        String formatText = p.required("FORMAT");
        OutputFormat format = OutputFormat.of(formatText).orElseThrow(() -> new WmsException(WmsExceptionCode.InvalidFormat,
                "FORMAT", "Format '" + formatText + "' is not offered; use image/png, image/png; mode=8bit or image/jpeg"));
        return new WmsRequest.GetMap(version, view, format, exceptions(p));
    }

    private WmsRequest getFeatureInfo(WmsParameters p) {
        WmsVersion version = mapVersion(p);
        MapView view = mapView(p, version, false);
        List<String> queryLayers = p.list("QUERY_LAYERS").stream().filter(s -> !s.isEmpty()).toList();
        if (queryLayers.isEmpty()) throw WmsException.missing("QUERY_LAYERS");
        boolean v130 = version == WmsVersion.V1_3_0;
        int i = point(p, v130 ? "I" : "X", view.width());
        int j = point(p, v130 ? "J" : "Y", view.height());
        String infoText = p.get("INFO_FORMAT").orElse(InfoFormat.TEXT.mimeType());
        InfoFormat info = InfoFormat.of(infoText).orElseThrow(() -> new WmsException(WmsExceptionCode.InvalidFormat,
                "INFO_FORMAT", "Info format '" + infoText + "' is not offered; use text/plain, text/html or application/json"));
        int featureCount = p.integer("FEATURE_COUNT", 1);
        if (featureCount < 1) throw WmsException.invalid("FEATURE_COUNT", "FEATURE_COUNT must be at least 1, got " + featureCount);
        return new WmsRequest.GetFeatureInfo(version, view, queryLayers, i, j, info, featureCount);
    }

    private WmsRequest getLegendGraphic(WmsParameters p) {
        WmsVersion version = versionOf(p);
        String layer = p.required("LAYER");
        String style = p.get("STYLE").orElse(null);
        String formatText = p.get("FORMAT").orElse(OutputFormat.PNG.mimeType());
        OutputFormat format = OutputFormat.of(formatText).orElseThrow(() -> new WmsException(WmsExceptionCode.InvalidFormat,
                "FORMAT", "Format '" + formatText + "' is not offered for legends; use image/png or image/jpeg"));
        int width = size(p, "WIDTH", 20, 512);
        int height = size(p, "HEIGHT", 20, 512);
        return new WmsRequest.GetLegendGraphic(version, layer, style, format, width, height);
    }

    private MapView mapView(WmsParameters p, WmsVersion version, boolean getMap) {
        List<String> layers = p.list("LAYERS");
        if (layers.isEmpty() || layers.stream().anyMatch(String::isEmpty)) {
            if (layers.isEmpty()) throw WmsException.missing("LAYERS");
            throw WmsException.invalid("LAYERS", "LAYERS has an empty name: '" + p.raw("LAYERS") + "'");
        }
        List<String> styles = styles(p, layers.size());
        String crsName = WmsCrs.crsParameter(version);
        WmsCrs crs = areas.crs(p.required(crsName), version);
        var extent = areas.extent(p.required("BBOX"), crs);
        int width = size(p, "WIDTH", -1, maxWidth);
        int height = size(p, "HEIGHT", -1, maxHeight);
        boolean transparent = p.bool("TRANSPARENT", false);
        int background = background(p);
        List<Interpolation> interpolations = interpolations(p, layers.size());
        return new MapView(layers, styles, crs, extent, width, height, transparent, background, interpolations);
    }

    /** STYLES absent or empty: every layer's default; otherwise one entry per layer, empty ones meaning the default. */
    private static List<String> styles(WmsParameters p, int layerCount) {
        List<String> styles = p.list("STYLES");
        if (styles.isEmpty() || (styles.size() == 1 && styles.get(0).isEmpty())) {
            return new ArrayList<>(java.util.Collections.nCopies(layerCount, ""));
        }
        if (styles.size() != layerCount) {
            throw WmsException.invalid("STYLES", "STYLES names " + styles.size() + " styles for " + layerCount + " layers");
        }
        return styles;
    }

    private static List<Interpolation> interpolations(WmsParameters p, int layerCount) {
        Optional<String> name = Optional.<String>empty();
        for (String key : List.of("INTERPOLATIONS", "INTERPOLATION", "RESAMPLING")) {
            if (p.get(key).isPresent()) {
                name = Optional.of(key);
                break;
            }
        }
        List<Interpolation> result = new ArrayList<>(java.util.Collections.nCopies(layerCount, Interpolation.NEAREST));
        if (name.isEmpty()) return result;
        List<String> values = p.list(name.get());
        if (values.size() != 1 && values.size() != layerCount) {
            throw WmsException.invalid(name.get(), name.get() + " names " + values.size() + " methods for " + layerCount + " layers");
        }
        for (int i = 0; i < layerCount; i++) {
            String v = values.size() == 1 ? values.get(0) : values.get(i);
            if (!v.isEmpty()) result.set(i, interpolation(name.get(), v));
        }
        return result;
    }

    static Interpolation interpolation(String parameter, String value) {
        return switch (value.toLowerCase(Locale.ROOT).replace(" ", "")) {
            case "nearest", "nearestneighbor", "nearest_neighbor" -> Interpolation.NEAREST;
            case "bilinear", "linear" -> Interpolation.BILINEAR;
            default -> throw WmsException.invalid(parameter, "Interpolation '" + value + "' is not offered; use nearest or bilinear");
        };
    }

    /** BGCOLOR {@code 0xRRGGBB} (also {@code #RRGGBB}); white when absent. */
    static int background(WmsParameters p) {
        Optional<String> v = p.get("BGCOLOR");
        if (v.isEmpty()) return 0xFFFFFF;
        String t = v.get();
        String hex = t.startsWith("0x") || t.startsWith("0X") ? t.substring(2) : t.startsWith("#") ? t.substring(1) : null;
        if (hex == null || hex.length() != 6) {
            throw WmsException.invalid("BGCOLOR", "BGCOLOR '" + t + "' is not of the form 0xRRGGBB");
        }
        try {
            return Integer.parseInt(hex, 16);
        } catch (NumberFormatException e) {
            throw WmsException.invalid("BGCOLOR", "BGCOLOR '" + t + "' is not of the form 0xRRGGBB");
        }
    }

    /** A pixel size: required when {@code fallback} is negative, between 1 and {@code max}. */
    private static int size(WmsParameters p, String name, int fallback, int max) {
        if (fallback < 0 && p.get(name).isEmpty()) throw WmsException.missing(name);
        int v = p.integer(name, fallback);
        if (v < 1) throw WmsException.invalid(name, name + " must be at least 1, got " + v);
        if (v > max) throw WmsException.invalid(name, name + " " + v + " is above this server's limit of " + max);
        return v;
    }

    private static int point(WmsParameters p, String name, int limit) {
        int v = WmsParameters.parseInteger(name, p.required(name), WmsExceptionCode.InvalidPoint);
        if (v < 0 || v >= limit) {
            throw new WmsException(WmsExceptionCode.InvalidPoint, name, name + " " + v + " is outside the map (0 to " + (limit - 1) + ")");
        }
        return v;
    }

    private static ExceptionFormat exceptions(WmsParameters p) {
        Optional<String> v = p.get("EXCEPTIONS");
        if (v.isEmpty()) return ExceptionFormat.XML;
        return ExceptionFormat.of(v.get()).orElseThrow(() -> WmsException.invalid("EXCEPTIONS",
                "Exception format '" + v.get() + "' is not offered; use XML, INIMAGE or BLANK"));
    }

    private static Optional<String> requestedVersion(WmsParameters p) {
        return p.get("VERSION").or(() -> p.get("WMTVER"));
    }

    /** VERSION (or WMTVER) negotiated; when absent, 1.3.0 if the request has CRS, 1.1.1 if it has SRS. */
    private static WmsVersion mapVersion(WmsParameters p) {
        Optional<String> requested = requestedVersion(p);
        if (requested.isPresent()) return WmsVersion.negotiate(requested.get());
        if (p.get("CRS").isEmpty() && p.get("SRS").isPresent()) return WmsVersion.V1_1_1;
        return WmsVersion.V1_3_0;
    }
}
