package eu.candela.ows.wms;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GetMap of {@link WmsTestLayer} in every CRS the issue names: known ground points, transformed by
 * Apache SIS (or the Web Mercator formulas), must land on pixels of the style's colour; nodata and
 * the area around the coverage take the background.
 */
class WmsGetMapTest extends WmsServerTestBase {
    private static final int SIZE = 240;
    private static final int GREEN = 0xFF00FF00;

    /** A map in one CRS: the coverage plus a margin, with the function taking UTM points into that CRS (east first). */
    private record View(String version, String crsParameter, String crs, UnaryOperator<double[]> fromUtm, boolean latitudeFirst) {
        double[] extent() {
            double[][] corners = {{WmsTestLayer.MIN_X, WmsTestLayer.minY()}, {WmsTestLayer.MIN_X, WmsTestLayer.MAX_Y},
                    {WmsTestLayer.maxX(), WmsTestLayer.minY()}, {WmsTestLayer.maxX(), WmsTestLayer.MAX_Y}};
            double[] e = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
            for (double[] c : corners) {
                double[] p = fromUtm.apply(c);
                e[0] = Math.min(e[0], p[0]);
                e[1] = Math.min(e[1], p[1]);
                e[2] = Math.max(e[2], p[0]);
                e[3] = Math.max(e[3], p[1]);
            }
            double mx = (e[2] - e[0]) * 0.1, my = (e[3] - e[1]) * 0.1;
            return new double[] {e[0] - mx, e[1] - my, e[2] + mx, e[3] + my};
        }

        String query(String extra) {
            double[] e = extent();
            String bbox = latitudeFirst ? e[1] + "," + e[0] + "," + e[3] + "," + e[2] : e[0] + "," + e[1] + "," + e[2] + "," + e[3];
            return "SERVICE=WMS&VERSION=" + version + "&REQUEST=GetMap&LAYERS=" + WmsTestLayer.NAME + "&STYLES=&"
                    + crsParameter + "=" + crs + "&BBOX=" + bbox + "&WIDTH=" + SIZE + "&HEIGHT=" + SIZE + "&FORMAT=image/png" + extra;
        }

        /** The map pixel {col, row} holding UTM point {@code utm}. */
        int[] pixel(double[] utm) {
            double[] e = extent();
            double[] p = fromUtm.apply(utm);
            return new int[] {(int) Math.floor((p[0] - e[0]) / (e[2] - e[0]) * SIZE), (int) Math.floor((e[3] - p[1]) / (e[3] - e[1]) * SIZE)};
        }
    }

