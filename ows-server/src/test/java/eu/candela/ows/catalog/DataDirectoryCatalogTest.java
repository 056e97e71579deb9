package eu.candela.ows.catalog;

import eu.candela.ows.catalog.CatalogException.Reason;
import eu.candela.ows.style.SldReader;
import eu.candela.ows.style.StyleFormatException;
import eu.candela.ows.testing.TestCoverages.Ramps;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The catalogue against a real temporary data directory, real GeoTIFFs (CogWriter) and the real
 * SldReader. Every "restart" is a new instance on the same directory.
 */
class DataDirectoryCatalogTest {
    @TempDir
    Path dataDir;
    Path scene;
    DataDirectoryCatalog catalog;

    @BeforeEach
    void setUp() {
        scene = Ramps.write(dataDir.resolve("eodata/scene.tif"), 40, 30, 2);
        catalog = new DataDirectoryCatalog(dataDir);
    }

    private DataDirectoryCatalog restarted() {
        return new DataDirectoryCatalog(dataDir);
    }

    /**
     * ASSUMPTION: SldReader is implemented (by the "style" work; main holds a stub until it is merged).
     * Every test that needs a parsed style goes through here and is skipped, not failed, until then.
     */
    static byte[] sld(String name) {
        Assumptions.assumeTrue(SLD_READER_READY, "SldReader is still the stub on this branch: merge the style work");
        return resource(name);
    }

    private static final boolean SLD_READER_READY = sldReaderReady();

