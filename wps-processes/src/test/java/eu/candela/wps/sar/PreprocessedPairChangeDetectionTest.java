package eu.candela.wps.sar;

import static org.assertj.core.api.Assertions.assertThat;

import eu.candela.eodata.raster.GeoTiffReader;
import eu.candela.wps.samples.Sentinel1Pair;
import eu.candela.wps.samples.Sentinel1ProductGenerator;
import eu.candela.wps.sar.preprocessing.SARChangeDetectionPreprocessing;
import eu.candela.wps.sar.preprocessing.SpeckleFilter;
import eu.candela.wps.spi.ProductRef;
import eu.candela.wps.spi.RasterRef;
import eu.candela.wps.testing.RecordingContext;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The chain a user runs: two generated Sentinel-1 GRD products (SAFE folders) through
 * SARChangeDetectionPreprocessing (calibration, noise removal, refined Lee, geocoding to one UTM
 * grid, dB), then SARChangeDetection on its two COGs, scored per class against the generator's
 * truth rasterised on the preprocessing grid.
 */
class PreprocessedPairChangeDetectionTest {

    @TempDir
    static Path dir;
    static SARChangeDetectionPreprocessing.Out preprocessed;
    static Path truth;

    @BeforeAll
    static void preprocess() throws IOException {
        Sentinel1Pair pair = Sentinel1ProductGenerator.generatePair(dir.resolve("pair"), Sentinel1ProductGenerator.Options.dualPol(600, 400, 3));
        preprocessed = new SARChangeDetectionPreprocessing().run(new SARChangeDetectionPreprocessing.In(
                new ProductRef(pair.before()), new ProductRef(pair.after()), null, null, null, null,
                SpeckleFilter.REFINED_LEE, 7, "UTM", 20.0, null), new RecordingContext(dir.resolve("preprocessing")));
        truth = dir.resolve("truth.tif");
        try (GeoTiffReader grid = GeoTiffReader.open(preprocessed.before())) {
            pair.truth().writeChangeMap(truth, grid.info().grid());
        }
    }

    @ParameterizedTest
    @CsvSource({
            // Floors a few points under what was measured (docs/accuracy.md); the increase class is small (about 430 pixels).
            "VV, NEIGHBOURHOOD_RATIO, KI_GENERALIZED_GAUSSIAN, , 0.78, 0.9",
            "VV, LOG_RATIO, KI_GAUSSIAN, , 0.7, 0.88",
            "VV, LOG_RATIO, OTSU, PCA_KMEANS, 0.5, 0.9",
            "VH, MEAN_RATIO, KI_GAUSSIAN, , 0.6, 0.83"})
    void findsTheGeneratedChangesInThePreprocessedPair(String band, ChangeIndex index, ThresholdMethod method, Classifier classifier,
                                                       double minIncreaseF1, double minDecreaseF1) throws IOException {
        String job = band + "-" + index + "-" + method + "-" + classifier;
        SARChangeDetection.Out out = new SARChangeDetection().run(new SARChangeDetection.In(new RasterRef(preprocessed.before()),
                new RasterRef(preprocessed.after()), band, BackscatterScale.DB, index, 5, method, classifier, 5),
                new RecordingContext(dir.resolve(job)));
        SarChangeScores scores = SarChangeScores.of(out.changeMap(), truth);
        System.out.println(job + ": " + scores);
        assertThat(scores.f1(ChangeMap.INCREASE)).as(job + " " + scores).isGreaterThan(minIncreaseF1);
        assertThat(scores.f1(ChangeMap.DECREASE)).as(job + " " + scores).isGreaterThan(minDecreaseF1);
    }
}
