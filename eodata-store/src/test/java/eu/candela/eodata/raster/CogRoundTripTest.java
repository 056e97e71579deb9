package eu.candela.eodata.raster;

import static org.assertj.core.api.Assertions.assertThat;

import eu.candela.eodata.grid.GridGeometry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Writes COGs with {@link CogWriter} and reads them back with {@link GeoTiffReader}. */
class CogRoundTripTest {
    /** Odd sizes, not multiples of the tile size, so edge tiles are clipped. */
    private static final int WIDTH = 157;
    private static final int HEIGHT = 93;
    private static final CogOptions SMALL_TILES = CogOptions.defaults().withTileSize(32);

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(SampleType.class)
    void readsBackEveryPixelOfEachSampleTypeWithSeveralBands(SampleType type) throws IOException {
        RasterSpec spec = TestRasters.spec(WIDTH, HEIGHT, 3, type);
        Path file = dir.resolve("cog.tif");
        TestRasters.write(file, spec, SMALL_TILES);
        try (GeoTiffReader reader = GeoTiffReader.open(file)) {
            assertSameValues(reader.read(0, 0, WIDTH, HEIGHT), TestRasters.block(spec, 0, 0, WIDTH, HEIGHT));
        }
    }

    @ParameterizedTest
    @EnumSource(SampleType.class)
    void readsBackASingleBandRaster(SampleType type) throws IOException {
        RasterSpec spec = TestRasters.spec(WIDTH, HEIGHT, 1, type);
        Path file = dir.resolve("cog.tif");
        TestRasters.write(file, spec, SMALL_TILES);
        try (GeoTiffReader reader = GeoTiffReader.open(file)) {
            assertSameValues(reader.read(0, 0, WIDTH, HEIGHT), TestRasters.block(spec, 0, 0, WIDTH, HEIGHT));
        }
    }

    @ParameterizedTest
    @EnumSource(SampleType.class)
    void readsBackTheSpec(SampleType type) throws IOException {
        RasterSpec spec = TestRasters.spec(WIDTH, HEIGHT, 2, type);
        Path file = dir.resolve("cog.tif");
        TestRasters.write(file, spec, SMALL_TILES);
        try (GeoTiffReader reader = GeoTiffReader.open(file)) {
            assertThat(reader.info().spec()).isEqualTo(spec);
        }
    }

    @ParameterizedTest
    @CsvSource({"0, 0, 1, 1", "31, 31, 2, 2", "20, 10, 100, 70", "150, 90, 7, 3", "0, 60, 157, 33", "64, 0, 1, 93"})
    void readsWindowsThatStraddleTiles(int x, int y, int width, int height) throws IOException {
        RasterSpec spec = TestRasters.spec(WIDTH, HEIGHT, 3, SampleType.INT16);
        Path file = dir.resolve("cog.tif");
        TestRasters.write(file, spec, SMALL_TILES);
        try (GeoTiffReader reader = GeoTiffReader.open(file)) {
            assertSameValues(reader.read(x, y, width, height), TestRasters.block(spec, x, y, width, height));
        }
    }

    @Test
    void reportsTileSizeCompressionAndOverviewSizesHalvingUntilOneTile() throws IOException {
        RasterSpec spec = TestRasters.spec(WIDTH, HEIGHT, 1, SampleType.UINT8);
        Path file = dir.resolve("cog.tif");
        TestRasters.write(file, spec, SMALL_TILES);
        try (GeoTiffReader reader = GeoTiffReader.open(file)) {
            RasterInfo info = reader.info();
            assertThat(List.of(info.tileWidth(), info.tileHeight(), info.compression())).containsExactly(32, 32, "DEFLATE");
            assertThat(info.overviews()).containsExactly(
                    new OverviewLevel(79, 47), new OverviewLevel(40, 24), new OverviewLevel(20, 12));
            assertThat(reader.overviewCount()).isEqualTo(3);
        }
    }

    @Test
    void writesNoOverviewWhenTheRasterFitsOneTile() throws IOException {
        RasterSpec spec = TestRasters.spec(30, 20, 1, SampleType.UINT8);
        Path file = dir.resolve("cog.tif");
        TestRasters.write(file, spec, SMALL_TILES);
        try (GeoTiffReader reader = GeoTiffReader.open(file)) {
            assertThat(reader.overviewCount()).isZero();
        }
    }

