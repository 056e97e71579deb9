package eu.candela.ows.rest;

import com.fasterxml.jackson.databind.JsonNode;
import eu.candela.ows.catalog.CatalogEditor;
import eu.candela.ows.catalog.DataDirectoryCatalog;
import eu.candela.ows.catalog.LayerInfo;
import eu.candela.ows.testing.TestCoverages.Ramps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The REST configuration API over real HTTP, against the real catalogue in the server's data directory. */
class RestApiTest extends RestTestBase {
    @Autowired
    CatalogEditor catalog;

    private Path geotiff(String name, int width, int height, int bands) {
        return Ramps.write(dataDir().resolve("eodata/rest/" + name + ".tif"), width, height, bands);
    }

    private void workspace(String ws) {
        assertThat(postJson("/rest/workspaces", "{\"workspace\":{\"name\":\"" + ws + "\"}}").statusCode()).isEqualTo(201);
    }

    private HttpResponse<byte[]> createStore(String ws, String cs, String url) {
        return postJson("/rest/workspaces/" + ws + "/coveragestores",
                "{\"coverageStore\":{\"name\":\"" + cs + "\",\"type\":\"GeoTIFF\",\"url\":\"" + url + "\",\"enabled\":true,\"description\":\"d\"}}");
    }

    private HttpResponse<byte[]> upload(String ws, String cs, byte[] tiff, String query) {
        return send("PUT", "/rest/workspaces/" + ws + "/coveragestores/" + cs + "/file.geotiff" + (query == null ? "" : "?" + query),
                "image/tiff", tiff);
    }

    private byte[] tiffBytes(String name, int width, int height, int bands) throws IOException {
        return Files.readAllBytes(geotiff(name, width, height, bands));
    }