    private static View view(String name) {
        UnaryOperator<double[]> lonLat = WmsTestLayer::toLonLat;
        return switch (name) {
            case "EPSG:4326 1.3.0" -> new View("1.3.0", "CRS", "EPSG:4326", lonLat, true);
            case "EPSG:4326 1.1.1" -> new View("1.1.1", "SRS", "EPSG:4326", lonLat, false);
            case "CRS:84" -> new View("1.3.0", "CRS", "CRS:84", lonLat, false);
            case "EPSG:3857" -> new View("1.3.0", "CRS", "EPSG:3857", p -> WmsTestLayer.toWebMercator(WmsTestLayer.toLonLat(p)), false);
            case "EPSG:32630" -> new View("1.1.1", "SRS", "EPSG:32630", p -> p.clone(), false);
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static int argb(BufferedImage image, int[] pixel) {
        return image.getRGB(pixel[0], pixel[1]);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"EPSG:4326 1.3.0", "EPSG:4326 1.1.1", "CRS:84", "EPSG:3857", "EPSG:32630"})
    void groundPointsLandOnPixelsOfTheStyleColour(String name) {
        View v = view(name);
        BufferedImage map = image(wms(v.query("")));
        assertThat(map.getWidth()).isEqualTo(SIZE);
        double boundary = WmsTestLayer.MIN_X + WmsTestLayer.SIZE / 2.0 * WmsTestLayer.PIXEL;
        double northing = WmsTestLayer.centre(0, 90)[1];
        // 25 m (2.5 source pixels, about 2 map pixels) either side of the blue / red edge
        assertThat(argb(map, v.pixel(new double[] {boundary - 25, northing}))).as("west of the edge").isEqualTo(WmsTestLayer.BLUE);
        assertThat(argb(map, v.pixel(new double[] {boundary + 25, northing}))).as("east of the edge").isEqualTo(WmsTestLayer.RED);
        assertThat(argb(map, v.pixel(WmsTestLayer.centre(40, 40)))).as("west half").isEqualTo(WmsTestLayer.BLUE);
        assertThat(argb(map, v.pixel(WmsTestLayer.centre(160, 160)))).as("east half").isEqualTo(WmsTestLayer.RED);
        assertThat(argb(map, v.pixel(WmsTestLayer.centre(100, 190)))).as("nodata is the background").isEqualTo(0xFFFFFFFF);
        assertThat(argb(map, new int[] {2, 2})).as("outside the coverage").isEqualTo(0xFFFFFFFF);
    }

    @Test
    void transparentMapsLeaveNodataTransparent() {
        View v = view("EPSG:32630");
        BufferedImage map = image(wms(v.query("&TRANSPARENT=TRUE")));
        assertThat(argb(map, v.pixel(WmsTestLayer.centre(100, 190))) >>> 24).isZero();
        assertThat(argb(map, new int[] {1, 1}) >>> 24).isZero();
        assertThat(argb(map, v.pixel(WmsTestLayer.centre(40, 40)))).isEqualTo(WmsTestLayer.BLUE);
    }

    @Test
    void opaqueMapsPaintNodataInTheBackgroundColour() {
        View v = view("EPSG:32630");
        BufferedImage map = image(wms(v.query("&TRANSPARENT=FALSE&BGCOLOR=0x00FF00")));
        assertThat(argb(map, v.pixel(WmsTestLayer.centre(100, 190)))).isEqualTo(GREEN);
        assertThat(argb(map, new int[] {1, 1})).isEqualTo(GREEN);
    }

    @Test
    void answersWithTheExactFormatAndCacheHeaders() {
        View v = view("EPSG:3857");
        HttpResponse<byte[]> png = wms(v.query(""));
        assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(png.headers().firstValue("Cache-Control").orElse("")).contains("max-age");
    }

    @Test
    void drawsJpegWithApproximateColours() {
        View v = view("EPSG:32630");
        HttpResponse<byte[]> r = wms(v.query("").replace("image/png", "image/jpeg"));
        assertThat(r.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        int blue = argb(image(r), v.pixel(WmsTestLayer.centre(40, 40)));
        assertThat(blue & 0xFF).isGreaterThan(200);
        assertThat(blue >> 16 & 0xFF).isLessThan(50);
    }

    @Test
    void drawsPalettePngWithExactColours() {
        View v = view("EPSG:32630");
        HttpResponse<byte[]> r = wms(v.query("").replace("image/png", encode("image/png; mode=8bit")));
        assertThat(r.headers().firstValue("Content-Type")).hasValue("image/png; mode=8bit");
        BufferedImage map = image(r);
        assertThat(map.getColorModel()).isInstanceOf(java.awt.image.IndexColorModel.class);
        assertThat(argb(map, v.pixel(WmsTestLayer.centre(40, 40)))).isEqualTo(WmsTestLayer.BLUE);
        assertThat(argb(map, v.pixel(WmsTestLayer.centre(160, 40)))).isEqualTo(WmsTestLayer.RED);
    }

    @Test
    void bilinearResamplingKeepsFlatAreas() {
        View v = view("EPSG:3857");
        BufferedImage map = image(wms(v.query("&INTERPOLATIONS=bilinear")));
        assertThat(argb(map, v.pixel(WmsTestLayer.centre(40, 40)))).isEqualTo(WmsTestLayer.BLUE);
    }

    @Test
    void compositesLayersInOrderWithTheLastOnTop() {
        View v = view("EPSG:32630");
        String twoLayers = v.query("").replace("LAYERS=" + WmsTestLayer.NAME + "&STYLES=",
                "LAYERS=" + WmsTestLayer.NAME + "," + WmsTestLayer.NAME + "&STYLES=raster," + WmsTestLayer.STYLE);
        BufferedImage map = image(wms(twoLayers));
        assertThat(argb(map, v.pixel(WmsTestLayer.centre(40, 40)))).isEqualTo(WmsTestLayer.BLUE);
        assertThat(argb(map, v.pixel(WmsTestLayer.centre(160, 40)))).isEqualTo(WmsTestLayer.RED);
    }

    @Test
    void drawsAnyEpsgCode() {
        // ETRS89 / UTM 30N, not listed in the capabilities
        String query = "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=" + WmsTestLayer.NAME + "&STYLES=&CRS=EPSG:25830"
                + "&BBOX=440000,4478000,442000,4480000&WIDTH=100&HEIGHT=100&FORMAT=image/png";
        BufferedImage map = image(wms(query));
        assertThat(map.getRGB(20, 20)).isEqualTo(WmsTestLayer.BLUE);
        assertThat(map.getRGB(80, 20)).isEqualTo(WmsTestLayer.RED);
    }

    @Test
    void drawsLeafletsEpsg4326WorldTile() {
        String query = "SERVICE=WMS&VERSION=1.1.1&REQUEST=GetMap&LAYERS=" + WmsTestLayer.NAME + "&STYLES=&SRS=EPSG:4326"
                + "&BBOX=-180,-270,180,90&WIDTH=256&HEIGHT=256&FORMAT=image/png&TRANSPARENT=TRUE";
        BufferedImage map = image(wms(query));
        assertThat(map.getRGB(0, 255) >>> 24).as("below the south pole").isZero();
    }

    @Test
    void servesPostedForms() {
        View v = view("EPSG:32630");
        HttpResponse<byte[]> r = send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base() + "/wms"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(v.query(""))).build());
        assertThat(argb(image(r), v.pixel(WmsTestLayer.centre(40, 40)))).isEqualTo(WmsTestLayer.BLUE);
    }