    @Test
    void averagesOverviewsIgnoringNodata() throws IOException {
        RasterSpec spec = TestRasters.spec(WIDTH, HEIGHT, 2, SampleType.FLOAT32);
        Path file = dir.resolve("cog.tif");
        TestRasters.write(file, spec, SMALL_TILES);
        try (GeoTiffReader reader = GeoTiffReader.open(file)) {
            RasterBlock overview = reader.readOverview(1, 0, 0, 79, 47);
            for (int row = 0; row < 47; row++) {
                for (int col = 0; col < 79; col++) {
                    assertThat(overview.get(1, col, row)).as("overview pixel (%d, %d)", col, row)
                            .isEqualTo(expectedAverage(spec, 1, col, row));
                }
            }
        }
    }

    @Test
    void nearestOverviewsKeepTheUpperLeftPixelOfEachCell() throws IOException {
        RasterSpec spec = TestRasters.spec(WIDTH, HEIGHT, 1, SampleType.UINT8);
        Path file = dir.resolve("classes.tif");
        TestRasters.write(file, spec, SMALL_TILES.withOverviewResampling(OverviewResampling.NEAREST));
        try (GeoTiffReader reader = GeoTiffReader.open(file)) {
            RasterBlock overview = reader.readOverview(1, 0, 0, 79, 47);
            assertThat(overview.get(0, 10, 20)).isEqualTo(TestRasters.value(spec, 0, 20, 40));
            assertThat(overview.get(0, 78, 46)).isEqualTo(TestRasters.value(spec, 0, 156, 92));
        }
    }

