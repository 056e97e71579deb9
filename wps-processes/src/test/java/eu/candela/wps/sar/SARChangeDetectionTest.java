package eu.candela.wps.sar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.candela.eodata.raster.BlockGrid;
import eu.candela.eodata.raster.GeoTiffReader;
import eu.candela.eodata.raster.RasterBlock;
import eu.candela.wps.samples.SarPair;
import eu.candela.wps.samples.SarPairGenerator;
import eu.candela.wps.spi.InvalidInputException;
import eu.candela.wps.spi.RasterRef;
import eu.candela.wps.testing.RecordingContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SARChangeDetection on a generated 4-look pair with a flood, a harvest and new buildings. */
class SARChangeDetectionTest {

    @TempDir
    static Path dir;
    static SarPair pair;

    @BeforeAll
    static void generate() throws IOException {
        pair = SarPairGenerator.generate(dir.resolve("pair"), 300, 260, 4, 11);
    }

    static SARChangeDetection.In in(ChangeIndex index, ThresholdMethod method, Classifier classifier) {
        return new SARChangeDetection.In(new RasterRef(pair.before()), new RasterRef(pair.after()), "VV",
                BackscatterScale.DB, index, 5, method, classifier, 5);
    }

    static SARChangeDetection.Out run(SARChangeDetection process, SARChangeDetection.In in, String job) throws IOException {
        return process.run(in, new RecordingContext(dir.resolve(job)));
    }

    @ParameterizedTest
    @CsvSource({
            "NEIGHBOURHOOD_RATIO, KI_GENERALIZED_GAUSSIAN, , 0.9",
            "MEAN_RATIO, KI_GAUSSIAN, , 0.9",
            "LOG_RATIO, OTSU, PCA_KMEANS, 0.85",
            "LOG_RATIO, KI_GAUSSIAN, FUZZY_C_MEANS, 0.85"})
    void findsTheKnownIncreaseAndDecreaseAreas(ChangeIndex index, ThresholdMethod method, Classifier classifier, double minF1)
            throws IOException {
        String job = index + "-" + method + "-" + classifier;
        SARChangeDetection.Out out = run(new SARChangeDetection(), in(index, method, classifier), job);
        SarChangeScores scores = SarChangeScores.of(out.changeMap(), pair.truth());
        System.out.println(job + ": " + scores);
        assertThat(scores.f1(ChangeMap.INCREASE)).as(job + " " + scores).isGreaterThan(minF1);
        assertThat(scores.f1(ChangeMap.DECREASE)).as(job + " " + scores).isGreaterThan(minF1);
    }

    @Test
    void writesMapProbabilityIndexStatisticsAndPreview() throws IOException {
        SARChangeDetection.Out out = run(new SARChangeDetection(), in(ChangeIndex.NEIGHBOURHOOD_RATIO,
                ThresholdMethod.KI_GENERALIZED_GAUSSIAN, null), "outputs");
        try (GeoTiffReader map = GeoTiffReader.open(out.changeMap()); GeoTiffReader p = GeoTiffReader.open(out.probability());
             GeoTiffReader truth = GeoTiffReader.open(pair.truth())) {
            assertThat(map.info().spec().nodata()).isEqualTo(255.0);
            assertThat(map.info().grid()).isEqualTo(truth.info().grid());
            RasterBlock m = map.read(0, 0, 300, 260);
            RasterBlock t = truth.read(0, 0, 300, 260);
            RasterBlock q = p.read(0, 0, 300, 260);
            for (int i = 0; i < m.band(0).length; i++) {
                assertThat(m.band(0)[i] == 255).isEqualTo(t.band(0)[i] == 255); // no data exactly where the inputs have none
                assertThat(q.band(0)[i]).isBetween(m.band(0)[i] == 255 ? -1f : 0f, m.band(0)[i] == 255 ? -1f : 1f);
            }
        }
        JsonNode statistics = new ObjectMapper().readTree(out.statistics().toFile());
        assertThat(statistics.path("pixels").path("increase").asLong()).isEqualTo((long) out.increasedPixels());
        assertThat(statistics.path("pixels").path("decrease").asLong()).isEqualTo((long) out.decreasedPixels());
        assertThat(statistics.path("model").path("decreaseBelow").isNumber()).isTrue();
        assertThat(statistics.path("model").path("increaseFrom").asDouble()).isPositive();
        assertThat(statistics.path("bandDescription").asText()).isEqualTo("VV");
        assertThat(ImageIO.read(out.preview().toFile()).getWidth()).isEqualTo(300);
    }