    @Test
    void drawsTheErrorIntoTheMapForInimage() {
        String query = view("EPSG:32630").query("&EXCEPTIONS=INIMAGE").replace(WmsTestLayer.NAME, "wmstest:nope");
        HttpResponse<byte[]> r = wms(query);
        BufferedImage map = image(r);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(map.getWidth()).isEqualTo(SIZE);
        boolean anyDark = false;
        for (int y = 0; y < 40 && !anyDark; y++) {
            for (int x = 0; x < SIZE && !anyDark; x++) anyDark = (map.getRGB(x, y) & 0xFF) < 128;
        }
        assertThat(anyDark).as("message drawn").isTrue();
    }

    @Test
    void answersBlankMapForBlankExceptions() {
        String query = view("EPSG:32630").query("&EXCEPTIONS=BLANK&BGCOLOR=0x00FF00").replace(WmsTestLayer.NAME, "wmstest:nope");
        BufferedImage map = image(wms(query));
        assertThat(map.getRGB(0, 0)).isEqualTo(GREEN);
        assertThat(map.getRGB(SIZE - 1, SIZE - 1)).isEqualTo(GREEN);
    }

    @ParameterizedTest(name = "{0}={1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "LAYERS  | wmstest:nope       | LayerNotDefined       | LAYERS",
            "STYLES  | nostyle            | StyleNotDefined       | STYLES",
            "CRS     | EPSG:999999        | InvalidCRS            | CRS",
            "CRS     | FOO:1              | InvalidCRS            | CRS",
            "FORMAT  | image/gif          | InvalidFormat         | FORMAT",
            "BBOX    | 4480000,442000,4478000,440000 | InvalidParameterValue | BBOX",
            "BBOX    | 1,2,3              | InvalidParameterValue | BBOX",
            "WIDTH   | 0                  | InvalidParameterValue | WIDTH",
            "WIDTH   | -1                 | InvalidParameterValue | WIDTH",
            "WIDTH   | ten                | InvalidParameterValue | WIDTH",
            "HEIGHT  | 100000             | InvalidParameterValue | HEIGHT",
            "REQUEST | GetStyles          | OperationNotSupported | REQUEST",
            "VERSION | x.y                | VersionNegotiationFailed | VERSION",
    })
    void rejectsBadInputWithCodeAndLocator130(String parameter, String value, String code, String locator) {
        String query = WmsRequestParserTest.replaceParameter(utm130(), parameter, parameter + "=" + encode(value));
        assertServiceException(wms(query), WmsVersion.V1_3_0, code, locator);
    }

    @Test
    void rejectsBboxOffTheEarthInGeographicCrs() {
        String query = WmsRequestParserTest.replaceParameter(utm130(), "CRS", "CRS=EPSG:4326");
        query = WmsRequestParserTest.replaceParameter(query, "BBOX", "BBOX=95,0,100,10");
        assertServiceException(wms(query), WmsVersion.V1_3_0, "InvalidParameterValue", "BBOX");
    }

    @Test
    void reportsMissingParameterAndInvalidSrsIn111() {
        String query = "SERVICE=WMS&VERSION=1.1.1&REQUEST=GetMap&LAYERS=" + WmsTestLayer.NAME
                + "&STYLES=&SRS=EPSG:999999&BBOX=0,0,1,1&WIDTH=10&HEIGHT=10&FORMAT=image/png";
        assertServiceException(wms(query), WmsVersion.V1_1_1, "InvalidSRS", "SRS");
        assertServiceException(wms(query.replace("&WIDTH=10", "")), WmsVersion.V1_1_1, "MissingParameterValue", "WIDTH");
    }

    private static String utm130() {
        return "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=" + WmsTestLayer.NAME + "&STYLES=&CRS=EPSG:32630"
                + "&BBOX=440000,4478000,442000,4480000&WIDTH=100&HEIGHT=100&FORMAT=image/png";
    }
}