    @Test
    void accumulatesStatisticsIgnoringNodata() throws IOException {
        RasterSpec spec = TestRasters.spec(WIDTH, HEIGHT, 2, SampleType.UINT16);
        CogWriter writer = TestRasters.write(dir.resolve("cog.tif"), spec, SMALL_TILES);
        double sum = 0;
        double sumOfSquares = 0;
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        long count = 0;
        for (int row = 0; row < HEIGHT; row++) {
            for (int col = 0; col < WIDTH; col++) {
                double v = TestRasters.value(spec, 1, col, row);
                if (v != spec.nodata()) {
                    sum += v;
                    sumOfSquares += v * v;
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                    count++;
                }
            }
        }
        double mean = sum / count;
        BandStatistics stats = writer.statistics(1);
        assertThat(stats.validCount()).isEqualTo(count).isLessThan((long) WIDTH * HEIGHT);
        assertThat(stats.min()).isEqualTo(min);
        assertThat(stats.max()).isEqualTo(max);
        assertThat(stats.mean()).isCloseTo(mean, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(stats.stddev()).isCloseTo(Math.sqrt(sumOfSquares / count - mean * mean), org.assertj.core.data.Offset.offset(1e-3));
    }

    @Test
    void fillsTilesNeverWrittenWithNodata() throws IOException {
        RasterSpec spec = TestRasters.spec(WIDTH, HEIGHT, 1, SampleType.INT16).withNodata(-32768.0);
        Path file = dir.resolve("sparse.tif");
        try (CogWriter writer = CogWriter.create(file, spec, SMALL_TILES)) {
            writer.write(TestRasters.block(spec, 32, 0, 32, 32));
        }
        try (GeoTiffReader reader = GeoTiffReader.open(file)) {
            assertThat(reader.read(0, 0, 1, 1).get(0, 0, 0)).isEqualTo(-32768f);
            assertThat(reader.read(150, 90, 1, 1).get(0, 0, 0)).isEqualTo(-32768f);
            assertSameValues(reader.read(32, 0, 32, 32), TestRasters.block(spec, 32, 0, 32, 32));
        }
    }

    @Test
    void keepsNanAsNodata() throws IOException {
        RasterSpec spec = TestRasters.spec(WIDTH, HEIGHT, 1, SampleType.FLOAT32).withNodata(Double.NaN);
        Path file = dir.resolve("nan.tif");
        CogWriter writer = TestRasters.write(file, spec, SMALL_TILES);
        try (GeoTiffReader reader = GeoTiffReader.open(file)) {
            assertThat(reader.info().spec().nodata()).isNaN();
            long numbers = 0;
            for (float v : TestRasters.block(spec, 0, 0, WIDTH, HEIGHT).band(0)) {
                numbers += Float.isNaN(v) ? 0 : 1;
            }
            assertThat(writer.statistics(0).validCount()).isEqualTo(numbers).isLessThan((long) WIDTH * HEIGHT);
        }
    }

    @Test
    void roundsAndClampsValuesToTheSampleType() throws IOException {
        RasterSpec spec = TestRasters.spec(3, 1, 1, SampleType.UINT8).withNodata(null);
        Path file = dir.resolve("clamped.tif");
        try (CogWriter writer = CogWriter.create(file, spec, SMALL_TILES)) {
            RasterBlock block = new RasterBlock(0, 0, 3, 1, 1);
            block.set(0, 0, 0, -5f);
            block.set(0, 1, 0, 2.5f);
            block.set(0, 2, 0, 300f);
            writer.write(block);
        }
        try (GeoTiffReader reader = GeoTiffReader.open(file)) {
            assertThat(reader.read(0, 0, 3, 1).band(0)).containsExactly(0f, 3f, 255f);
        }
    }

    @Test
    void writesUncompressedTilesWhenAsked() throws IOException {
        RasterSpec spec = TestRasters.spec(WIDTH, HEIGHT, 2, SampleType.FLOAT32);
        Path file = dir.resolve("raw.tif");
        TestRasters.write(file, spec, SMALL_TILES.withCompression(Compression.NONE));
        try (GeoTiffReader reader = GeoTiffReader.open(file)) {
            assertThat(reader.info().compression()).isEqualTo("NONE");
            assertSameValues(reader.read(0, 0, WIDTH, HEIGHT), TestRasters.block(spec, 0, 0, WIDTH, HEIGHT));
        }
    }

    @Test
    void writesBigTiffThatReadsBack() throws IOException {
        RasterSpec spec = TestRasters.spec(WIDTH, HEIGHT, 2, SampleType.UINT16);
        Path file = dir.resolve("big.tif");
        TestRasters.write(file, spec, SMALL_TILES, true);
        try (GeoTiffReader reader = GeoTiffReader.open(file)) {
            assertThat(java.nio.file.Files.readAllBytes(file)[2]).isEqualTo((byte) 43);
            assertThat(reader.info().overviews()).hasSize(3);
            assertSameValues(reader.read(0, 0, WIDTH, HEIGHT), TestRasters.block(spec, 0, 0, WIDTH, HEIGHT));
        }
    }

    @Test
    void keepsARotatedGeotransform() throws IOException {
        GridGeometry rotated = new GridGeometry(40, 30, new double[] {500000, 8.66, 5, 4600000, 5, -8.66}, 32630);
        RasterSpec spec = RasterSpec.of(rotated, 1, SampleType.UINT8);
        Path file = dir.resolve("rotated.tif");
        TestRasters.write(file, spec, SMALL_TILES);
        try (GeoTiffReader reader = GeoTiffReader.open(file)) {
            assertThat(reader.info().grid()).isEqualTo(rotated);
        }
    }

    @Test
    void keepsAGeographicGridInEpsg4326() throws IOException {
        GridGeometry grid = GridGeometry.northUp(50, 40, -0.6, 44.9, 0.0001, 4326);
        RasterSpec spec = new RasterSpec(grid, 1, SampleType.UINT16, null, List.of(), Map.of());
        Path file = dir.resolve("wgs84.tif");
        TestRasters.write(file, spec, SMALL_TILES);
        try (GeoTiffReader reader = GeoTiffReader.open(file)) {
            assertThat(reader.info().spec()).isEqualTo(spec);
        }
    }

    /** The AVERAGE overview value, as a reader of GDAL would expect: mean of the valid pixels of the 2x2 cell. */
    private static float expectedAverage(RasterSpec spec, int band, int col, int row) {
        double sum = 0;
        int n = 0;
        for (int dy = 0; dy < 2; dy++) {
            for (int dx = 0; dx < 2; dx++) {
                int x = 2 * col + dx;
                int y = 2 * row + dy;
                if (x < spec.width() && y < spec.height()) {
                    float v = TestRasters.value(spec, band, x, y);
                    if (v != spec.nodata()) {
                        sum += v;
                        n++;
                    }
                }
            }
        }
        return n == 0 ? spec.nodata().floatValue() : (float) (sum / n);
    }

    static void assertSameValues(RasterBlock actual, RasterBlock expected) {
        assertThat(List.of(actual.x(), actual.y(), actual.width(), actual.height(), actual.bandCount()))
                .containsExactly(expected.x(), expected.y(), expected.width(), expected.height(), expected.bandCount());
        for (int b = 0; b < expected.bandCount(); b++) {
            if (!java.util.Arrays.equals(actual.band(b), expected.band(b))) { // AssertJ only for the message: it is slow on big arrays
                assertThat(actual.band(b)).as("band %d", b).containsExactly(expected.band(b));
            }
        }
    }
}
