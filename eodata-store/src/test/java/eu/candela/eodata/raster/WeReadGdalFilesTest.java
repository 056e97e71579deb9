package eu.candela.eodata.raster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link GeoTiffReader} reads files GDAL wrote in every layout it offers, with the values, CRS and
 * geotransform GDAL itself reports.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WeReadGdalFilesTest {
    private static final int WIDTH = 157;
    private static final int HEIGHT = 93;
    private Path dir;
    private Path integers;
    private Path floats;
    private RasterSpec integerSpec;
    private RasterSpec floatSpec;

    @BeforeAll
    void writeSources(@TempDir Path tempDir) throws IOException {
        GdalTools.assumeGdal();
        dir = tempDir;
        integerSpec = TestRasters.spec(WIDTH, HEIGHT, 3, SampleType.UINT16);
        floatSpec = TestRasters.spec(WIDTH, HEIGHT, 2, SampleType.FLOAT32);
        integers = dir.resolve("integers.tif");
        floats = dir.resolve("floats.tif");
        TestRasters.write(integers, integerSpec, CogOptions.defaults().withTileSize(32));
        TestRasters.write(floats, floatSpec, CogOptions.defaults().withTileSize(32));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "integers | -co COMPRESS=LZW -co PREDICTOR=2",
        "floats   | -co TILED=YES -co COMPRESS=DEFLATE -co PREDICTOR=3",
        "integers | -co COMPRESS=NONE",
        "floats   | -co COMPRESS=NONE -co INTERLEAVE=BAND",
        "integers | -co INTERLEAVE=BAND -co COMPRESS=LZW -co PREDICTOR=2 -co TILED=YES -co BLOCKXSIZE=48 -co BLOCKYSIZE=16",
        "integers | -co BIGTIFF=YES -co TILED=YES -co COMPRESS=DEFLATE",
        "integers | -of COG -co BLOCKSIZE=64",
        "integers | -of COG -co BLOCKSIZE=32 -mask 1",
        "floats   | -of COG -co BLOCKSIZE=64 -co COMPRESS=LZW -co PREDICTOR=YES",
        "integers | -co ENDIANNESS=BIG -co COMPRESS=DEFLATE -co PREDICTOR=2",
        "floats   | -co ENDIANNESS=BIG -co COMPRESS=LZW -co TILED=YES",
        "integers | -co COMPRESS=PACKBITS -co BLOCKYSIZE=5",
        "floats   | -co COMPRESS=DEFLATE -co ZLEVEL=9 -co BLOCKYSIZE=200",
    })
    void readsTheValuesCrsAndGeotransformGdalWrote(String source, String options) throws IOException {
        Path gdalFile = dir.resolve("gdal-" + Math.abs(options.hashCode()) + ".tif");
        GdalTools.translate(source.equals("floats") ? floats : integers, gdalFile, options.split(" "));
        RasterSpec spec = source.equals("floats") ? floatSpec : integerSpec;
        try (GeoTiffReader reader = GeoTiffReader.open(gdalFile)) {
            assertThat(reader.info().spec()).isEqualTo(spec);
            CogRoundTripTest.assertSameValues(reader.read(0, 0, WIDTH, HEIGHT), TestRasters.block(spec, 0, 0, WIDTH, HEIGHT));
            CogRoundTripTest.assertSameValues(reader.read(30, 17, 50, 41), TestRasters.block(spec, 30, 17, 50, 41));
        }
    }

    @Test
    void readsTheOverviewsOfAGdalCog() throws IOException {
        Path cog = dir.resolve("gdal-cog.tif");
        GdalTools.translate(integers, cog, "-of", "COG", "-co", "BLOCKSIZE=32", "-co", "RESAMPLING=NEAREST");
        Map<String, String> gdal = GdalTools.describe(cog, 0, 0, 1, 1);
        try (GeoTiffReader reader = GeoTiffReader.open(cog)) {
            assertThat(gdal.get("overviews")).isEqualTo(overviewSizes(reader.info()));
            RasterBlock overview = reader.readOverview(1, 0, 0, 79, 47);
            double sum = 0;
            for (float v : overview.band(0)) {
                sum += v;
            }
            assertThat(sum).isEqualTo(Double.parseDouble(gdal.get("overviewsum.0")));
        }
    }

    @Test
    void readsAGdalFileInEpsg4326() throws IOException {
        Path wgs84 = dir.resolve("wgs84.tif");
        GdalTools.translate(integers, wgs84, "-a_srs", "EPSG:4326", "-a_ullr", "-0.6", "44.87", "-0.5843", "44.8607");
        Map<String, String> gdal = GdalTools.describe(wgs84, 0, 0, 1, 1);
        try (GeoTiffReader reader = GeoTiffReader.open(wgs84)) {
            assertThat(reader.info().grid().epsg()).isEqualTo(4326);
            assertThat(reader.info().grid().geoTransform()).containsExactly(GdalTools.doubles(gdal.get("geotransform")));
            CogRoundTripTest.assertSameValues(reader.read(0, 0, WIDTH, HEIGHT), TestRasters.block(integerSpec, 0, 0, WIDTH, HEIGHT));
        }
    }

    @Test
    void shiftsPixelIsPointRastersByHalfAPixelAsGdalDoes() throws IOException {
        Path point = dir.resolve("point.tif");
        GdalTools.translate(integers, point, "-mo", "AREA_OR_POINT=Point");
        Map<String, String> gdal = GdalTools.describe(point, 0, 0, 1, 1);
        try (GeoTiffReader reader = GeoTiffReader.open(point)) {
            assertThat(reader.info().grid().geoTransform()).containsExactly(GdalTools.doubles(gdal.get("geotransform")));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "-ot Int32 -scale 0 65535 -1000000 1000000 -co COMPRESS=DEFLATE -co PREDICTOR=2",
        "-ot UInt32 -scale 0 65535 0 1000000 -co COMPRESS=LZW",
        "-ot Float64 -scale 0 65535 -1 1 -co COMPRESS=DEFLATE -co PREDICTOR=3",
        "-ot Byte -co PIXELTYPE=SIGNEDBYTE -scale 0 65535 0 100",
    })
    void readsOtherSampleTypesAsFloatAsGdalDoes(String options) throws IOException {
        assertSameWindowAsGdal(integers, options);
    }

    /**
     * GDAL 3.6 / libtiff 4.5 on a little-endian host write big-endian floating-point-predictor files
     * whose values GDAL itself reads back byte-swapped; what matters is that we agree with GDAL.
     */
    @Test
    void readsBigEndianFloatingPointPredictorFilesAsGdalDoes() throws IOException {
        assertSameWindowAsGdal(floats, "-co ENDIANNESS=BIG -co COMPRESS=DEFLATE -co PREDICTOR=3");
    }

    private void assertSameWindowAsGdal(Path source, String options) throws IOException {
        Path file = dir.resolve("window-" + Math.abs(options.hashCode()) + ".tif");
        GdalTools.translate(source, file, options.split(" "));
        Map<String, String> gdal = GdalTools.describe(file, 10, 20, 30, 5);
        try (GeoTiffReader reader = GeoTiffReader.open(file)) {
            RasterBlock window = reader.read(10, 20, 30, 5);
            double[] expected = GdalTools.doubles(gdal.get("window.1"));
            float[] asFloat = new float[expected.length];
            for (int i = 0; i < expected.length; i++) {
                asFloat[i] = (float) expected[i];
            }
            assertThat(window.band(1)).containsExactly(asFloat);
        }
    }

    private static String overviewSizes(RasterInfo info) {
        return String.join(";", info.overviews().stream().map(o -> o.width() + "x" + o.height()).toList());
    }
}
