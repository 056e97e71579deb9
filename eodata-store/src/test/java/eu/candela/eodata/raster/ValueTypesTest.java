package eu.candela.eodata.raster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.candela.eodata.grid.GridGeometry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Argument checks and derivers of the small value types. */
class ValueTypesTest {
    private static final GridGeometry GRID = GridGeometry.northUp(10, 10, 0, 0, 1, 32630);

    @Test
    void specRejectsOneDescriptionTooFew() {
        assertThatThrownBy(() -> new RasterSpec(GRID, 2, SampleType.UINT8, null, List.of("red"), Map.of()))
                .hasMessageContaining("1 descriptions for 2 bands");
    }

    @Test
    void specCopiesItsMetadata() {
        Map<String, String> metadata = new HashMap<>(Map.of("A", "1"));
        RasterSpec spec = new RasterSpec(GRID, 1, SampleType.UINT8, null, List.of(), metadata);
        metadata.put("B", "2");
        assertThat(spec.metadata()).containsOnlyKeys("A");
    }

    @Test
    void specDropsDescriptionsWhenTheBandCountChanges() {
        RasterSpec spec = new RasterSpec(GRID, 2, SampleType.UINT8, 0.0, List.of("a", "b"), Map.of());
        assertThat(spec.withBandCount(3).bandDescriptions()).isEmpty();
        assertThat(spec.withNodata(null).nodata()).isNull();
    }

    @Test
    void optionsRejectATileSizeThatIsNotAMultipleOf16() {
        assertThatThrownBy(() -> CogOptions.defaults().withTileSize(100)).hasMessageContaining("100");
    }

    @Test
    void optionsDefaultLikeGdal() {
        assertThat(CogOptions.defaults()).isEqualTo(new CogOptions(512, Compression.DEFLATE, OverviewResampling.AVERAGE));
    }

    @Test
    void blockGridClipsTheLastColumnAndRow() {
        assertThat(BlockGrid.of(100, 40, 32)).hasSize(8).last().isEqualTo(new BlockGrid.Window(96, 32, 4, 8));
    }

    @Test
    void blockHoldsLiveBandsInRowMajorOrder() {
        RasterBlock block = new RasterBlock(64, 32, 3, 2, 2);
        block.set(1, 2, 1, 7f);
        assertThat(block.band(1)[5]).isEqualTo(7f);
        block.band(0)[4] = 3f;
        assertThat(block.get(0, 1, 1)).isEqualTo(3f);
    }

    @Test
    void blockRejectsAPixelOutside() {
        assertThatThrownBy(() -> new RasterBlock(0, 0, 3, 2, 1).get(0, 3, 0)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
