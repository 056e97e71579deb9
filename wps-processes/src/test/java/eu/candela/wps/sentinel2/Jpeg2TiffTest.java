package eu.candela.wps.sentinel2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import eu.candela.eodata.grid.GridGeometry;
import eu.candela.eodata.raster.GeoTiffReader;
import eu.candela.eodata.raster.RasterBlock;
import eu.candela.eodata.raster.RasterInfo;
import eu.candela.eodata.sentinel2.ProcessingLevel;
import eu.candela.wps.samples.Sentinel2ProductGenerator;
import eu.candela.wps.samples.SyntheticSentinel2Scene;
import eu.candela.wps.spi.BoundingBox;
import eu.candela.wps.spi.InvalidInputException;
import eu.candela.wps.spi.ProcessCancelledException;
import eu.candela.wps.spi.ProductRef;
import eu.candela.wps.testing.GdalInfo;
import eu.candela.wps.testing.RecordingContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Jpeg2Tiff on generated products, value by value against the scene that made them. */
class Jpeg2TiffTest {
    /** Two COG tiles across, so blocks, edges and the 20 m / 60 m mapping across blocks are exercised. */
    private static final int SIZE = 600;

    @TempDir
    static Path dir;
    private static SyntheticSentinel2Scene scene;
    private static Path l2a;
    private static Path l2aImage;

    @BeforeAll
    static void generate() throws IOException {
        scene = new SyntheticSentinel2Scene(SIZE, 5);
        l2a = Sentinel2ProductGenerator.generate(dir.resolve("archive"), scene, 1, ProcessingLevel.LEVEL_2A, "04.00");
        l2aImage = run(l2a, null, dir.resolve("job-l2a")).image();
    }

    private static Jpeg2Tiff.Out run(Path product, BoundingBox area, Path job) throws IOException {
        return new Jpeg2Tiff().run(new Jpeg2Tiff.In(new ProductRef(product), area), new RecordingContext(job));
    }

    private static float expectedReflectance(int band, int date, int x, int y, boolean offset) {
        int f = ProductBands.BANDS.get(band).resolution() / 10;
        int dn = Sentinel2ProductGenerator.dn(scene.reflectance(band, date, f * (x / f), f * (y / f)), offset);
        return (float) ((dn + (offset ? -1000.0 : 0.0)) / 10000.0);
    }

    private static boolean anyBandNodata(int date, int x, int y) {
        return scene.isNodata(x, y) || scene.isNodata(2 * (x / 2), 2 * (y / 2));
    }

    @Test
    void writesReflectanceWithTheOffsetAndQualityFromTheSceneClassification() throws IOException {
        try (GeoTiffReader reader = GeoTiffReader.open(l2aImage)) {
            RasterBlock all = reader.read(0, 0, SIZE, SIZE);
            int clear = 0, cloud = 0, shadow = 0, water = 0, nodata = 0;
            for (int y = 0; y < SIZE; y++) {
                for (int x = 0; x < SIZE; x++) {
                    int expectedQuality = anyBandNodata(1, x, y) ? Quality.NODATA
                            : Quality.fromSceneClass(Sentinel2ProductGenerator.sceneClass(scene, 1, x / 2, y / 2));
                    int quality = (int) all.get(10, x, y);
                    assertThat(quality).as("QUALITY at %d, %d", x, y).isEqualTo(expectedQuality);
                    for (int b = 0; b < 10; b++) {
                        float expected = quality == Quality.NODATA ? -9999f : expectedReflectance(b, 1, x, y, true);
                        if (all.get(b, x, y) != expected) {
                            assertThat(all.get(b, x, y)).as("band %d at %d, %d", b, x, y).isEqualTo(expected);
                        }
                    }
                    switch (quality) {
                        case Quality.CLEAR -> clear++;
                        case Quality.CLOUD -> cloud++;
                        case Quality.CLOUD_SHADOW -> shadow++;
                        case Quality.WATER -> water++;
                        case Quality.NODATA -> nodata++;
                        default -> { }
                    }
                }
            }
            assertThat(java.util.List.of(clear, cloud, shadow, water, nodata)).allMatch(n -> n > 500);
        }
    }

