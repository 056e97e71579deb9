package eu.candela.ows.wms;

import eu.candela.ows.render.Interpolation;
import eu.candela.ows.render.MapExtent;
import eu.candela.ows.render.OutputFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** KVP parsing of every operation: names in any case, axis order, defaults, and the code and locator of each bad value. */
class WmsRequestParserTest {
    private static final String MAP_130 = "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=ws:a&STYLES=&CRS=EPSG:4326"
            + "&BBOX=40,-4,41,-3&WIDTH=256&HEIGHT=128&FORMAT=image/png";
    private static final String MAP_111 = "SERVICE=WMS&VERSION=1.1.1&REQUEST=GetMap&LAYERS=ws:a&STYLES=&SRS=EPSG:4326"
            + "&BBOX=-4,40,-3,41&WIDTH=256&HEIGHT=128&FORMAT=image/png";

    private final WmsRequestParser parser = new WmsRequestParser(4096, 2048);

    private WmsRequest parse(String query) {
        return parser.parse(WmsParameters.parse(query));
    }

    private WmsRequest.GetMap getMap(String query) {
        return (WmsRequest.GetMap) parse(query);
    }

    @Test
    void readsParameterNamesInAnyCase() {
        WmsRequest.GetMap r = getMap(MAP_130.toLowerCase().replace("epsg", "EPSG").replace("ws:a", "ws:A"));
        assertThat(r.view().layers()).containsExactly("ws:A");
        assertThat(r.view().width()).isEqualTo(256);
    }

    @Test
    void swapsLatitudeFirstBboxOfEpsg4326In130() {
        assertThat(getMap(MAP_130).view().extent()).isEqualTo(new MapExtent(-4, 40, -3, 41, 4326));
    }

    @Test
    void keepsLongitudeFirstBboxOfEpsg4326In111() {
        assertThat(getMap(MAP_111).view().extent()).isEqualTo(new MapExtent(-4, 40, -3, 41, 4326));
    }

    @Test
    void readsCrs84LongitudeFirstIn130() {
        WmsRequest.GetMap r = getMap(MAP_130.replace("CRS=EPSG:4326", "CRS=CRS:84").replace("40,-4,41,-3", "-4,40,-3,41"));
        assertThat(r.view().extent()).isEqualTo(new MapExtent(-4, 40, -3, 41, 4326));
        assertThat(r.view().crs().identifier()).isEqualTo("CRS:84");
    }

    @Test
    void keepsProjectedBboxesEastFirst() {
        WmsRequest.GetMap utm = getMap(MAP_130.replace("EPSG:4326", "EPSG:32630").replace("40,-4,41,-3", "400000,4400000,410000,4410000"));
        assertThat(utm.view().extent()).isEqualTo(new MapExtent(400000, 4400000, 410000, 4410000, 32630));
        WmsRequest.GetMap google = getMap(MAP_130.replace("EPSG:4326", "EPSG:900913").replace("40,-4,41,-3", "-1e6,4e6,-0.9e6,4.1e6"));
        assertThat(google.view().extent().epsg()).isEqualTo(3857);
        assertThat(google.view().extent().minX()).isEqualTo(-1e6);
    }

    @Test
    void readsUrnCrsInEpsgAxisOrder() {
        WmsRequest.GetMap r = getMap(MAP_111.replace("SRS=EPSG:4326", "SRS=urn:ogc:def:crs:EPSG::4326").replace("-4,40,-3,41", "40,-4,41,-3"));
        assertThat(r.view().extent()).isEqualTo(new MapExtent(-4, 40, -3, 41, 4326));
    }

    @Test
    void defaultsToOpaqueWhiteNearestXmlExceptions() {
        WmsRequest.GetMap r = getMap(MAP_130);
        assertThat(r.view().transparent()).isFalse();
        assertThat(r.view().background()).isEqualTo(0xFFFFFF);
        assertThat(r.view().interpolations()).containsExactly(Interpolation.NEAREST);
        assertThat(r.view().styles()).containsExactly("");
        assertThat(r.exceptions()).isEqualTo(ExceptionFormat.XML);
        assertThat(r.format()).isEqualTo(OutputFormat.PNG);
    }

