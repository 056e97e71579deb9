package eu.candela.wps.subimage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.candela.eodata.grid.GridGeometry;
import eu.candela.eodata.raster.CogOptions;
import eu.candela.eodata.raster.CogWriter;
import eu.candela.eodata.raster.GeoTiffReader;
import eu.candela.eodata.raster.RasterBlock;
import eu.candela.eodata.raster.RasterSpec;
import eu.candela.eodata.raster.SampleType;
import eu.candela.wps.spi.InvalidInputException;
import eu.candela.wps.spi.RasterRef;
import eu.candela.wps.testing.RecordingContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MergeImages on sub-images that disagree, as independent fits do: each holds a constant of its own,
 * so any seam would be a jump between neighbouring pixels.
 */
class MergeImagesBlendingTest {

    static final int SIZE = 128;
    static final int OVERLAP = 32;
    static final int STEP = SIZE - OVERLAP;
    /** Columns and rows of sub-images: 3 x 2 windows covering 320 x 224 pixels. */
    static final int COLUMNS = 3;
    static final int ROWS = 2;

    @TempDir
    Path dir;
    final List<RasterRef> probabilities = new ArrayList<>();
    final List<RasterRef> masks = new ArrayList<>();

    @BeforeEach
    void writeSubImages() throws IOException {
        GridGeometry mosaic = GridGeometry.northUp(STEP * (COLUMNS - 1) + SIZE, STEP * (ROWS - 1) + SIZE, 600_000, 5_000_000, 10, 32630);
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < COLUMNS; c++) {
                GridGeometry window = mosaic.window(c * STEP, r * STEP, SIZE, SIZE);
                int k = r * COLUMNS + c;
                probabilities.add(new RasterRef(constant(dir.resolve("p" + k + ".tif"), window, SampleType.FLOAT32, -1.0, k / 10f, r, c)));
                masks.add(new RasterRef(constant(dir.resolve("m" + k + ".tif"), window, SampleType.UINT8, 255.0, k % 2, r, c)));
            }
        }
        // Arrival order must not matter: results come back from parallel jobs.
        Collections.reverse(probabilities);
    }

    /** A sub-image of one value, with a nodata hole in the top-left sub-image's top-left corner. */
    private static Path constant(Path file, GridGeometry grid, SampleType type, double nodata, float value, int r, int c)
            throws IOException {
        RasterSpec spec = new RasterSpec(grid, 1, type, nodata, List.of(), java.util.Map.of());
        try (CogWriter writer = CogWriter.create(file, spec, CogOptions.defaults().withTileSize(SIZE))) {
            RasterBlock block = new RasterBlock(0, 0, SIZE, SIZE, 1);
            block.fill(value);
            if (r == 0 && c == 0) {
                for (int y = 0; y < 10; y++) {
                    for (int x = 0; x < 10; x++) {
                        block.set(0, x, y, (float) nodata);
                    }
                }
            }
            writer.write(block);
        }
        return file;
    }

    private MergeImages.Out merge(List<RasterRef> maskInputs) throws IOException {
        return new MergeImages().run(new MergeImages.In(probabilities, maskInputs, null, null, 0.999999, null),
                new RecordingContext(dir.resolve("job")));
    }

    @Test
    void blendsTheProbabilityWithoutASeam() throws Exception {
        MergeImages.Out out = merge(masks);
        try (GeoTiffReader reader = GeoTiffReader.open(out.probability())) {
            int w = reader.info().width();
            int h = reader.info().height();
            RasterBlock p = reader.read(0, 0, w, h);
            double largestStep = 0;
            for (int y = 10; y < h; y++) {
                for (int x = 10; x + 1 < w; x++) {
                    largestStep = Math.max(largestStep, Math.abs(p.get(0, x + 1, y) - p.get(0, x, y)));
                    if (y + 1 < h) {
                        largestStep = Math.max(largestStep, Math.abs(p.get(0, x, y + 1) - p.get(0, x, y)));
                    }
                }
            }
            // Neighbours differ by 0.1 (across columns) or 0.3 (across rows); spread over 32 pixels, no step exceeds 0.3 / 32.
            assertThat(largestStep).isLessThanOrEqualTo(0.3 / OVERLAP + 1e-6);
            assertThat(p.get(0, 50, 50)).as("a pixel only the first sub-image covers keeps its value").isEqualTo(0f);
            assertThat(p.get(0, 2 * STEP + 80, STEP + 80)).isEqualTo(0.5f);
        }
    }

    @Test
    void leavesNoDataOutOfTheBlendAndKeepsItWhereNothingElseCovers() throws Exception {
        MergeImages.Out out = merge(masks);
        try (GeoTiffReader p = GeoTiffReader.open(out.probability()); GeoTiffReader m = GeoTiffReader.open(out.mask())) {
            assertThat(p.read(0, 0, 10, 10).band(0)).containsOnly(-1f);
            assertThat(m.read(0, 0, 10, 10).band(0)).containsOnly(255f);
        }
    }

    @Test
    void takesTheMaskOfTheSubImageEachPixelLiesDeepestIn() throws Exception {
        MergeImages.Out out = merge(masks);
        try (GeoTiffReader reader = GeoTiffReader.open(out.mask())) {
            RasterBlock m = reader.read(0, 0, reader.info().width(), reader.info().height());
            int row = 40;
            // Columns 96..127 are covered by sub-images 0 (mask 0) and 1 (mask 1): the owner changes mid-overlap.
            assertThat(m.get(0, STEP + OVERLAP / 2 - 1, row)).isEqualTo(0f);
            assertThat(m.get(0, STEP + OVERLAP / 2, row)).isEqualTo(1f);
        }
        assertThat(out.changedPixels()).isPositive();
    }

    @Test
    void withoutMasksCutsTheBlendedProbability() throws Exception {
        MergeImages.Out out = new MergeImages().run(new MergeImages.In(probabilities, null, null, null, 0.25, null),
                new RecordingContext(dir.resolve("job-threshold")));
        try (GeoTiffReader p = GeoTiffReader.open(out.probability()); GeoTiffReader m = GeoTiffReader.open(out.mask())) {
            RasterBlock pb = p.read(0, 0, p.info().width(), p.info().height());
            RasterBlock mb = m.read(0, 0, m.info().width(), m.info().height());
            for (int i = 0; i < pb.band(0).length; i++) {
                float expected = pb.band(0)[i] == -1f ? 255f : pb.band(0)[i] > 0.25 ? 1f : 0f;
                assertThat(mb.band(0)[i]).isEqualTo(expected);
            }
        }
    }

    @Test
    void rejectsASubImageInAnotherCrs() throws Exception {
        GridGeometry other = GridGeometry.northUp(SIZE, SIZE, 600_000, 5_000_000, 10, 32631);
        List<RasterRef> inputs = new ArrayList<>(probabilities);
        inputs.add(new RasterRef(constant(dir.resolve("other.tif"), other, SampleType.FLOAT32, -1.0, 0, 1, 1)));

        assertThatThrownBy(() -> new MergeImages().run(new MergeImages.In(inputs, null, null, null, 0.5, null),
                new RecordingContext(dir.resolve("job-crs"))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.inputId()).isEqualTo("probability"))
                .hasMessageContaining("'other.tif' is not on the grid");
    }

    @Test
    void rejectsMasksThatDoNotMatchTheProbabilities() {
        assertThatThrownBy(() -> merge(masks.subList(0, 5)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.inputId()).isEqualTo("mask"))
                .hasMessageContaining("has 5 sub-images but 'probability' has 6");
    }
}