    private static boolean sldReaderReady() {
        try {
            SldReader.read(resource("grey"));
            return true;
        } catch (UnsupportedOperationException | StyleFormatException e) {
            return false;
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = DataDirectoryCatalogTest.class.getResourceAsStream("/catalog/" + name + ".sld")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LayerInfo layer(String ws, String name, String store, String style, String... styles) {
        return new LayerInfo(ws, name, store, "Title of " + name, "", style, List.of(styles), true, Instant.EPOCH, 0);
    }

    /** Workspace "ws", store "scene" on the fixture GeoTIFF, style "grey". */
    private void publishBasics() throws CatalogException {
        catalog.addWorkspace("ws");
        catalog.putStore(new CoverageStoreInfo("ws", "scene", scene, "a scene", true));
        catalog.putStyle("grey", sld("grey"));
    }

    private static void assertSameCatalogue(Catalog expected, Catalog actual) {
        assertEquals(expected.workspaces(), actual.workspaces());
        for (WorkspaceInfo ws : expected.workspaces()) assertEquals(expected.stores(ws.name()), actual.stores(ws.name()));
        assertEquals(expected.layers(), actual.layers());
        assertEquals(expected.styles(), actual.styles());
    }

    @Test
    void everythingSurvivesARestart() throws Exception {
        publishBasics();
        catalog.putStyle("ramp", sld("ramp"));
        catalog.putLayer(layer("ws", "scene", "scene", "grey", "ramp"));

        DataDirectoryCatalog again = restarted();
        assertSameCatalogue(catalog, again);
        assertThat(again.layer("ws:scene")).get().extracting(LayerInfo::styles).isEqualTo(List.of("ramp"));
        assertThat(again.styleSld("ramp")).get().isEqualTo(sld("ramp"));
    }

    @Test
    void writesGeoServerLayoutWithStoreFileRelativeToDataDir() throws Exception {
        publishBasics();
        catalog.putLayer(layer("ws", "l1", "scene", "grey"));
        assertThat(dataDir.resolve("workspaces/ws/workspace.json")).isRegularFile();
        assertThat(dataDir.resolve("workspaces/ws/scene/l1/layer.json")).isRegularFile();
        assertThat(dataDir.resolve("styles/grey.sld")).hasBinaryContent(sld("grey"));
        assertThat(dataDir.resolve("styles/grey.json")).isRegularFile();
        assertThat(Files.readString(dataDir.resolve("workspaces/ws/scene/coveragestore.json")))
                .contains("\"file\" : \"eodata/scene.tif\"");
        try (Stream<Path> all = Files.walk(dataDir)) {
            assertThat(all.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void rejectsBadNamesAsInvalid() {
        for (String bad : List.of("", ".hidden", "a/b", "..", "a b", "x".repeat(129))) {
            assertReason(Reason.INVALID, () -> catalog.addWorkspace(bad));
            assertReason(Reason.INVALID, () -> catalog.putStyle(bad, "<any/>".getBytes(StandardCharsets.UTF_8)));
        }
        assertThat(catalog.workspaces()).isEmpty();
    }

    @Test
    void duplicateWorkspaceIsAConflict() throws Exception {
        catalog.addWorkspace("ws");
        assertReason(Reason.CONFLICT, () -> catalog.addWorkspace("ws"));
    }

    @Test
    void storeFileMustBeAReadableGeoTiffInsideTheDataDirectory(@TempDir Path elsewhere) throws Exception {
        catalog.addWorkspace("ws");
        Path outside = Ramps.write(elsewhere.resolve("outside.tif"), 16, 16, 1);
        Path notTiff = Files.writeString(dataDir.resolve("eodata/notes.tif"), "not a tiff");
        Path link = Files.createSymbolicLink(dataDir.resolve("eodata/link.tif"), outside);
        Path truncated = dataDir.resolve("eodata/truncated.tif");
        Files.write(truncated, Arrays.copyOf(Files.readAllBytes(scene), 40));
        for (Path bad : List.of(outside, notTiff, link, truncated, dataDir.resolve("eodata/missing.tif"))) {
            assertReason(Reason.INVALID, () -> catalog.putStore(new CoverageStoreInfo("ws", "s", bad, "", true)));
        }
        assertReason(Reason.NOT_FOUND, () -> catalog.putStore(new CoverageStoreInfo("nows", "s", scene, "", true)));
        assertThat(catalog.stores("ws")).isEmpty();
        assertThat(dataDir.resolve("workspaces/ws/s")).doesNotExist();
    }

    @Test
    void layerNeedsItsWorkspaceStoreAndStyles() throws Exception {
        publishBasics();
        assertReason(Reason.NOT_FOUND, () -> catalog.putLayer(layer("other", "l", "scene", "grey")));
        assertReason(Reason.NOT_FOUND, () -> catalog.putLayer(layer("ws", "l", "nostore", "grey")));
        assertReason(Reason.NOT_FOUND, () -> catalog.putLayer(layer("ws", "l", "scene", "nostyle")));
        assertReason(Reason.NOT_FOUND, () -> catalog.putLayer(layer("ws", "l", "scene", "grey", "nostyle")));
        assertThat(catalog.layers()).isEmpty();
        assertThat(dataDir.resolve("workspaces/ws/scene/l")).doesNotExist();
    }

    @Test
    void everyLayerChangeBumpsItsRevisionEvenAfterRemovalAndReAdding() throws Exception {
        publishBasics();
        long first = catalog.putLayer(layer("ws", "l", "scene", "grey")).revision();
        long second = catalog.putLayer(layer("ws", "l", "scene", "grey")).revision();
        catalog.removeLayer("ws", "l");
        long third = catalog.putLayer(layer("ws", "l", "scene", "grey")).revision();
        long afterRestart = restarted().putLayer(layer("ws", "l", "scene", "grey")).revision();
        assertThat(List.of(first, second, third, afterRestart)).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void replacingAStoreBumpsItsLayersAndTellsTheListeners() throws Exception {
        publishBasics();
        LayerInfo before = catalog.putLayer(layer("ws", "l", "scene", "grey"));
        List<String> told = Collections.synchronizedList(new ArrayList<>());
        catalog.addListener(recording(told));
        Path other = Ramps.write(dataDir.resolve("eodata/other.tif"), 20, 20, 1);

        catalog.putStore(new CoverageStoreInfo("ws", "scene", other, "", true));

        LayerInfo after = catalog.layer("ws:l").orElseThrow();
        assertThat(after.revision()).isGreaterThan(before.revision());
        assertThat(told).containsExactly("layer ws:l");
        assertThat(restarted().store("ws", "scene")).get().extracting(CoverageStoreInfo::file).isEqualTo(other);
        assertThat(restarted().layer("ws:l")).get().extracting(LayerInfo::revision).isEqualTo(after.revision());
    }

    @Test
    void listenersAreToldAfterTheChangeIsSaved() throws Exception {
        publishBasics();
        List<String> seenOnDisk = new ArrayList<>();
        catalog.addListener(new CatalogListener() {
            @Override public void layerChanged(String qualifiedName) {
                seenOnDisk.add(qualifiedName + "=" + restarted().layer(qualifiedName).isPresent() + "," + catalog.layer(qualifiedName).isPresent());
            }

            @Override public void styleChanged(String name) {
                seenOnDisk.add(name + "=" + restarted().style(name).isPresent() + "," + catalog.style(name).isPresent());
            }
        });
        catalog.putLayer(layer("ws", "l", "scene", "grey"));
        catalog.putStyle("ramp", sld("ramp"));
        catalog.removeLayer("ws", "l");
        catalog.removeStyle("ramp");
        assertThat(seenOnDisk).containsExactly("ws:l=true,true", "ramp=true,true", "ws:l=false,false", "ramp=false,false");
    }

    @Test
    void aStyleInUseCannotBeRemoved() throws Exception {
        publishBasics();
        catalog.putStyle("ramp", sld("ramp"));
        catalog.putLayer(layer("ws", "l", "scene", "grey", "ramp"));
        assertReason(Reason.CONFLICT, () -> catalog.removeStyle("ramp"));
        assertReason(Reason.CONFLICT, () -> catalog.removeStyle("grey"));
        assertThat(catalog.style("ramp")).isPresent();
        assertThat(dataDir.resolve("styles/ramp.sld")).exists();
        assertReason(Reason.NOT_FOUND, () -> catalog.removeStyle("nostyle"));
    }

    @Test
    void malformedSldIsInvalidAndLeavesTheStyleAsItWas() throws Exception {
        catalog.putStyle("grey", sld("grey"));
        StyleInfo before = catalog.style("grey").orElseThrow();
        assertThatThrownBy(() -> catalog.putStyle("grey", sld("malformed")))
                .isInstanceOf(CatalogException.class).hasFieldOrPropertyWithValue("reason", Reason.INVALID)
                .hasMessageContaining("grey");
        assertReason(Reason.INVALID, () -> catalog.putStyle("notsld", "hello".getBytes(StandardCharsets.UTF_8)));
        assertThat(catalog.style("grey")).contains(before);
        assertThat(catalog.styleSld("grey")).get().isEqualTo(sld("grey"));
        assertThat(dataDir.resolve("styles/grey.sld")).hasBinaryContent(sld("grey"));
        assertThat(dataDir.resolve("styles/notsld.sld")).doesNotExist();
    }

    @Test
    void replacingAStyleBumpsItsRevision() throws Exception {
        long first = catalog.putStyle("s", sld("grey")).revision();
        long second = catalog.putStyle("s", sld("ramp")).revision();
        assertThat(second).isGreaterThan(first);
        assertThat(restarted().style("s")).get().extracting(StyleInfo::revision).isEqualTo(second);
        assertThat(restarted().styleSld("s")).get().isEqualTo(sld("ramp"));
    }

    @Test
    void anSldWithoutMetadataIsAStyle() throws Exception {
        Files.createDirectories(dataDir.resolve("styles"));
        Files.write(dataDir.resolve("styles/raster.sld"), sld("grey"));
        StyleInfo raster = restarted().style("raster").orElseThrow();
        assertThat(raster.style().name()).isEqualTo("raster");
        assertThat(raster.revision()).isPositive();
    }

    @Test
    void removingANonEmptyWorkspaceNeedsRecurse() throws Exception {
        publishBasics();
        catalog.putLayer(layer("ws", "l", "scene", "grey"));
        assertReason(Reason.CONFLICT, () -> catalog.removeWorkspace("ws", false));
        assertReason(Reason.CONFLICT, () -> catalog.removeStore("ws", "scene", false));
        assertThat(catalog.layer("ws:l")).isPresent();

        List<String> told = new ArrayList<>();
        catalog.addListener(recording(told));
        catalog.removeWorkspace("ws", true);

        assertThat(told).containsExactly("layer ws:l");
        assertThat(catalog.workspaces()).isEmpty();
        assertThat(catalog.layers()).isEmpty();
        assertThat(catalog.stores("ws")).isEmpty();
        assertThat(dataDir.resolve("workspaces")).isEmptyDirectory();
        assertThat(scene).as("the GeoTIFF itself is data, not catalogue").exists();
        assertSameCatalogue(catalog, restarted());
    }

    @Test
    void removingAStoreWithRecurseRemovesItsLayers() throws Exception {
        publishBasics();
        catalog.putLayer(layer("ws", "l", "scene", "grey"));
        catalog.removeStore("ws", "scene", true);
        assertThat(catalog.layers()).isEmpty();
        assertThat(catalog.workspaces()).extracting(WorkspaceInfo::name).containsExactly("ws");
        assertSameCatalogue(catalog, restarted());
        assertReason(Reason.NOT_FOUND, () -> catalog.removeStore("ws", "scene", true));
        assertReason(Reason.NOT_FOUND, () -> catalog.removeLayer("ws", "l"));
    }

    @Test
    void movingALayerToAnotherStoreMovesItsFile() throws Exception {
        publishBasics();
        Path other = Ramps.write(dataDir.resolve("eodata/other.tif"), 20, 20, 1);
        catalog.putStore(new CoverageStoreInfo("ws", "other", other, "", true));
        catalog.putLayer(layer("ws", "l", "scene", "grey"));
        catalog.putLayer(layer("ws", "l", "other", "grey"));
        assertThat(dataDir.resolve("workspaces/ws/scene/l")).doesNotExist();
        assertThat(restarted().layer("ws:l")).get().extracting(LayerInfo::store).isEqualTo("other");
    }

    @Test
    void findsALayerByItsPlainNameOnlyWhenUnique() throws Exception {
        publishBasics();
        catalog.addWorkspace("ws2");
        catalog.putStore(new CoverageStoreInfo("ws2", "scene", scene, "", true));
        catalog.putLayer(layer("ws", "only", "scene", "grey"));
        catalog.putLayer(layer("ws", "twice", "scene", "grey"));
        catalog.putLayer(layer("ws2", "twice", "scene", "grey"));
        assertThat(catalog.layer("only")).get().extracting(LayerInfo::qualifiedName).isEqualTo("ws:only");
        assertThat(catalog.layer("twice")).isEmpty();
        assertThat(catalog.layer("ws2:twice")).isPresent();
        assertThat(catalog.layers()).extracting(LayerInfo::qualifiedName).containsExactly("ws2:twice", "ws:only", "ws:twice");
    }

    @Test
    void corruptOrHalfWrittenFilesAreSkippedOnLoad() throws Exception {
        publishBasics();
        catalog.putLayer(layer("ws", "good", "scene", "grey"));
        catalog.putLayer(layer("ws", "bad", "scene", "grey"));
        Path badLayer = dataDir.resolve("workspaces/ws/scene/bad/layer.json");
        Files.write(badLayer, Arrays.copyOf(Files.readAllBytes(badLayer), 25));
        Files.createDirectories(dataDir.resolve("workspaces/broken"));
        Files.writeString(dataDir.resolve("workspaces/broken/workspace.json"), "{\"name\": 42}");
        Files.createDirectories(dataDir.resolve("workspaces/wrongname"));
        Files.writeString(dataDir.resolve("workspaces/wrongname/workspace.json"), "{\"name\": \"other\"}");
        Files.writeString(dataDir.resolve("styles/garbage.sld"), "<StyledLayerDescriptor");
        Files.writeString(dataDir.resolve("styles/.grey.sld123.tmp"), "left over by a crash");

        DataDirectoryCatalog again = restarted();

        assertThat(again.workspaces()).extracting(WorkspaceInfo::name).containsExactly("ws");
        assertThat(again.layers()).extracting(LayerInfo::name).containsExactly("good");
        assertThat(again.styles()).extracting(StyleInfo::name).containsExactly("grey");
    }

    @Test
    void concurrentPublishingLosesNothing() throws Exception {
        publishBasics();
        int threads = 8, perThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                start.await();
                String ws = "ws" + thread;
                catalog.addWorkspace(ws);
                catalog.putStore(new CoverageStoreInfo(ws, "scene", scene, "", true));
                for (int i = 0; i < perThread; i++) {
                    catalog.putLayer(layer(ws, "l" + i, "scene", "grey"));
                    catalog.putLayer(layer("ws", "t" + thread + "_" + i, "scene", "grey"));
                    assertThat(catalog.layers().size()).isGreaterThanOrEqualTo(2 * (i + 1));
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) f.get(60, TimeUnit.SECONDS);
        pool.shutdown();

        assertThat(catalog.layers()).hasSize(2 * threads * perThread);
        assertThat(catalog.layers()).extracting(LayerInfo::revision).doesNotHaveDuplicates();
        assertSameCatalogue(catalog, restarted());
    }

    @Test
    void aFailedWriteLeavesDiskAndMemoryAsTheyWere() throws Exception {
        publishBasics();
        catalog.putLayer(layer("ws", "a", "scene", "grey"));
        catalog.putLayer(layer("ws", "b", "scene", "grey"));
        FailingFiles failing = new FailingFiles();
        DataDirectoryCatalog fragile = new DataDirectoryCatalog(dataDir, failing, Clock.systemUTC());
        List<String> told = new ArrayList<>();
        fragile.addListener(recording(told));
        byte[] storeJson = Files.readAllBytes(dataDir.resolve("workspaces/ws/scene/coveragestore.json"));
        byte[] layerA = Files.readAllBytes(dataDir.resolve("workspaces/ws/scene/a/layer.json"));
        Path other = Ramps.write(dataDir.resolve("eodata/other.tif"), 20, 20, 1);

        // Replacing the store rewrites coveragestore.json, then a/layer.json, then b/layer.json: the last fails.
        failing.failOn = dataDir.resolve("workspaces/ws/scene/b/layer.json");
        assertThatThrownBy(() -> fragile.putStore(new CoverageStoreInfo("ws", "scene", other, "", true)))
                .isInstanceOf(UncheckedIOException.class);
        failing.failOn = dataDir.resolve("styles/ramp.json");
        assertThatThrownBy(() -> fragile.putStyle("ramp", sld("ramp"))).isInstanceOf(UncheckedIOException.class);
        failing.failOn = dataDir.resolve("workspaces/ws/scene/c/layer.json");
        assertThatThrownBy(() -> fragile.putLayer(layer("ws", "c", "scene", "grey"))).isInstanceOf(UncheckedIOException.class);

        assertThat(dataDir.resolve("workspaces/ws/scene/coveragestore.json")).hasBinaryContent(storeJson);
        assertThat(dataDir.resolve("workspaces/ws/scene/a/layer.json")).hasBinaryContent(layerA);
        assertThat(dataDir.resolve("styles/ramp.sld")).doesNotExist();
        assertThat(dataDir.resolve("workspaces/ws/scene/c")).doesNotExist();
        assertThat(told).isEmpty();
        assertSameCatalogue(catalog, fragile);
        assertSameCatalogue(catalog, restarted());
    }

    /** Real file writes, except the one to {@link #failOn}, which fails like a full disk. */
    static final class FailingFiles extends AtomicFiles {
        volatile Path failOn;

        @Override
        void write(Path target, byte[] content) throws IOException {
            if (target.equals(failOn)) throw new IOException("No space left on device (test)");
            super.write(target, content);
        }
    }

    private static CatalogListener recording(List<String> told) {
        return new CatalogListener() {
            @Override public void layerChanged(String qualifiedName) { told.add("layer " + qualifiedName); }

            @Override public void styleChanged(String name) { told.add("style " + name); }
        };
    }

    private static void assertReason(Reason reason, ThrowingCall call) {
        assertThatThrownBy(call::run).isInstanceOf(CatalogException.class).hasFieldOrPropertyWithValue("reason", reason);
    }

    @FunctionalInterface
    interface ThrowingCall {
        void run() throws Exception;
    }
}