    @Test
    void readsTransparencyBackgroundFormatAndExceptions() {
        WmsRequest.GetMap r = getMap(MAP_130.replace("image/png", "image/png;%20mode=8bit")
                + "&TRANSPARENT=true&BGCOLOR=0x12AB34&EXCEPTIONS=INIMAGE");
        assertThat(r.format()).isEqualTo(OutputFormat.PNG8);
        assertThat(r.view().transparent()).isTrue();
        assertThat(r.view().background()).isEqualTo(0x12AB34);
        assertThat(r.exceptions()).isEqualTo(ExceptionFormat.INIMAGE);
        assertThat(getMap(MAP_111 + "&EXCEPTIONS=application/vnd.ogc.se_blank").exceptions()).isEqualTo(ExceptionFormat.BLANK);
    }

    @Test
    void readsOneStyleAndInterpolationPerLayer() {
        WmsRequest.GetMap r = getMap(MAP_130.replace("LAYERS=ws:a&STYLES=", "LAYERS=ws:a,ws:b&STYLES=,grey")
                + "&INTERPOLATIONS=bilinear,nearest");
        assertThat(r.view().layers()).containsExactly("ws:a", "ws:b");
        assertThat(r.view().styles()).containsExactly("", "grey");
        assertThat(r.view().interpolations()).containsExactly(Interpolation.BILINEAR, Interpolation.NEAREST);
        assertThat(getMap(MAP_130 + "&RESAMPLING=bilinear").view().interpolations()).containsExactly(Interpolation.BILINEAR);
    }

    @Test
    void treatsMissingStylesAsDefaults() {
        WmsRequest.GetMap r = getMap(MAP_130.replace("LAYERS=ws:a&STYLES=", "LAYERS=ws:a,ws:b"));
        assertThat(r.view().styles()).containsExactly("", "");
    }

    @Test
    void infersVersionFromCrsOrSrsWhenMissing() {
        assertThat(getMap(MAP_111.replace("VERSION=1.1.1&", "")).version()).isEqualTo(WmsVersion.V1_1_1);
        assertThat(getMap(MAP_130.replace("VERSION=1.3.0&", "")).version()).isEqualTo(WmsVersion.V1_3_0);
    }

