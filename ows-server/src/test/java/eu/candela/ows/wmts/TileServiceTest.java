package eu.candela.ows.wmts;

import eu.candela.ows.catalog.CatalogException;
import eu.candela.ows.catalog.CoverageStoreInfo;
import eu.candela.ows.catalog.DataDirectoryCatalog;
import eu.candela.ows.catalog.LayerInfo;
import eu.candela.ows.render.CoverageMapRenderer;
import eu.candela.ows.render.OutputFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** TileService and its invalidation with the real catalogue, renderer and disk cache, racing catalogue changes. */
class TileServiceTest {
    static final int Z = 14;
    @TempDir
    Path dataDir;
    DataDirectoryCatalog catalog;
    CoverageMapRenderer real;
    GatedRenderer renderer;
    DiskTileCache cache;
    TileService tiles;
    Path scene;
    long[] west;

    @BeforeEach
    void setUp() throws CatalogException {
        scene = WmtsFixtures.writeScene(dataDir.resolve("eodata/scene.tif"));
        catalog = new DataDirectoryCatalog(dataDir);
        real = new CoverageMapRenderer(16 << 20);
        renderer = new GatedRenderer(real);
        LayerExtents extents = new LayerExtents(renderer);
        cache = new DiskTileCache(dataDir.resolve("gwc"));
        tiles = new TileService(catalog, new TileRenderer(renderer), extents, Optional.of(cache));
        catalog.addListener(new TileCacheInvalidator(catalog, renderer, extents,
                new WmtsCapabilitiesService(catalog, renderer, extents), Optional.of(cache)));
        catalog.addWorkspace("ws");
        catalog.putStyle("paint", WmtsFixtures.sld("paint", "#FF0000", "#FF0000"));
        catalog.putStore(new CoverageStoreInfo("ws", "scene", scene, "", true));
        catalog.putLayer(new LayerInfo("ws", "scene", "scene", "", "", "paint", List.of(), true, Instant.now(), 0));
        west = WmtsServiceTest.googleTileOf(WmtsFixtures.WEST_POINT, Z);
    }

    @AfterEach
    void tearDown() {
        renderer.open();
        real.close();
    }

    private GetTileRequest westTile() {
        return new GetTileRequest("ws:scene", "", OutputFormat.PNG, "GoogleMapsCompatible", Integer.toString(Z), west[0], west[1]);
    }

    private int westPixel(Tile tile) {
        return WmtsFixtures.decode(tile.body()).getRGB((int) west[2], (int) west[3]);
    }

    @Test
    void concurrentRequestsForTheSameMissingTileRenderItOnce() throws Exception {
        renderer.hold();
        List<Thread> threads = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(6, r -> {
            Thread t = new Thread(r);
            threads.add(t);
            return t;
        });
        try {
            List<Future<Tile>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) answers.add(pool.submit(() -> tiles.getTile(westTile())));
            renderer.awaitRenderAtGate();
            // the five others must be parked on the first one's result, not drawing nor yet to come
            awaitUntil(() -> threads.size() == 6
                    && threads.stream().filter(t -> t.getState() == Thread.State.WAITING).count() == 5);
            renderer.open();
            for (Future<Tile> a : answers) assertThat(westPixel(a.get(30, TimeUnit.SECONDS))).isEqualTo(0xFFFF0000);
        } finally {
            pool.shutdownNow();
        }
        assertThat(renderer.renders.get()).isEqualTo(1);
    }

    private static void awaitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("condition not met within 20 s");
            Thread.sleep(5);
        }
    }

    @Test
    void secondRequestIsACacheHit() throws Exception {
        assertThat(tiles.getTile(westTile()).source()).isEqualTo(Tile.Source.RENDERED);
        Tile again = tiles.getTile(westTile());
        assertThat(again.source()).isEqualTo(Tile.Source.CACHE);
        assertThat(renderer.renders.get()).isEqualTo(1);
    }

    @Test
    void tileDrawnWhileItsStyleChangesIsNotCached() throws Exception {
        renderer.hold();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Tile> drawing = pool.submit(() -> tiles.getTile(westTile()));
            renderer.awaitRenderAtGate();
            catalog.putStyle("paint", WmtsFixtures.sld("paint", "#0000FF", "#0000FF"));
            renderer.open();
            drawing.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        TileKey key = new TileKey("ws", "scene", "paint", "GoogleMapsCompatible", Z, west[0], west[1], OutputFormat.PNG);
        assertThat(cache.path(key)).doesNotExist();
        assertThat(westPixel(tiles.getTile(westTile()))).isEqualTo(0xFF0000FF);
    }

    @Test
    void etagChangesWithTheStyle() throws Exception {
        String before = tiles.getTile(westTile()).etag();
        catalog.putStyle("paint", WmtsFixtures.sld("paint", "#00FF00", "#00FF00"));
        Tile after = tiles.getTile(westTile());
        assertThat(after.etag()).isNotEqualTo(before);
        assertThat(westPixel(after)).isEqualTo(0xFF00FF00);
    }

    @Test
    void replacingTheStoreFileEvictsTheOldAndTheNewFile() throws Exception {
        tiles.getTile(westTile());
        Path other = WmtsFixtures.writeScene(dataDir.resolve("eodata/other.tif"));
        renderer.evicted.clear();
        catalog.putStore(new CoverageStoreInfo("ws", "scene", other, "", true));
        assertThat(renderer.evicted).contains(scene, other);
        assertThat(dataDir.resolve("gwc/ws/scene")).doesNotExist();
    }

    @Test
    void removedLayerEvictsItsFile() throws Exception {
        tiles.getTile(westTile());
        renderer.evicted.clear();
        catalog.removeLayer("ws", "scene");
        assertThat(renderer.evicted).containsExactly(scene);
    }
}
