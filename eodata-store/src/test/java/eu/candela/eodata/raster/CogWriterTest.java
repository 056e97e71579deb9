package eu.candela.eodata.raster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The writer's contract: tile-aligned blocks, temporary files, atomic publication, bounded memory. */
class CogWriterTest {
    private static final RasterSpec SPEC = TestRasters.spec(100, 70, 2, SampleType.UINT16);
    private static final CogOptions OPTIONS = CogOptions.defaults().withTileSize(32);

    @TempDir
    Path dir;

    @ParameterizedTest(name = "x={0} y={1} {2}x{3}: {4}")
    @CsvSource({
        "16, 0, 32, 32, x=16",
        "0, 20, 32, 32, y=20",
        "96, 0, 32, 32, width=32",
        "0, 64, 32, 32, height=32",
        "0, 0, 16, 32, width=16",
        "128, 0, 32, 32, x=128",
    })
    void rejectsBlocksThatAreNotTiles(int x, int y, int width, int height, String offending) throws IOException {
        try (CogWriter writer = CogWriter.create(dir.resolve("out.tif"), SPEC, OPTIONS)) {
            assertThatThrownBy(() -> writer.write(new RasterBlock(x, y, width, height, 2)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(offending);
        }
    }

    @Test
    void rejectsABlockWithTheWrongBandCount() throws IOException {
        try (CogWriter writer = CogWriter.create(dir.resolve("out.tif"), SPEC, OPTIONS)) {
            assertThatThrownBy(() -> writer.write(new RasterBlock(0, 0, 32, 32, 3)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("3 bands");
        }
    }

    @Test
    void rejectsATileWrittenTwice() throws IOException {
        try (CogWriter writer = CogWriter.create(dir.resolve("out.tif"), SPEC, OPTIONS)) {
            writer.write(new RasterBlock(32, 0, 32, 32, 2));
            assertThatThrownBy(() -> writer.write(new RasterBlock(32, 0, 32, 32, 2)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("already written");
        }
    }

    @Test
    void publishesNothingUnderTheTargetNameBeforeClose() throws IOException {
        Path target = dir.resolve("out.tif");
        try (CogWriter writer = CogWriter.create(target, SPEC, OPTIONS)) {
            writer.write(TestRasters.block(SPEC, 0, 0, 32, 32));
            assertThat(target).doesNotExist();
        }
        assertThat(target).exists();
    }

    @Test
    void replacesAnExistingTargetOnClose() throws IOException {
        Path target = dir.resolve("out.tif");
        Files.writeString(target, "old content");
        TestRasters.write(target, SPEC, OPTIONS);
        try (GeoTiffReader reader = GeoTiffReader.open(target)) {
            assertThat(reader.info().spec()).isEqualTo(SPEC);
        }
    }

    @Test
    void abortLeavesNoFileAtAll() throws IOException {
        Path target = dir.resolve("out.tif");
        CogWriter writer = CogWriter.create(target, SPEC, OPTIONS);
        writer.write(TestRasters.block(SPEC, 0, 0, 32, 32));
        writer.abort();
        writer.close();
        assertThat(listing()).isEmpty();
    }

    @Test
    void deletesItsTemporaryFilesOnClose() throws IOException {
        TestRasters.write(dir.resolve("out.tif"), SPEC, OPTIONS);
        assertThat(listing()).containsExactly("out.tif");
    }

    @Test
    void offersStatisticsOnlyAfterClose() throws IOException {
        try (CogWriter writer = CogWriter.create(dir.resolve("out.tif"), SPEC, OPTIONS)) {
            assertThatThrownBy(() -> writer.statistics(0)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void reportsNoValidSamplesForABandNeverWritten() throws IOException {
        CogWriter writer = CogWriter.create(dir.resolve("out.tif"), SPEC, OPTIONS);
        writer.close();
        assertThat(writer.statistics(1).validCount()).isZero();
        assertThat(writer.statistics(1).mean()).isNaN();
    }

    @Test
    void rejectsATargetInAMissingDirectory() {
        assertThatThrownBy(() -> CogWriter.create(dir.resolve("missing/out.tif"), SPEC, OPTIONS))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("does not exist");
    }

    /**
     * Memory stays flat because every tile goes to the spool file as soon as it is written: the writer
     * keeps only its position (see {@code LevelIndex}), and overviews read back four tiles at a time.
     * This checks the observable half of that: the spool grows with each tile of a 6000 x 6000 raster.
     */
    @Test
    void spoolsEveryTileToDiskAsItArrives() throws IOException {
        RasterSpec big = RasterSpec.of(eu.candela.eodata.grid.GridGeometry.northUp(6000, 6000, 0, 0, 1, 32630), 1, SampleType.UINT8);
        Path target = dir.resolve("big.tif");
        List<Long> spoolSizes = new ArrayList<>();
        try (CogWriter writer = CogWriter.create(target, big, CogOptions.defaults())) {
            Path spool = spoolOf(target);
            for (BlockGrid.Window w : BlockGrid.of(6000, 6000, writer.tileSize())) {
                RasterBlock block = new RasterBlock(w.x(), w.y(), w.width(), w.height(), 1);
                float[] band = block.band(0);
                for (int i = 0; i < band.length; i++) {
                    band[i] = (i + w.x() + 7 * w.y()) & 0xFF;
                }
                writer.write(block);
                spoolSizes.add(Files.size(spool));
            }
        }
        assertThat(spoolSizes).hasSize(144).isSorted().doesNotHaveDuplicates();
        try (GeoTiffReader reader = GeoTiffReader.open(target)) {
            assertThat(reader.info().overviews()).containsExactly(new OverviewLevel(3000, 3000), new OverviewLevel(1500, 1500),
                    new OverviewLevel(750, 750), new OverviewLevel(375, 375));
            assertThat(reader.read(5999, 5999, 1, 1).get(0, 0, 0)).isEqualTo((float) ((367 * 368 + 367 + 5632 + 7 * 5632) & 0xFF));
        }
    }

    private Path spoolOf(Path target) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("." + target.getFileName())
                    && p.getFileName().toString().endsWith(".tiles")).findFirst().orElseThrow();
        }
    }

    private List<String> listing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