    @Test
    void acceptsWmtverAsVersion() {
        WmsRequest r = parse("SERVICE=WMS&REQUEST=GetCapabilities&WMTVER=1.1.1");
        assertThat(r.version()).isEqualTo(WmsVersion.V1_1_1);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"'', 1.3.0", "1.3.0, 1.3.0", "1.1.1, 1.1.1", "1.1.0, 1.1.1", "1.0.0, 1.1.1", "1.2.0, 1.1.1", "2.0.0, 1.3.0", "1.3, 1.1.1"})
    void negotiatesCapabilitiesVersion(String requested, String answered) {
        String query = "SERVICE=WMS&REQUEST=GetCapabilities" + (requested.isEmpty() ? "" : "&VERSION=" + requested);
        assertThat(parse(query).version().text()).isEqualTo(answered);
    }

    @Test
    void parsesGetFeatureInfoPoints() {
        var r130 = (WmsRequest.GetFeatureInfo) parse(MAP_130.replace("GetMap", "GetFeatureInfo")
                + "&QUERY_LAYERS=ws:a&I=10&J=20&INFO_FORMAT=application/json&FEATURE_COUNT=5");
        assertThat(List.of(r130.i(), r130.j(), r130.featureCount())).containsExactly(10, 20, 5);
        assertThat(r130.infoFormat()).isEqualTo(InfoFormat.JSON);
        var r111 = (WmsRequest.GetFeatureInfo) parse(MAP_111.replace("GetMap", "GetFeatureInfo") + "&QUERY_LAYERS=ws:a&X=3&Y=4");
        assertThat(List.of(r111.i(), r111.j())).containsExactly(3, 4);
        assertThat(r111.infoFormat()).isEqualTo(InfoFormat.TEXT);
    }

    @Test
    void parsesGetLegendGraphicWithDefaults() {
        var r = (WmsRequest.GetLegendGraphic) parse("SERVICE=WMS&REQUEST=GetLegendGraphic&LAYER=ws:a");
        assertThat(r.format()).isEqualTo(OutputFormat.PNG);
        assertThat(List.of(r.swatchWidth(), r.swatchHeight())).containsExactly(20, 20);
        assertThat(r.style()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "BBOX=1,2,3                  | InvalidParameterValue | BBOX",
            "BBOX=a,b,c,d                | InvalidParameterValue | BBOX",
            "BBOX=41,-4,40,-3            | InvalidParameterValue | BBOX",
            "BBOX=40,-3,41,-3            | InvalidParameterValue | BBOX",
            "BBOX=40,-4,95,-3            | InvalidParameterValue | BBOX",
            "BBOX=40,190,41,200          | InvalidParameterValue | BBOX",
            "WIDTH=0                     | InvalidParameterValue | WIDTH",
            "WIDTH=-5                    | InvalidParameterValue | WIDTH",
            "WIDTH=wide                  | InvalidParameterValue | WIDTH",
            "WIDTH=4097                  | InvalidParameterValue | WIDTH",
            "HEIGHT=2049                 | InvalidParameterValue | HEIGHT",
            "WIDTH=                      | MissingParameterValue | WIDTH",
            "CRS=EPSG:abc                | InvalidCRS            | CRS",
            "CRS=AUTO:42001              | InvalidCRS            | CRS",
            "CRS=                        | MissingParameterValue | CRS",
            "FORMAT=image/gif            | InvalidFormat         | FORMAT",
            "FORMAT=                     | MissingParameterValue | FORMAT",
            "LAYERS=                     | MissingParameterValue | LAYERS",
            "STYLES=a,b                  | InvalidParameterValue | STYLES",
            "TRANSPARENT=maybe           | InvalidParameterValue | TRANSPARENT",
            "BGCOLOR=red                 | InvalidParameterValue | BGCOLOR",
            "EXCEPTIONS=text/html        | InvalidParameterValue | EXCEPTIONS",
            "INTERPOLATION=bicubic       | InvalidParameterValue | INTERPOLATION",
            "REQUEST=GetStyles           | OperationNotSupported | REQUEST",
            "REQUEST=                    | MissingParameterValue | REQUEST",
            "SERVICE=WFS                 | InvalidParameterValue | SERVICE",
            "VERSION=one                 | VersionNegotiationFailed | VERSION",
    })
    void rejectsBadGetMapValuesWithCodeAndLocator(String replacement, WmsExceptionCode code, String locator) {
        String name = replacement.substring(0, replacement.indexOf('='));
        String query = replaceParameter(MAP_130, name, replacement);
        assertThatThrownBy(() -> parse(query)).isInstanceOfSatisfying(WmsException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.locator()).isEqualTo(locator);
        });
    }

    @Test
    void reportsInvalidSrsUnderItsOwnNameIn111() {
        assertThatThrownBy(() -> parse(replaceParameter(MAP_111, "SRS", "SRS=EPSG:x"))).isInstanceOfSatisfying(WmsException.class, e -> {
            assertThat(e.code().reportedCode(WmsVersion.V1_1_1)).isEqualTo("InvalidSRS");
            assertThat(e.locator()).isEqualTo("SRS");
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "I=256       | InvalidPoint          | I",
            "I=-1        | InvalidPoint          | I",
            "J=x         | InvalidPoint          | J",
            "J=          | MissingParameterValue | J",
            "QUERY_LAYERS= | MissingParameterValue | QUERY_LAYERS",
            "INFO_FORMAT=application/xml | InvalidFormat | INFO_FORMAT",
            "FEATURE_COUNT=0 | InvalidParameterValue | FEATURE_COUNT",
    })
    void rejectsBadGetFeatureInfoValues(String replacement, WmsExceptionCode code, String locator) {
        String gfi = MAP_130.replace("GetMap", "GetFeatureInfo") + "&QUERY_LAYERS=ws:a&I=10&J=20&INFO_FORMAT=text/plain&FEATURE_COUNT=1";
        String name = replacement.substring(0, replacement.indexOf('='));
        assertThatThrownBy(() -> parse(replaceParameter(gfi, name, replacement))).isInstanceOfSatisfying(WmsException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.locator()).isEqualTo(locator);
        });
    }

    @Test
    void requiresServiceForGetCapabilities() {
        assertThatThrownBy(() -> parse("REQUEST=GetCapabilities")).isInstanceOfSatisfying(WmsException.class, e -> {
            assertThat(e.code()).isEqualTo(WmsExceptionCode.MissingParameterValue);
            assertThat(e.locator()).isEqualTo("SERVICE");
        });
    }

    /** The query with parameter {@code name} replaced by {@code pair} (or {@code pair} appended when absent). */
    static String replaceParameter(String query, String name, String pair) {
        StringBuilder b = new StringBuilder();
        boolean replaced = false;
        for (String p : query.split("&")) {
            if (p.substring(0, p.indexOf('=')).equalsIgnoreCase(name)) {
                p = pair;
                replaced = true;
            }
            b.append(b.isEmpty() ? "" : "&").append(p);
        }
        return replaced ? b.toString() : b + "&" + pair;
    }
}
