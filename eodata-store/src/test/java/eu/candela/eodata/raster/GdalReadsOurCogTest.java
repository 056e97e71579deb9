package eu.candela.eodata.raster;

import static org.assertj.core.api.Assertions.assertThat;

import eu.candela.eodata.grid.GridGeometry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** GDAL (the reference reader) reads what {@link CogWriter} writes: georeferencing, metadata, pixels, COG layout. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GdalReadsOurCogTest {
    private static final int WIDTH = 157;
    private static final int HEIGHT = 93;
    private static final int[] WINDOW = {20, 10, 100, 70};
    private static final CogOptions OPTIONS = CogOptions.defaults().withTileSize(32);

    private Path dir;
    private final Map<SampleType, RasterSpec> specs = new EnumMap<>(SampleType.class);
    private final Map<SampleType, Map<String, String>> seenByGdal = new EnumMap<>(SampleType.class);

    @BeforeAll
    void writeOneCogPerSampleTypeAndDescribeItWithGdal(@TempDir Path tempDir) throws IOException {
        GdalTools.assumeGdal();
        dir = tempDir;
        for (SampleType type : SampleType.values()) {
            RasterSpec spec = TestRasters.spec(WIDTH, HEIGHT, 3, type);
            Path file = dir.resolve(type + ".tif");
            TestRasters.write(file, spec, OPTIONS);
            specs.put(type, spec);
            seenByGdal.put(type, GdalTools.describe(file, WINDOW[0], WINDOW[1], WINDOW[2], WINDOW[3]));
        }
    }

    @ParameterizedTest
    @EnumSource(SampleType.class)
    void gdalSeesTheSameCrsAndGeotransform(SampleType type) {
        Map<String, String> gdal = seenByGdal.get(type);
        assertThat(gdal.get("epsg")).isEqualTo("32630");
        assertThat(GdalTools.doubles(gdal.get("geotransform"))).containsExactly(specs.get(type).grid().geoTransform());
        assertThat(gdal.get("size")).isEqualTo(WIDTH + "," + HEIGHT);
    }

    @ParameterizedTest
    @EnumSource(SampleType.class)
    void gdalSeesTheSameNodataDataTypeDescriptionsAndMetadata(SampleType type) {
        Map<String, String> gdal = seenByGdal.get(type);
        RasterSpec spec = specs.get(type);
        assertThat(Double.parseDouble(gdal.get("nodata"))).isEqualTo(spec.nodata());
        assertThat(gdal.get("datatype")).isEqualTo(Map.of(SampleType.UINT8, "Byte", SampleType.UINT16, "UInt16",
                SampleType.INT16, "Int16", SampleType.FLOAT32, "Float32").get(type));
        assertThat(List.of(gdal.get("description.0"), gdal.get("description.1"), gdal.get("description.2")))
                .isEqualTo(spec.bandDescriptions());
        spec.metadata().forEach((key, value) -> assertThat(gdal.get("metadata." + key)).isEqualTo(value));
    }

    @ParameterizedTest
    @EnumSource(SampleType.class)
    void gdalReadsTheSamePixelValues(SampleType type) {
        Map<String, String> gdal = seenByGdal.get(type);
        RasterSpec spec = specs.get(type);
        RasterBlock expected = TestRasters.block(spec, WINDOW[0], WINDOW[1], WINDOW[2], WINDOW[3]);
        RasterBlock whole = TestRasters.block(spec, 0, 0, WIDTH, HEIGHT);
        for (int b = 0; b < 3; b++) {
            double[] window = GdalTools.doubles(gdal.get("window." + b));
            float[] asFloat = new float[window.length];
            for (int i = 0; i < window.length; i++) {
                asFloat[i] = (float) window[i];
            }
            assertThat(asFloat).as("band %d", b).containsExactly(expected.band(b));
            double sum = 0;
            for (float v : whole.band(b)) {
                sum += v;
            }
            assertThat(Double.parseDouble(gdal.get("sum." + b))).as("sum of band %d", b).isEqualTo(sum);
        }
    }

    @ParameterizedTest
    @EnumSource(SampleType.class)
    void gdalReportsLayoutCogAndOurOverviews(SampleType type) {
        Map<String, String> gdal = seenByGdal.get(type);
        assertThat(gdal.get("layout")).isEqualTo("COG");
        assertThat(gdal.get("compression")).isEqualTo("DEFLATE");
        assertThat(gdal.get("overviews")).isEqualTo("79x47;40x24;20x12");
    }

    @Test
    void gdalinfoReportsLayoutCog() {
        assertThat(GdalTools.run("gdalinfo", dir.resolve(SampleType.UINT16 + ".tif").toString())).contains("LAYOUT=COG");
    }

    @ParameterizedTest
    @EnumSource(SampleType.class)
    void gdalReadsOverviewsAsWeDo(SampleType type) throws IOException {
        try (GeoTiffReader reader = GeoTiffReader.open(dir.resolve(type + ".tif"))) {
            RasterBlock overview = reader.readOverview(1, 0, 0, 79, 47);
            double sum = 0;
            for (float v : overview.band(2)) {
                sum += v;
            }
            assertThat(Double.parseDouble(seenByGdal.get(type).get("overviewsum.2"))).isEqualTo(sum);
        }
    }

    @ParameterizedTest
    @EnumSource(SampleType.class)
    void validatorAcceptsOurCog(SampleType type) {
        assertValidCog(dir.resolve(type + ".tif"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"uncompressed", "bigtiff", "single band in EPSG:4326", "512 tiles"})
    void validatorAcceptsOurOtherLayouts(String variant) throws IOException {
        RasterSpec spec = TestRasters.spec(WIDTH, HEIGHT, 2, SampleType.UINT16);
        CogOptions options = OPTIONS;
        boolean bigTiff = false;
        switch (variant) {
            case "uncompressed" -> options = OPTIONS.withCompression(Compression.NONE);
            case "bigtiff" -> bigTiff = true;
            case "single band in EPSG:4326" -> spec = spec.withBandCount(1)
                    .withGrid(GridGeometry.northUp(WIDTH, HEIGHT, -0.6, 44.87, 0.0001, 4326));
            default -> {
                spec = TestRasters.spec(1100, 600, 1, SampleType.FLOAT32);
                options = CogOptions.defaults();
            }
        }
        Path file = dir.resolve(variant.replace(' ', '_') + ".tif");
        TestRasters.write(file, spec, options, bigTiff);
        assertValidCog(file);
    }

    @Test
    void gdalSeesEpsg4326WithLongitudeAsX() throws IOException {
        GridGeometry grid = GridGeometry.northUp(WIDTH, HEIGHT, -0.6, 44.87, 0.0001, 4326);
        RasterSpec spec = TestRasters.spec(WIDTH, HEIGHT, 1, SampleType.UINT16).withGrid(grid);
        Path file = dir.resolve("wgs84.tif");
        TestRasters.write(file, spec, OPTIONS);
        Map<String, String> gdal = GdalTools.describe(file, 0, 0, 1, 1);
        assertThat(gdal.get("epsg")).isEqualTo("4326");
        assertThat(GdalTools.doubles(gdal.get("geotransform"))).containsExactly(grid.geoTransform());
    }

    @Test
    void gdalSeesARotatedGeotransform() throws IOException {
        GridGeometry rotated = new GridGeometry(40, 30, new double[] {500000, 8.66, 5, 4600000, 5, -8.66}, 32630);
        Path file = dir.resolve("rotated.tif");
        TestRasters.write(file, RasterSpec.of(rotated, 1, SampleType.UINT8), OPTIONS);
        Map<String, String> gdal = GdalTools.describe(file, 0, 0, 1, 1);
        assertThat(GdalTools.doubles(gdal.get("geotransform"))).containsExactly(rotated.geoTransform());
        assertThat(gdal.get("epsg")).isEqualTo("32630");
    }

    @Test
    void leavesNoTemporaryFilesBehind() throws IOException {
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith("."));
        }
    }

    private static void assertValidCog(Path file) {
        GdalTools.Result result = GdalTools.exec(null, GdalTools.PYTHON, "-m",
                "osgeo_utils.samples.validate_cloud_optimized_geotiff", file.toString());
        assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
        assertThat(result.stdout()).contains("is a valid cloud optimized GeoTIFF").doesNotContain("error", "warning");
        assertThat(result.stderr()).isEmpty();
    }
}
