package eu.candela.ows.wmts;

import eu.candela.ows.catalog.CatalogEditor;
import eu.candela.ows.catalog.CatalogException;
import eu.candela.ows.catalog.CoverageStoreInfo;
import eu.candela.ows.catalog.LayerInfo;
import eu.candela.ows.testing.ServerTestBase;
import eu.candela.ows.testing.Xml;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The WMTS against the real catalogue, renderer and image writer: a generated UTM scene whose two
 * halves hold two known values, painted by an SLD in two known colours.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WmtsServiceTest extends ServerTestBase {
    static final String WS = "wmtstest";
    static final String LAYER = WS + ":scene";
    static final int RED = 0xFFFF0000, BLUE = 0xFF0000FF, GREEN = 0xFF00FF00;
    static final int Z = 14;

    @Autowired
    CatalogEditor catalog;

    Path scene;

    @BeforeAll
    void publish() throws CatalogException {
        scene = WmtsFixtures.writeScene(dataDir().resolve("eodata/wmtstest/scene.tif"));
        catalog.addWorkspace(WS);
        catalog.putStyle("wmts_red_blue", WmtsFixtures.sld("wmts_red_blue", "#FF0000", "#0000FF"));
        catalog.putStyle("wmts_green", WmtsFixtures.sld("wmts_green", "#00FF00", "#00FF00"));
        publishLayer("scene", "wmts_red_blue", List.of("wmts_green"));
    }

    private void publishLayer(String name, String style, List<String> others) throws CatalogException {
        catalog.putStore(new CoverageStoreInfo(WS, name, scene, "", true));
        catalog.putLayer(new LayerInfo(WS, name, name, "WMTS test " + name, "", style, others, true, Instant.now(), 0));
    }

    static String kvp(String layer, String style, String tms, int z, long row, long col, String format) {
        return "/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=" + layer + "&STYLE=" + style
                + "&FORMAT=" + format + "&TILEMATRIXSET=" + tms + "&TILEMATRIX=" + z + "&TILEROW=" + row + "&TILECOL=" + col;
    }

    static String rest(String layer, String style, String tms, int z, long row, long col, String ext) {
        return "/wmts/rest/" + layer + "/" + style + "/" + tms + "/" + z + "/" + row + "/" + col + "." + ext;
    }

    /** {row, col, i, j} of a lon/lat point at level {@code z} of GoogleMapsCompatible. */
    static long[] googleTileOf(double[] lonLat, int z) {
        double[] m = WmtsFixtures.toMercator(lonLat[0], lonLat[1]);
        return WmtsFixtures.locate(TileMatrixSets.GOOGLE_MAPS_COMPATIBLE.level(z), m[0], m[1]);
    }

    private int pixelAt(String layer, String style, double[] lonLat) {
        long[] t = googleTileOf(lonLat, Z);
        HttpResponse<byte[]> r = get(rest(layer, style, "GoogleMapsCompatible", Z, t[0], t[1], "png"));
        assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
        return WmtsFixtures.decode(r.body()).getRGB((int) t[2], (int) t[3]);
    }

    @Test
    void capabilitiesListTheLayerWithItsExtentStylesAndLimits() {
        HttpResponse<byte[]> r = get("/wmts?SERVICE=WMTS&REQUEST=GetCapabilities");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("xml"));
        Xml doc = Xml.of(r.body());
        String layer = "//wmts:Contents/wmts:Layer[ows:Identifier='" + LAYER + "']";
        assertThat(doc.count(layer)).isEqualTo(1);
        assertThat(doc.text(layer + "/ows:Title")).isEqualTo("WMTS test scene");
        String[] lower = doc.text(layer + "/ows:WGS84BoundingBox/ows:LowerCorner").split(" ");
        String[] upper = doc.text(layer + "/ows:WGS84BoundingBox/ows:UpperCorner").split(" ");
        // the two points lie a quarter of the scene in from its west and east edges
        double halfWidth = WmtsFixtures.EAST_POINT[0] - WmtsFixtures.WEST_POINT[0];
        assertThat(Double.parseDouble(lower[0])).isCloseTo(WmtsFixtures.WEST_POINT[0] - halfWidth / 2, within(0.005));
        assertThat(Double.parseDouble(upper[0])).isCloseTo(WmtsFixtures.EAST_POINT[0] + halfWidth / 2, within(0.005));
        assertThat(Double.parseDouble(lower[1])).isLessThan(WmtsFixtures.WEST_POINT[1]);
        assertThat(Double.parseDouble(upper[1])).isGreaterThan(WmtsFixtures.WEST_POINT[1]);
        assertThat(doc.text(layer + "/wmts:Style[@isDefault='true']/ows:Identifier")).isEqualTo("wmts_red_blue");
        assertThat(doc.text(layer + "/wmts:Style[ows:Identifier='wmts_green']/wmts:LegendURL/@xlink:href"))
                .isEqualTo(base() + "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&LAYER=wmtstest%3Ascene"
                        + "&STYLE=wmts_green&FORMAT=image/png");
        long[] west = googleTileOf(WmtsFixtures.WEST_POINT, Z);
        long[] east = googleTileOf(WmtsFixtures.EAST_POINT, Z);
        String limits = layer + "/wmts:TileMatrixSetLink[wmts:TileMatrixSet='GoogleMapsCompatible']"
                + "/wmts:TileMatrixSetLimits/wmts:TileMatrixLimits[wmts:TileMatrix='" + Z + "']";
        assertThat(Long.parseLong(doc.text(limits + "/wmts:MinTileCol"))).isLessThanOrEqualTo(west[1]);
        assertThat(Long.parseLong(doc.text(limits + "/wmts:MaxTileCol"))).isGreaterThanOrEqualTo(east[1]);
        assertThat(Long.parseLong(doc.text(limits + "/wmts:MinTileRow"))).isLessThanOrEqualTo(west[0]);
        assertThat(Long.parseLong(doc.text(limits + "/wmts:MaxTileRow"))).isGreaterThanOrEqualTo(west[0]);
        // the scene is about 10 km wide: at level 14 (2.4 km tiles) it spans a handful of tiles, at level 0 one
        assertThat(Long.parseLong(doc.text(limits + "/wmts:MaxTileCol")) - Long.parseLong(doc.text(limits + "/wmts:MinTileCol")))
                .isBetween(3L, 6L);
        assertThat(doc.count(layer + "/wmts:TileMatrixSetLink[wmts:TileMatrixSet='WorldCRS84Quad']")).isEqualTo(1);
        assertThat(doc.text(layer + "/wmts:ResourceURL[@format='image/png']/@template"))
                .isEqualTo(base() + "/wmts/rest/" + LAYER + "/{Style}/{TileMatrixSet}/{TileMatrix}/{TileRow}/{TileCol}.png");
    }

    @Test
    void restCapabilitiesAreTheKvpDocument() {
        HttpResponse<byte[]> kvp = get("/wmts?SERVICE=WMTS&REQUEST=GetCapabilities");
        HttpResponse<byte[]> rest = get("/wmts/1.0.0/WMTSCapabilities.xml");
        assertThat(rest.statusCode()).isEqualTo(200);
        assertThat(text(rest)).isEqualTo(text(kvp));
    }

    @Test
    void kvpAndRestTilesAreTheSameBytes() {
        long[] t = googleTileOf(WmtsFixtures.WEST_POINT, Z);
        HttpResponse<byte[]> kvp = get(kvp(LAYER, "", "GoogleMapsCompatible", Z, t[0], t[1], "image/png"));
        HttpResponse<byte[]> rest = get(rest(LAYER, "wmts_red_blue", "GoogleMapsCompatible", Z, t[0], t[1], "png"));
        assertThat(kvp.statusCode()).as(text(kvp)).isEqualTo(200);
        assertThat(kvp.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(rest.body()).isEqualTo(kvp.body());
        assertThat(rest.headers().firstValue("ETag")).isEqualTo(kvp.headers().firstValue("ETag"));
    }

    @Test
    void tilePixelsHaveTheStyleColoursAtKnownGroundPoints() {
        assertThat(pixelAt(LAYER, "default", WmtsFixtures.WEST_POINT)).isEqualTo(RED);
        assertThat(pixelAt(LAYER, "default", WmtsFixtures.EAST_POINT)).isEqualTo(BLUE);
        assertThat(pixelAt(LAYER, "wmts_green", WmtsFixtures.EAST_POINT)).isEqualTo(GREEN);
    }

    @Test
    void crs84TilesHaveTheStyleColoursToo() {
        double[] p = WmtsFixtures.EAST_POINT;
        TileMatrix matrix = TileMatrixSets.WORLD_CRS84_QUAD.level(13);
        long[] t = WmtsFixtures.locate(matrix, p[0], p[1]);
        HttpResponse<byte[]> r = get(rest(LAYER, "default", "WorldCRS84Quad", 13, t[0], t[1], "png"));
        assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
        assertThat(WmtsFixtures.decode(r.body()).getRGB((int) t[2], (int) t[3])).isEqualTo(BLUE);
    }

    @Test
    void jpegTilesAreOpaqueJpegs() {
        long[] t = googleTileOf(WmtsFixtures.WEST_POINT, Z);
        HttpResponse<byte[]> r = get(kvp(LAYER, "", "GoogleMapsCompatible", Z, t[0], t[1], "image/jpeg"));
        assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).contains("image/jpeg");
        int rgb = WmtsFixtures.decode(r.body()).getRGB((int) t[2], (int) t[3]);
        assertThat((rgb >> 16) & 0xFF).isGreaterThan(200);
        assertThat(rgb & 0xFF).isLessThan(60);
    }

    @Test
    void tileOutsideTheLayerIsTransparent() {
        HttpResponse<byte[]> r = get(rest(LAYER, "default", "GoogleMapsCompatible", 3, 0, 0, "png"));
        assertThat(r.statusCode()).isEqualTo(200);
        BufferedImage image = WmtsFixtures.decode(r.body());
        assertThat(image.getWidth()).isEqualTo(256);
        assertThat(image.getRGB(128, 128) >>> 24).isZero();
    }

    @Test
    void secondRequestIsServedFromTheDiskCache() throws Exception {
        long[] t = googleTileOf(WmtsFixtures.WEST_POINT, Z - 1);
        String url = rest(LAYER, "wmts_green", "GoogleMapsCompatible", Z - 1, t[0], t[1], "png");
        HttpResponse<byte[]> first = get(url);
        assertThat(first.statusCode()).isEqualTo(200);
        Path file = dataDir().resolve("gwc/wmtstest/scene/wmts_green/GoogleMapsCompatible/" + (Z - 1) + "/" + t[0] + "/" + t[1] + ".png");
        assertThat(file).exists();
        assertThat(Files.readAllBytes(file)).isEqualTo(first.body());
        // a marker written over the cached file proves the next answer comes from disk
        byte[] marker = get(rest(LAYER, "default", "GoogleMapsCompatible", 3, 0, 0, "png")).body();
        Files.write(file, marker);
        HttpResponse<byte[]> second = get(url);
        assertThat(second.body()).isEqualTo(marker);
        assertThat(second.headers().firstValue("X-Cache")).contains("HIT");
        assertThat(second.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("max-age"));
    }

    @Test
    void matchingEtagGivesNotModified() {
        long[] t = googleTileOf(WmtsFixtures.WEST_POINT, Z);
        String url = rest(LAYER, "default", "GoogleMapsCompatible", Z, t[0], t[1], "png");
        String etag = get(url).headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> again = send(HttpRequest.newBuilder(URI.create(base() + url)).header("If-None-Match", etag).GET().build());
        assertThat(again.statusCode()).isEqualTo(304);
    }

    @Test
    void concurrentRequestsForAMissingTileAllGetIt() throws Exception {
        long[] t = googleTileOf(WmtsFixtures.EAST_POINT, Z + 1);
        String url = rest(LAYER, "default", "GoogleMapsCompatible", Z + 1, t[0], t[1], "png");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<HttpResponse<byte[]>>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) answers.add(pool.submit(() -> get(url)));
            byte[] firstBody = answers.get(0).get().body();
            for (Future<HttpResponse<byte[]>> a : answers) {
                assertThat(a.get().statusCode()).isEqualTo(200);
                assertThat(a.get().body()).isEqualTo(firstBody);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void styleChangeDropsCachedTilesAndRepaints() throws Exception {
        catalog.putStyle("wmts_changing", WmtsFixtures.sld("wmts_changing", "#FF0000", "#FF0000"));
        publishLayer("restyled", "wmts_changing", List.of());
        String layer = WS + ":restyled";
        assertThat(pixelAt(layer, "default", WmtsFixtures.WEST_POINT)).isEqualTo(RED);
        Path styleDir = dataDir().resolve("gwc/wmtstest/restyled/wmts_changing");
        assertThat(styleDir).exists();
        catalog.putStyle("wmts_changing", WmtsFixtures.sld("wmts_changing", "#0000FF", "#0000FF"));
        assertThat(styleDir).doesNotExist();
        assertThat(pixelAt(layer, "default", WmtsFixtures.WEST_POINT)).isEqualTo(BLUE);
    }

    @Test
    void removedLayerIsGoneFromCacheCapabilitiesAndTiles() throws Exception {
        publishLayer("doomed", "wmts_red_blue", List.of());
        String layer = WS + ":doomed";
        assertThat(pixelAt(layer, "default", WmtsFixtures.EAST_POINT)).isEqualTo(BLUE);
        assertThat(text(get("/wmts/1.0.0/WMTSCapabilities.xml"))).contains(layer);
        Path layerDir = dataDir().resolve("gwc/wmtstest/doomed");
        assertThat(layerDir).exists();
        catalog.removeLayer(WS, "doomed");
        assertThat(layerDir).doesNotExist();
        long[] t = googleTileOf(WmtsFixtures.EAST_POINT, Z);
        HttpResponse<byte[]> r = get(rest(layer, "default", "GoogleMapsCompatible", Z, t[0], t[1], "png"));
        assertThat(r.statusCode()).isEqualTo(400);
        Xml report = Xml.of(r.body());
        assertThat(report.text("//ows:Exception/@exceptionCode")).isEqualTo("InvalidParameterValue");
        assertThat(report.text("//ows:Exception/@locator")).isEqualTo("LAYER");
        assertThat(text(get("/wmts/1.0.0/WMTSCapabilities.xml"))).doesNotContain(layer);
    }

    @ParameterizedTest(name = "{0} -> {1} at {2}")
    @CsvSource(delimiter = '|', value = {
            "LAYER=wmtstest:nosuch                 | InvalidParameterValue | LAYER",
            "STYLE=nosuch                          | InvalidParameterValue | STYLE",
            "STYLE=raster                          | InvalidParameterValue | STYLE",
            "TILEMATRIXSET=EPSG:4326               | InvalidParameterValue | TILEMATRIXSET",
            "TILEMATRIX=25                         | InvalidParameterValue | TILEMATRIX",
            "TILEMATRIX=abc                        | InvalidParameterValue | TILEMATRIX",
            "FORMAT=image/gif                      | InvalidParameterValue | FORMAT",
            "TILEROW=4                             | TileOutOfRange        | TILEROW",
            "TILECOL=4                             | TileOutOfRange        | TILECOL",
            "TILECOL=                              | MissingParameterValue | TILECOL",
            "LAYER=                                | MissingParameterValue | LAYER",
    })
    void badKvpRequestsGiveCodeAndLocator(String override, String code, String locator) {
        String name = override.substring(0, override.indexOf('='));
        String query = kvp(LAYER, "", "GoogleMapsCompatible", 2, 1, 1, "image/png")
                .replaceAll(name + "=[^&]*", override.replace("$", "\\$"));
        HttpResponse<byte[]> r = get(query);
        assertThat(r.statusCode()).as(query + "\n" + text(r)).isEqualTo(400);
        Xml report = Xml.of(r.body());
        assertThat(report.text("/ows:ExceptionReport/@version")).isEqualTo("1.0.0");
        assertThat(report.text("//ows:Exception/@exceptionCode")).isEqualTo(code);
        assertThat(report.text("//ows:Exception/@locator")).isEqualTo(locator);
    }

    @ParameterizedTest(name = "{0} -> {1} at {2}")
    @CsvSource(delimiter = '|', value = {
            "/wmts/rest/wmtstest:nosuch/default/GoogleMapsCompatible/2/1/1.png | InvalidParameterValue | LAYER",
            "/wmts/rest/wmtstest:scene/nosuch/GoogleMapsCompatible/2/1/1.png   | InvalidParameterValue | STYLE",
            "/wmts/rest/wmtstest:scene/default/Nosuch/2/1/1.png                | InvalidParameterValue | TILEMATRIXSET",
            "/wmts/rest/wmtstest:scene/default/WorldCRS84Quad/19/1/1.png       | InvalidParameterValue | TILEMATRIX",
            "/wmts/rest/wmtstest:scene/default/WorldCRS84Quad/0/0/2.png        | TileOutOfRange        | TILECOL",
            "/wmts/rest/wmtstest:scene/default/WorldCRS84Quad/0/1/0.png        | TileOutOfRange        | TILEROW",
            "/wmts/rest/wmtstest:scene/default/GoogleMapsCompatible/2/1/1.gif  | InvalidParameterValue | FORMAT",
            "/wmts/rest/wmtstest:scene/default/GoogleMapsCompatible/2/x/1.png  | InvalidParameterValue | TILEROW",
    })
    void badRestRequestsGiveCodeAndLocator(String path, String code, String locator) {
        HttpResponse<byte[]> r = get(path);
        assertThat(r.statusCode()).as(path + "\n" + text(r)).isEqualTo(400);
        Xml report = Xml.of(r.body());
        assertThat(report.text("//ows:Exception/@exceptionCode")).isEqualTo(code);
        assertThat(report.text("//ows:Exception/@locator")).isEqualTo(locator);
    }

    @Test
    void unknownOperationIsNotSupported() {
        HttpResponse<byte[]> r = get("/wmts?SERVICE=WMTS&REQUEST=GetFeatureInfo");
        assertThat(r.statusCode()).isEqualTo(501);
        assertThat(Xml.of(r.body()).text("//ows:Exception/@exceptionCode")).isEqualTo("OperationNotSupported");
    }
}