    @Test
    void createsListsDescribesAndDeletesAWorkspace() {
        HttpResponse<byte[]> created = postJson("/rest/workspaces", "{\"workspace\":{\"name\":\"wsa\"}}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).contains(base() + "/rest/workspaces/wsa");

        JsonNode list = json(get("/rest/workspaces"));
        assertThat(list.at("/workspaces/workspace").findValuesAsText("href")).contains(base() + "/rest/workspaces/wsa.json");
        assertThat(json(get("/rest/workspaces.json"))).isEqualTo(list);
        assertThat(json(get("/rest/workspaces/wsa.json")).at("/workspace/name").asText()).isEqualTo("wsa");
        assertThat(json(get("/rest/workspaces/wsa")).at("/workspace/name").asText()).isEqualTo("wsa");
        problem(postJson("/rest/workspaces", "{\"workspace\":{\"name\":\"wsa\"}}"), 409);

        assertThat(delete("/rest/workspaces/wsa", null).statusCode()).isEqualTo(200);
        assertThat(problem(get("/rest/workspaces/wsa"), 404)).contains("wsa");
    }

    @Test
    void aNonEmptyWorkspaceIsDeletedOnlyWithRecurse() {
        workspace("wsr");
        geotiff("wsr", 20, 20, 1);
        assertThat(createStore("wsr", "s", "file:eodata/rest/wsr.tif").statusCode()).isEqualTo(201);
        problem(delete("/rest/workspaces/wsr", "recurse=false"), 409);
        assertThat(delete("/rest/workspaces/wsr", "recurse=true").statusCode()).isEqualTo(200);
        problem(get("/rest/workspaces/wsr/coveragestores/s"), 404);
    }

    @Test
    void publishesAFileOfTheDataDirectoryAsStoreCoverageAndLayer() {
        ensureRasterStyle();
        workspace("wsp");
        geotiff("s2", 40, 30, 2);
        HttpResponse<byte[]> store = createStore("wsp", "s2", "file:eodata/rest/s2.tif");
        assertThat(store.statusCode()).as(text(store)).isEqualTo(201);
        assertThat(store.headers().firstValue("Location")).contains(base() + "/rest/workspaces/wsp/coveragestores/s2");
        JsonNode described = json(get("/rest/workspaces/wsp/coveragestores/s2.json")).path("coverageStore");
        assertThat(described.path("url").asText()).isEqualTo("file:eodata/rest/s2.tif");
        assertThat(described.path("type").asText()).isEqualTo("GeoTIFF");
        assertThat(described.at("/workspace/name").asText()).isEqualTo("wsp");
        assertThat(json(get("/rest/workspaces/wsp/coveragestores")).at("/coverageStores/coverageStore/0/name").asText()).isEqualTo("s2");

        HttpResponse<byte[]> coverage = postJson("/rest/workspaces/wsp/coveragestores/s2/coverages",
                "{\"coverage\":{\"name\":\"s2\",\"title\":\"Sentinel-2 scene\"}}");
        assertThat(coverage.statusCode()).as(text(coverage)).isEqualTo(201);
        JsonNode c = json(get("/rest/workspaces/wsp/coveragestores/s2/coverages/s2.json")).path("coverage");
        assertThat(c.path("title").asText()).isEqualTo("Sentinel-2 scene");
        assertThat(c.path("srs").asText()).isEqualTo("EPSG:" + Ramps.EPSG);
        assertThat(c.at("/nativeBoundingBox/minx").asDouble()).isEqualTo(Ramps.MIN_X);
        assertThat(c.at("/nativeBoundingBox/maxx").asDouble()).isEqualTo(Ramps.MIN_X + 40 * Ramps.PIXEL);
        assertThat(c.at("/nativeBoundingBox/miny").asDouble()).isEqualTo(Ramps.MAX_Y - 30 * Ramps.PIXEL);
        assertThat(c.at("/latLonBoundingBox/minx").asDouble()).isBetween(8.9, 9.1); // UTM 32N central meridian is 9 E
        assertThat(c.at("/grid/range/high").asText()).isEqualTo("40 30");
        assertThat(c.at("/dimensions/coverageDimension")).hasSize(2);
        assertThat(json(get("/rest/workspaces/wsp/coveragestores/s2/coverages")).at("/coverages/coverage/0/name").asText()).isEqualTo("s2");

        JsonNode layer = json(get("/rest/layers/wsp:s2.json")).path("layer");
        assertThat(layer.path("name").asText()).isEqualTo("wsp:s2");
        assertThat(layer.path("type").asText()).isEqualTo("RASTER");
        assertThat(layer.at("/defaultStyle/name").asText()).isEqualTo("raster");
        assertThat(layer.at("/defaultStyle/href").asText()).isEqualTo(base() + "/rest/styles/raster.json");
        assertThat(layer.at("/resource/@class").asText()).isEqualTo("coverage");
        assertThat(layer.at("/resource/href").asText()).isEqualTo(base() + "/rest/workspaces/wsp/coveragestores/s2/coverages/s2.json");
        assertThat(layer.path("enabled").asBoolean()).isTrue();
        assertThat(json(get("/rest/layers")).at("/layers/layer").findValuesAsText("name")).contains("wsp:s2");

        assertThat(delete("/rest/workspaces/wsp/coveragestores/s2/coverages/s2", null).statusCode()).isEqualTo(200);
        problem(get("/rest/layers/wsp:s2"), 404);
        assertThat(delete("/rest/workspaces/wsp/coveragestores/s2", null).statusCode()).isEqualTo(200);
        assertThat(dataDir().resolve("eodata/rest/s2.tif")).as("deleting a store keeps its data").exists();
    }

    @Test
    void aStorePutChangesOnlyWhatItGivesAndBumpsItsLayers() {
        ensureRasterStyle();
        workspace("wsput");
        geotiff("put1", 16, 16, 1);
        geotiff("put2", 32, 16, 1);
        assertThat(createStore("wsput", "s", "file:eodata/rest/put1.tif").statusCode()).isEqualTo(201);
        assertThat(postJson("/rest/workspaces/wsput/coveragestores/s/coverages", "{\"coverage\":{\"name\":\"c\"}}").statusCode()).isEqualTo(201);
        long revision = catalog.layer("wsput:c").orElseThrow().revision();

        HttpResponse<byte[]> put = putJson("/rest/workspaces/wsput/coveragestores/s.json", "{\"coverageStore\":{\"url\":\"file:eodata/rest/put2.tif\"}}");
        assertThat(put.statusCode()).as(text(put)).isEqualTo(200);
        JsonNode store = json(put).path("coverageStore");
        assertThat(store.path("url").asText()).isEqualTo("file:eodata/rest/put2.tif");
        assertThat(store.path("description").asText()).isEqualTo("d");
        assertThat(catalog.layer("wsput:c").orElseThrow().revision()).isGreaterThan(revision);
        assertThat(json(get("/rest/workspaces/wsput/coveragestores/s/coverages/c")).at("/coverage/grid/range/high").asText()).isEqualTo("32 16");

        problem(putJson("/rest/workspaces/wsput/coveragestores/s", "{\"coverageStore\":{\"url\":\"file:/etc/hostname\"}}"), 400);
        problem(putJson("/rest/workspaces/wsput/coveragestores/s", "{\"coverageStore\":{\"name\":\"renamed\"}}"), 400);
        assertThat(catalog.store("wsput", "s").orElseThrow().file()).isEqualTo(dataDir().resolve("eodata/rest/put2.tif"));
        problem(delete("/rest/workspaces/wsput/coveragestores/s", null), 409);
        assertThat(delete("/rest/workspaces/wsput/coveragestores/s", "recurse=true").statusCode()).isEqualTo(200);
        assertThat(catalog.layer("wsput:c")).isEmpty();
    }

    @Test
    void theDefaultStylesOfTheDataDirectoryAreInTheCatalogueAtStartup() throws IOException {
        assumeSldReader();
        List<String> defaults;
        try (var in = getClass().getClassLoader().getResourceAsStream("datadir-template/index.txt")) {
            defaults = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::trim)
                    .filter(l -> l.startsWith("styles/") && l.endsWith(".sld"))
                    .map(l -> l.substring("styles/".length(), l.length() - ".sld".length())).toList();
        }
        org.junit.jupiter.api.Assumptions.assumeFalse(defaults.isEmpty(), "the default data directory has no styles yet (style work)");
        assertThat(catalog.styles()).extracting(s -> s.name()).containsAll(defaults);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://example.com/s2.tif", "file:../outside.tif", "file:/etc/hostname", "file:eodata/../../x.tif",
            "file:eodata/rest/link-out.tif", "file:eodata/rest/not-a-tiff.tif", "file:eodata/rest/missing.tif", "file:", "s3://bucket/x.tif"})
    void refusesStoreUrlsThatAreNotGeoTiffsInsideTheDataDirectory(String url, @TempDir Path elsewhere) throws IOException {
        workspace("wsh");
        try {
            Path outside = Ramps.write(elsewhere.resolve("outside.tif"), 16, 16, 1);
            Files.createDirectories(dataDir().resolve("eodata/rest"));
            Files.deleteIfExists(dataDir().resolve("eodata/rest/link-out.tif"));
            Files.createSymbolicLink(dataDir().resolve("eodata/rest/link-out.tif"), outside);
            Files.writeString(dataDir().resolve("eodata/rest/not-a-tiff.tif"), "hello");

            problem(createStore("wsh", "s", url), 400);

            assertThat(catalog.stores("wsh")).isEmpty();
        } finally {
            delete("/rest/workspaces/wsh", "recurse=true");
        }
    }

    @Test
    void uploadsAGeoTiffAsStoreAndLayerAndReplacesIt() throws IOException {
        ensureRasterStyle();
        HttpResponse<byte[]> first = upload("wsu", "up", tiffBytes("up1", 40, 30, 1), null);
        assertThat(first.statusCode()).as(text(first)).isEqualTo(201);
        assertThat(json(first).at("/coverageStore/url").asText()).isEqualTo("file:data/wsu/up/up.tif");
        assertThat(dataDir().resolve("data/wsu/up/up.tif")).exists();
        LayerInfo layer = catalog.layer("wsu:up").orElseThrow();
        assertThat(layer.defaultStyle()).isEqualTo("raster");

        HttpResponse<byte[]> second = upload("wsu", "up", tiffBytes("up2", 20, 20, 1), null);
        assertThat(second.statusCode()).as(text(second)).isEqualTo(200);
        assertThat(catalog.layer("wsu:up").orElseThrow().revision()).isGreaterThan(layer.revision());
        JsonNode c = json(get("/rest/workspaces/wsu/coveragestores/up/coverages/up")).path("coverage");
        assertThat(c.at("/grid/range/high").asText()).isEqualTo("20 20");
        assertNoTemporaryFiles();
    }

    @Test
    void anUploadCanNameTheStyleOrPublishNothing() throws IOException {
        ensureRasterStyle();
        assertThat(send("POST", "/rest/styles?name=upload_ramp", SLD, sld("ramp")).statusCode()).isEqualTo(201);
        assertThat(upload("wss", "styled", tiffBytes("styled", 16, 16, 1), "style=upload_ramp").statusCode()).isEqualTo(201);
        assertThat(catalog.layer("wss:styled")).get().extracting(LayerInfo::defaultStyle).isEqualTo("upload_ramp");
        assertThat(upload("wss", "bare", tiffBytes("bare", 16, 16, 1), "configure=none").statusCode()).isEqualTo(201);
        assertThat(catalog.layer("wss:bare")).isEmpty();
        assertThat(catalog.store("wss", "bare")).isPresent();
        problem(upload("wss", "nostyle", tiffBytes("nostyle", 16, 16, 1), "style=nosuchstyle"), 404);
        assertThat(catalog.store("wss", "nostyle")).isEmpty();
    }

    @Test
    void concurrentUploadsAreAllPublished() throws Exception {
        ensureRasterStyle();
        int uploads = 6;
        List<byte[]> tiffs = new java.util.ArrayList<>();
        for (int i = 0; i < uploads; i++) tiffs.add(tiffBytes("many" + i, 16 + 16 * i, 16, 1));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(uploads);
        try {
            List<java.util.concurrent.Future<Integer>> statuses = new java.util.ArrayList<>();
            for (int i = 0; i < uploads; i++) {
                int n = i;
                statuses.add(pool.submit(() -> upload("wsmany", "m" + n, tiffs.get(n), null).statusCode()));
            }
            for (var status : statuses) assertThat(status.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(201);
        } finally {
            pool.shutdown();
        }
        for (int i = 0; i < uploads; i++) {
            JsonNode c = json(get("/rest/workspaces/wsmany/coveragestores/m" + i + "/coverages/m" + i)).path("coverage");
            assertThat(c.at("/grid/range/high").asText()).isEqualTo((16 + 16 * i) + " 16");
        }
        assertThat(new DataDirectoryCatalog(dataDir()).layers()).extracting(LayerInfo::qualifiedName)
                .contains("wsmany:m0", "wsmany:m" + (uploads - 1));
    }

    @Test
    void aTruncatedUploadIsRefusedAndLeavesNothingBehind() throws IOException {
        byte[] whole = tiffBytes("whole", 64, 64, 1);
        // The last 4 bytes are GDAL's tile trailer (a copy of the tile's end): cut into the tile data itself.
        for (int length : new int[] {whole.length - 5, whole.length / 2, 100}) {
            String detail = problem(upload("wst", "cut", Arrays.copyOf(whole, length), null), 400);
            assertThat(detail).contains("GeoTIFF");
        }
        assertThat(catalog.workspaces()).noneMatch(w -> w.name().equals("wst"));
        assertThat(dataDir().resolve("data/wst")).doesNotExist();
        assertNoTemporaryFiles();
    }

    @Test
    void anUploadThatIsNotATiffIsRefused() {
        problem(upload("wsn", "text", "just some text, not a TIFF".getBytes(StandardCharsets.UTF_8), null), 400);
        problem(upload("wsn", "empty", new byte[0], null), 400);
        problem(send("PUT", "/rest/workspaces/wsn/coveragestores/x/file.geotiff", "text/plain", "x".getBytes(StandardCharsets.UTF_8)), 415);
        assertThat(catalog.workspaces()).noneMatch(w -> w.name().equals("wsn"));
        assertNoTemporaryFiles();
    }

    @Test
    void anUploadOverTheLimitIs413WithOrWithoutContentLength() {
        byte[] big = new byte[300 * 1024];
        problem(upload("wsbig", "big", big, null), 413);
        HttpRequest chunked = HttpRequest.newBuilder(URI.create(base() + "/rest/workspaces/wsbig/coveragestores/big/file.geotiff"))
                .header("Content-Type", "image/tiff")
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build();
        problem(send(chunked), 413);
        assertThat(catalog.workspaces()).noneMatch(w -> w.name().equals("wsbig"));
        assertNoTemporaryFiles();
    }

    @Test
    void updatesOnlyWhatALayerPutGives() throws IOException {
        ensureRasterStyle();
        assertThat(send("POST", "/rest/styles?name=peer_ramp", SLD, sld("ramp")).statusCode()).isEqualTo(201);
        assertThat(upload("wsl", "l", tiffBytes("wsl", 16, 16, 1), null).statusCode()).isEqualTo(201);
        LayerInfo before = catalog.layer("wsl:l").orElseThrow();

        HttpResponse<byte[]> put = putJson("/rest/layers/wsl:l.json",
                "{\"layer\":{\"defaultStyle\":{\"name\":\"peer_ramp\"},\"styles\":{\"style\":[{\"name\":\"raster\"}]}}}");
        assertThat(put.statusCode()).as(text(put)).isEqualTo(200);
        JsonNode layer = json(get("/rest/layers/wsl:l")).path("layer");
        assertThat(layer.at("/defaultStyle/name").asText()).isEqualTo("peer_ramp");
        assertThat(layer.at("/styles/style").findValuesAsText("name")).containsExactly("raster");
        assertThat(layer.path("enabled").asBoolean()).isTrue();

        assertThat(putJson("/rest/layers/wsl:l", "{\"layer\":{\"enabled\":false}}").statusCode()).isEqualTo(200);
        LayerInfo after = catalog.layer("wsl:l").orElseThrow();
        assertThat(after.enabled()).isFalse();
        assertThat(after.defaultStyle()).isEqualTo("peer_ramp");
        assertThat(after.title()).isEqualTo(before.title());
        assertThat(after.revision()).isGreaterThan(before.revision());

        problem(putJson("/rest/layers/wsl:l", "{\"layer\":{\"defaultStyle\":{\"name\":\"nosuchstyle\"}}}"), 404);
        problem(delete("/rest/styles/peer_ramp", null), 409);
        assertThat(delete("/rest/layers/wsl:l", null).statusCode()).isEqualTo(200);
        assertThat(delete("/rest/styles/peer_ramp", null).statusCode()).isEqualTo(200);
    }

    @Test
    void stylesAreUploadedDescribedDownloadedReplacedAndDeleted() {
        assumeSldReader();
        HttpResponse<byte[]> created = send("POST", "/rest/styles?name=rest_grey", SLD, sld("grey"));
        assertThat(created.statusCode()).as(text(created)).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).contains(base() + "/rest/styles/rest_grey");
        problem(send("POST", "/rest/styles?name=rest_grey", SLD, sld("grey")), 409);

        JsonNode style = json(get("/rest/styles/rest_grey")).path("style");
        assertThat(style.path("name").asText()).isEqualTo("rest_grey");
        assertThat(style.path("format").asText()).isEqualTo("sld");
        assertThat(style.at("/languageVersion/version").asText()).isEqualTo("1.0.0");
        assertThat(style.path("filename").asText()).isEqualTo("rest_grey.sld");
        assertThat(json(get("/rest/styles.json")).at("/styles/style").findValuesAsText("name")).contains("rest_grey");

        HttpResponse<byte[]> document = get("/rest/styles/rest_grey.sld");
        assertThat(document.headers().firstValue("Content-Type")).get().asString().startsWith(SLD);
        assertThat(document.body()).isEqualTo(sld("grey"));

        assertThat(send("PUT", "/rest/styles/rest_grey", SLD, sld("ramp")).statusCode()).isEqualTo(200);
        assertThat(get("/rest/styles/rest_grey.sld").body()).isEqualTo(sld("ramp"));
        problem(send("PUT", "/rest/styles/nosuchstyle", SLD, sld("ramp")), 404);
        problem(send("POST", "/rest/styles?name=x", JSON, "{}".getBytes(StandardCharsets.UTF_8)), 415);

        assertThat(delete("/rest/styles/rest_grey", null).statusCode()).isEqualTo(200);
        problem(get("/rest/styles/rest_grey.sld"), 404);
    }

    @Test
    void aMalformedSldIsRefusedAndTheStyleIsLeftAsItWas() {
        assumeSldReader();
        assertThat(send("POST", "/rest/styles?name=keep", SLD, sld("grey")).statusCode()).isEqualTo(201);
        List<String> stylesBefore = json(get("/rest/styles")).at("/styles/style").findValuesAsText("name");

        assertThat(problem(send("PUT", "/rest/styles/keep", SLD, sld("malformed")), 400)).contains("keep");
        problem(send("POST", "/rest/styles?name=broken", SLD, sld("malformed")), 400);

        assertThat(get("/rest/styles/keep.sld").body()).isEqualTo(sld("grey"));
        assertThat(json(get("/rest/styles")).at("/styles/style").findValuesAsText("name")).isEqualTo(stylesBefore);
        assertThat(dataDir().resolve("styles/broken.sld")).doesNotExist();
    }

    @Test
    void malformedJsonAndUnknownResourcesAreProblems() {
        assertThat(problem(postJson("/rest/workspaces", "{\"workspace\":"), 400)).contains("JSON");
        problem(postJson("/rest/workspaces", "{\"name\":\"x\"}"), 400);
        problem(postJson("/rest/workspaces", "{\"workspace\":{\"name\":\"../etc\"}}"), 400);
        problem(send("POST", "/rest/workspaces", "text/plain", "x".getBytes(StandardCharsets.UTF_8)), 415);
        problem(get("/rest/workspaces/nosuchws/coveragestores"), 404);
        problem(delete("/rest/workspaces/nosuchws", "recurse=perhaps"), 400);
        problem(get("/rest/layers/nosuchws:nolayer"), 404);
        problem(get("/rest/styles/nosuchstyle"), 404);
        problem(postJson("/rest/workspaces/nosuchws/coveragestores",
                "{\"coverageStore\":{\"name\":\"s\",\"url\":\"file:eodata/x.tif\"}}"), 404);
    }

    @Test
    void theApiRootLinksToTheOpenApiDocument() {
        JsonNode root = json(get("/rest"));
        assertThat(root.path("links").findValuesAsText("href")).contains(base() + "/rest/openapi.yaml");
        HttpResponse<byte[]> yaml = get("/rest/openapi.yaml");
        assertThat(yaml.statusCode()).isEqualTo(200);
        assertThat(text(yaml)).startsWith("openapi: 3.");
    }

    @Test
    void theCatalogueSurvivesARestart() throws IOException {
        ensureRasterStyle();
        assertThat(upload("wsrestart", "kept", tiffBytes("kept", 16, 16, 1), null).statusCode()).isEqualTo(201);
        DataDirectoryCatalog restarted = new DataDirectoryCatalog(dataDir());
        assertThat(restarted.layers()).isEqualTo(catalog.layers());
        assertThat(restarted.workspaces()).isEqualTo(catalog.workspaces());
        assertThat(restarted.styles()).isEqualTo(catalog.styles());
    }

    private void assertNoTemporaryFiles() {
        try (Stream<Path> files = Files.walk(dataDir().resolve("data")).filter(Files::isRegularFile);
             Stream<Path> top = Files.list(dataDir())) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("."));
            assertThat(top.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".upload-"));
        } catch (java.nio.file.NoSuchFileException e) {
            // no upload ever succeeded: nothing to leave behind under data/
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
