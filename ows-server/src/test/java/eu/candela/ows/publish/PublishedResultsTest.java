package eu.candela.ows.publish;

import eu.candela.eodata.raster.GeoTiffReader;
import eu.candela.ows.catalog.Catalog;
import eu.candela.ows.catalog.CoverageStoreInfo;
import eu.candela.ows.catalog.LayerInfo;
import eu.candela.ows.testing.ExternalTools;
import eu.candela.ows.testing.ServerTestBase;
import eu.candela.ows.testing.ToolRun;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole path a notebook user takes: OWSLib executes ChangeDetection on the bundled pair, reads
 * the layer names from the outputs, and looks at the layers through WMS 1.1.1, 1.3.0 and WMTS.
 * Then the catalogue is checked: one layer per GeoTIFF output, each a COG in the data area with
 * the style the process asked for.
 */
class PublishedResultsTest extends ServerTestBase {
    @Autowired
    Catalog catalog;

    @Test
    void eachGeoTiffOutputBecomesALayerThatOwsLibMapsAndTiles() throws Exception {
        ExternalTools.requireOwsLib();
        Path script = Path.of("src/test/python/owslib_map_client.py").toAbsolutePath();
        // the server is shared with other test classes: only the layers this test's Execute published count
        Set<String> before = catalog.layers().stream().map(LayerInfo::name).collect(Collectors.toSet());

        ToolRun run = ToolRun.python(Duration.ofMinutes(4), script, base());

        System.out.println(run.output());
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("0 failed");

        List<LayerInfo> published = catalog.layers().stream().filter(l -> l.workspace().equals("results"))
                .filter(l -> !before.contains(l.name())).toList();
        LayerInfo probability = only(published, "_probability");
        LayerInfo mask = only(published, "_mask");
        assertThat(probability.defaultStyle()).isEqualTo("change_probability");
        assertThat(mask.defaultStyle()).isEqualTo("change_mask");
        assertThat(published).noneMatch(l -> l.name().endsWith("_preview")); // a PNG, not a GeoTIFF: not a layer
        for (LayerInfo layer : List.of(probability, mask)) {
            CoverageStoreInfo store = catalog.store(layer.workspace(), layer.store()).orElseThrow();
            assertThat(store.file()).startsWith(dataDir().resolve("data").resolve("results"));
            try (GeoTiffReader reader = GeoTiffReader.open(store.file())) {
                assertThat(CogStorage.isCloudOptimized(reader.info())).isTrue();
            }
        }
    }

    private static LayerInfo only(List<LayerInfo> layers, String suffix) {
        List<LayerInfo> matching = layers.stream().filter(l -> l.name().endsWith(suffix)).toList();
        assertThat(matching).as("layers ending in " + suffix + " among " + layers).hasSize(1);
        return matching.get(0);
    }
}