    @ParameterizedTest
    @CsvSource({"NEIGHBOURHOOD_RATIO, ", "LOG_RATIO, PCA_KMEANS", "MEAN_RATIO, FUZZY_C_MEANS"})
    void blocksWithHalosGiveTheSameMapAsOneBlock(ChangeIndex index, Classifier classifier) throws IOException {
        SARChangeDetection.In in = in(index, ThresholdMethod.KI_GAUSSIAN, classifier);
        Path small = run(new SARChangeDetection(64, 64), in, "blocks-" + index + classifier).changeMap();
        Path whole = run(new SARChangeDetection(), in, "one-block-" + index + classifier).changeMap();
        assertThat(pixels(small)).isEqualTo(pixels(whole));
    }

    private static float[] pixels(Path file) throws IOException {
        try (GeoTiffReader r = GeoTiffReader.open(file)) {
            return r.read(0, 0, r.info().width(), r.info().height()).band(0);
        }
    }

    @Test
    void refusesAnAfterImageOnAnotherGrid() throws IOException {
        SarPair other = SarPairGenerator.generate(dir.resolve("other"), 300, 200, 4, 12);
        SARChangeDetection.In in = new SARChangeDetection.In(new RasterRef(pair.before()), new RasterRef(other.after()), "VV",
                BackscatterScale.DB, ChangeIndex.LOG_RATIO, 5, ThresholdMethod.OTSU, null, 5);
        assertThatThrownBy(() -> run(new SARChangeDetection(), in, "mismatch"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.inputId()).isEqualTo("after"))
                .hasMessageContaining("300 x 200").hasMessageContaining("300 x 260");
    }

    @Test
    void refusesAPolarisationTheImagesDoNotHave() {
        SARChangeDetection.In in = new SARChangeDetection.In(new RasterRef(pair.before()), new RasterRef(pair.after()), "HH",
                BackscatterScale.DB, ChangeIndex.LOG_RATIO, 5, ThresholdMethod.OTSU, null, 5);
        assertThatThrownBy(() -> run(new SARChangeDetection(), in, "band"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.inputId()).isEqualTo("band"))
                .hasMessageContaining("VV, VH");
    }

    @Test
    void refusesAnEvenWindow() {
        SARChangeDetection.In in = new SARChangeDetection.In(new RasterRef(pair.before()), new RasterRef(pair.after()), "VH",
                BackscatterScale.DB, ChangeIndex.MEAN_RATIO, 4, ThresholdMethod.OTSU, null, 5);
        assertThatThrownBy(() -> run(new SARChangeDetection(), in, "even"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.inputId()).isEqualTo("window"));
    }

    @Test
    void stopsWhenCancelledAndLeavesNoOutputRaster() throws IOException {
        Path job = dir.resolve("cancelled");
        RecordingContext ctx = RecordingContext.cancelledAtProgress(job, 41);
        assertThatThrownBy(() -> new SARChangeDetection(64, 64).run(in(ChangeIndex.LOG_RATIO, ThresholdMethod.OTSU, null), ctx))
                .isInstanceOf(eu.candela.wps.spi.ProcessCancelledException.class);
        try (var files = Files.list(ctx.outputDirectory())) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tif"))).isEmpty();
        }
        assertThat(ctx.progress()).isNotEmpty();
    }
}