    @Test
    void describesTheImageAsSharedContractThreeSays() throws IOException {
        try (GeoTiffReader reader = GeoTiffReader.open(l2aImage)) {
            RasterInfo info = reader.info();
            assertThat(info.grid()).isEqualTo(Sentinel2ProductGenerator.grid(scene, 10));
            assertThat(info.spec().bandDescriptions()).containsExactly("B02", "B03", "B04", "B08", "B05", "B06", "B07",
                    "B8A", "B11", "B12", "QUALITY");
            assertThat(info.spec().nodata()).isEqualTo(-9999.0);
            assertThat(info.spec().metadata())
                    .containsEntry("PRODUCT", l2a.getFileName().toString())
                    .containsEntry("SPACECRAFT", "Sentinel-2B")
                    .containsEntry("PROCESSING_LEVEL", "Level-2A")
                    .containsEntry("PROCESSING_BASELINE", "04.00")
                    .containsEntry("TILE_ID", "T31TCJ")
                    .containsEntry("SENSING_TIME", "2023-07-10T10:50:31.024Z");
        }
        assertThat(l2aImage.getFileName().toString()).isEqualTo(l2a.getFileName().toString().replace(".SAFE", ".tif"));
    }

    @Test
    void gdalReadsACloudOptimizedGeoTiffWithDescriptionsAndMetadata() {
        JsonNode info = GdalInfo.of(l2aImage);

        assertThat(info.at("/metadata/IMAGE_STRUCTURE/LAYOUT").asText()).isEqualTo("COG");
        assertThat(info.at("/bands").size()).isEqualTo(11);
        assertThat(info.at("/bands/0/description").asText()).isEqualTo("B02");
        assertThat(info.at("/bands/7/description").asText()).isEqualTo("B8A");
        assertThat(info.at("/bands/10/description").asText()).isEqualTo("QUALITY");
        assertThat(info.at("/bands/0/type").asText()).isEqualTo("Float32");
        assertThat(info.at("/bands/0/noDataValue").asDouble()).isEqualTo(-9999);
        assertThat(info.at("/metadata/").get("TILE_ID").asText()).isEqualTo("T31TCJ");
        assertThat(info.at("/metadata/").get("PROCESSING_LEVEL").asText()).isEqualTo("Level-2A");
        assertThat(info.at("/coordinateSystem/wkt").asText()).contains("UTM zone 31N");
    }

    @Test
    void appliesNoOffsetBeforeBaseline0400AndRasterisesTheGmlCloudMask() throws IOException {
        Path product = Sentinel2ProductGenerator.generate(dir.resolve("archive-old"), scene, 1, ProcessingLevel.LEVEL_1C, "02.14");
        Path image = run(product, null, dir.resolve("job-l1c-old")).image();

        try (GeoTiffReader reader = GeoTiffReader.open(image)) {
            RasterBlock all = reader.read(0, 0, SIZE, SIZE);
            int agree = 0, cloudy = 0;
            for (int y = 0; y < SIZE; y++) {
                for (int x = 0; x < SIZE; x++) {
                    if (anyBandNodata(1, x, y)) {
                        assertThat(all.get(10, x, y)).isZero();
                        continue;
                    }
                    assertThat(all.get(3, x, y)).isEqualTo(expectedReflectance(3, 1, x, y, false));
                    SyntheticSentinel2Scene.Sky sky = scene.sky(1, x, y);
                    boolean cloud = sky == SyntheticSentinel2Scene.Sky.CLOUD || sky == SyntheticSentinel2Scene.Sky.CLOUD_EDGE;
                    cloudy += cloud ? 1 : 0;
                    agree += (all.get(10, x, y) == Quality.CLOUD) == cloud ? 1 : 0;
                }
            }
            // The GML outline is a 48-gon around each disc: only a few edge pixels may differ.
            assertThat(cloudy).isGreaterThan(1000);
            assertThat(agree).isGreaterThan((int) (0.999 * (SIZE * SIZE - SIZE * SIZE / 128)));
        }
    }

    @Test
    void takesLevel1cCloudsFromTheClassificationMaskFromBaseline0400() throws IOException {
        Path product = Sentinel2ProductGenerator.generate(dir.resolve("archive-l1c"), scene, 0, ProcessingLevel.LEVEL_1C, "05.09");
        Path image = run(product, null, dir.resolve("job-l1c")).image();

        try (GeoTiffReader reader = GeoTiffReader.open(image)) {
            RasterBlock all = reader.read(0, 0, SIZE, SIZE);
            for (int y = 0; y < SIZE; y += 3) {
                for (int x = 0; x < SIZE; x += 3) {
                    int expected = anyBandNodata(0, x, y) ? Quality.NODATA
                            : Sentinel2ProductGenerator.opaqueCloud(scene, 0, x / 6, y / 6) == 1 ? Quality.CLOUD : Quality.CLEAR;
                    assertThat((int) all.get(10, x, y)).as("QUALITY at %d, %d", x, y).isEqualTo(expected);
                    if (expected != Quality.NODATA) {
                        assertThat(all.get(9, x, y)).isEqualTo(expectedReflectance(9, 0, x, y, true));
                    }
                }
            }
            assertThat(reader.info().spec().metadata()).containsEntry("PROCESSING_LEVEL", "Level-1C")
                    .containsEntry("SPACECRAFT", "Sentinel-2A");
        }
    }

