package eu.candela.wps.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.candela.eodata.raster.CogOptions;
import eu.candela.eodata.raster.CogWriter;
import eu.candela.eodata.raster.GeoTiffReader;
import eu.candela.eodata.raster.RasterBlock;
import eu.candela.eodata.raster.RasterSpec;
import eu.candela.eodata.raster.SampleType;
import eu.candela.wps.spi.InvalidInputException;
import eu.candela.wps.testing.RecordingContext;
import eu.candela.wps.testing.TestRasters;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A later scene under cloud everywhere: refused by default, all no data when an empty result is allowed. */
class ChangeDetectionUnderCloudTest {

    @TempDir
    Path dir;
    Path before;
    Path after;

    @BeforeEach
    void write() throws IOException {
        before = scene(dir.resolve("before.tif"), 1, 1);
        after = scene(dir.resolve("after.tif"), 2, 2);
    }

    /** Four random reflectance bands and a QUALITY band of one class. */
    private static Path scene(Path file, int quality, long seed) throws IOException {
        RasterSpec spec = new RasterSpec(TestRasters.grid(64, 64), 5, SampleType.FLOAT32, -9999.0,
                List.of("B02", "B03", "B04", "B08", "QUALITY"), Map.of());
        SplittableRandom random = new SplittableRandom(seed);
        try (CogWriter writer = CogWriter.create(file, spec, CogOptions.defaults().withTileSize(64))) {
            RasterBlock block = new RasterBlock(0, 0, 64, 64, 5);
            for (int b = 0; b < 4; b++) {
                for (int i = 0; i < 64 * 64; i++) {
                    block.band(b)[i] = (float) (0.05 + 0.3 * random.nextDouble());
                }
            }
            java.util.Arrays.fill(block.band(4), quality);
            writer.write(block);
        }
        return file;
    }

    @Test
    void refusesScenesWithNoClearPixelInCommon() {
        assertThatThrownBy(() -> new ChangeDetection().run(Defaults.in(before, after), new RecordingContext(dir.resolve("job"))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.inputId()).isEqualTo("after"))
                .hasMessageContaining("clear of clouds");
    }

    @Test
    void writesAllNoDataWhenAnEmptyResultIsAllowed() throws Exception {
        ChangeDetection.Out out = new ChangeDetection().run(Defaults.allowingEmpty(Defaults.in(before, after)),
                new RecordingContext(dir.resolve("job")));

        assertThat(out.changedPixels()).isZero();
        try (GeoTiffReader p = GeoTiffReader.open(out.probability()); GeoTiffReader m = GeoTiffReader.open(out.mask())) {
            assertThat(p.read(0, 0, 64, 64).band(0)).containsOnly(-1f);
            assertThat(m.read(0, 0, 64, 64).band(0)).containsOnly(255f);
        }
    }
}
