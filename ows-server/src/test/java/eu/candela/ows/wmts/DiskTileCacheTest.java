package eu.candela.ows.wmts;

import eu.candela.ows.render.OutputFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class DiskTileCacheTest {
    @TempDir
    Path root;

    private static TileKey key(String ws, String layer, String style, long col) {
        return new TileKey(ws, layer, style, "GoogleMapsCompatible", 3, 2, col, OutputFormat.PNG);
    }

    @Test
    void storesUnderTheLayerStyleMatrixPath() {
        DiskTileCache cache = new DiskTileCache(root);
        TileKey key = key("bench", "s2", "peer_ramp", 5);
        cache.store(key, new byte[] {1, 2, 3}, () -> true);
        assertThat(root.resolve("bench/s2/peer_ramp/GoogleMapsCompatible/3/2/5.png")).exists();
        assertThat(cache.read(key)).hasValueSatisfying(b -> assertThat(b).containsExactly(1, 2, 3));
    }

    @Test
    void missIsEmpty() {
        assertThat(new DiskTileCache(root).read(key("a", "b", "c", 0))).isEmpty();
    }

    @Test
    void tileDrawnFromAnOutdatedRevisionIsNotStoredAndLeavesNoTemporaryFile() throws IOException {
        DiskTileCache cache = new DiskTileCache(root);
        TileKey key = key("a", "b", "c", 0);
        cache.store(key, new byte[] {9}, () -> false);
        assertThat(cache.read(key)).isEmpty();
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void removingALayerKeepsOtherLayers() {
        DiskTileCache cache = new DiskTileCache(root);
        cache.store(key("ws", "one", "s", 0), new byte[] {1}, () -> true);
        cache.store(key("ws", "one", "t", 0), new byte[] {1}, () -> true);
        cache.store(key("ws", "two", "s", 0), new byte[] {2}, () -> true);
        cache.removeLayer("ws", "one");
        assertThat(cache.read(key("ws", "one", "s", 0))).isEmpty();
        assertThat(cache.read(key("ws", "one", "t", 0))).isEmpty();
        assertThat(cache.read(key("ws", "two", "s", 0))).isPresent();
        assertThat(root.resolve("ws/one")).doesNotExist();
    }

    @Test
    void removingAStyleDropsItFromEveryLayerOnly() {
        DiskTileCache cache = new DiskTileCache(root);
        cache.store(key("a", "one", "ramp", 0), new byte[] {1}, () -> true);
        cache.store(key("b", "two", "ramp", 0), new byte[] {1}, () -> true);
        cache.store(key("b", "two", "grey", 0), new byte[] {1}, () -> true);
        cache.removeStyle("ramp");
        assertThat(cache.read(key("a", "one", "ramp", 0))).isEmpty();
        assertThat(cache.read(key("b", "two", "ramp", 0))).isEmpty();
        assertThat(cache.read(key("b", "two", "grey", 0))).isPresent();
    }

    @Test
    void removingWhatIsNotCachedIsHarmless() {
        DiskTileCache cache = new DiskTileCache(root);
        cache.removeLayer("none", "such");
        cache.removeStyle("nothing");
        assertThat(root).isEmptyDirectory();
    }

    @Test
    void leftoverTrashIsDeletedAtStart() throws IOException {
        Path trash = Files.createDirectories(root.resolve(".trash-old/x"));
        Files.write(trash.resolve("1.png"), new byte[] {1});
        new DiskTileCache(root);
        assertThat(root.resolve(".trash-old")).doesNotExist();
    }
}