    @Test
    void cutsTheBoundingBoxOutOfTheTile() throws IOException {
        GridGeometry tile = Sentinel2ProductGenerator.grid(scene, 10);
        double[] upperLeft = tile.pixelToMap(101, 53);
        double[] lowerRight = tile.pixelToMap(333, 260);
        BoundingBox utm = new BoundingBox(upperLeft[0] + 1, lowerRight[1] + 1, lowerRight[0] - 1, upperLeft[1] - 1, "EPSG:32631");

        Path image = run(l2a, utm, dir.resolve("job-area")).image();

        try (GeoTiffReader cut = GeoTiffReader.open(image); GeoTiffReader whole = GeoTiffReader.open(l2aImage)) {
            assertThat(cut.info().grid()).isEqualTo(tile.window(101, 53, 232, 207));
            RasterBlock part = cut.read(0, 0, 232, 207);
            RasterBlock same = whole.read(101, 53, 232, 207);
            for (int b = 0; b < 11; b++) assertThat(part.band(b)).isEqualTo(same.band(b));
        }
    }

    @Test
    void acceptsABoundingBoxInLatitudeLongitude() throws IOException {
        GridGeometry tile = Sentinel2ProductGenerator.grid(scene, 10);
        double[] wgs84 = tile.wgs84Bounds(); // lon, lat; the tile is small, so take its middle
        double lon = (wgs84[0] + wgs84[2]) / 2, lat = (wgs84[1] + wgs84[3]) / 2;
        BoundingBox box = new BoundingBox(lat - 0.005, lon - 0.005, lat + 0.005, lon + 0.005, "EPSG:4326");

        Path image = run(l2a, box, dir.resolve("job-latlon")).image();

        try (GeoTiffReader cut = GeoTiffReader.open(image)) {
            GridGeometry grid = cut.info().grid();
            // About 1.1 km north-south and 0.7 km east-west at 43.9 N, at 10 m.
            assertThat(grid.height()).isBetween(108, 115);
            assertThat(grid.width()).isBetween(78, 85);
            double[] centre = grid.wgs84Bounds();
            assertThat((centre[0] + centre[2]) / 2).isCloseTo(lon, within(1e-4));
            assertThat((centre[1] + centre[3]) / 2).isCloseTo(lat, within(1e-4));
        }
    }

    @Test
    void refusesABoundingBoxOutsideTheTileNamingTheInput() {
        BoundingBox far = new BoundingBox(10, 10, 11, 11, "EPSG:4326");

        assertThatThrownBy(() -> run(l2a, far, dir.resolve("job-far")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("area").hasMessageContaining("does not overlap");
    }

    @Test
    void refusesAFolderThatIsNoSentinel2ProductNamingTheInput() throws IOException {
        Path notS2 = Files.createDirectories(dir.resolve("archive/S1A_IW_GRDH_1SDV_X.SAFE"));

        assertThatThrownBy(() -> run(notS2, null, dir.resolve("job-s1")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("product")
                .hasMessageContaining("not a Sentinel-2 Level-1C or Level-2A product");
    }

    @Test
    void stopsWhenCancelledAndLeavesNoImage() throws IOException {
        Path job = dir.resolve("job-cancel");
        RecordingContext ctx = RecordingContext.cancelledAtProgress(job, 1);

        assertThatThrownBy(() -> new Jpeg2Tiff().run(new Jpeg2Tiff.In(new ProductRef(l2a), null), ctx))
                .isInstanceOf(ProcessCancelledException.class);
        try (Stream<Path> files = Files.list(ctx.outputDirectory())) {
            assertThat(files.filter(p -> p.toString().endsWith(".tif"))).isEmpty();
        }
        assertThat(ctx.progress()).isNotEmpty().allMatch(p -> p < 95);
    }
}
