package eu.candela.wps.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import eu.candela.eodata.raster.GeoTiffReader;
import eu.candela.eodata.raster.RasterBlock;
import eu.candela.wps.testing.RecordingContext;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * IR-MAD with default inputs on real Sentinel-2 pairs of the OSCD dataset (B02, B03, B04, B08),
 * scored on the change class against the dataset's reference. Skipped when the shared data is absent.
 *
 * <p>The floors are modest on purpose: OSCD labels only urban changes, while IR-MAD reports every
 * radiometric change (crops, water, clouds), so precision is bounded by the scene, not by the
 * method. Measured with the defaults: F1 0.239 on bordeaux, 0.555 on rennes; a plain change
 * vector analysis with an Otsu threshold reaches 0.07 and 0.49.
 */
class OscdChangeDetectionTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"bordeaux, 0.15", "rennes, 0.45"})
    void scoresAboveAModestFloor(String city, double f1Floor) throws Exception {
        Optional<OscdCity> data = OscdCity.find(city);
        assumeTrue(data.isPresent(), "OSCD " + city + " data not found next to the project; skipping");
        OscdCity oscd = data.get();
        Path before = oscd.stack(1, dir.resolve(city + "_1.tif"));
        Path after = oscd.stack(2, dir.resolve(city + "_2.tif"));

        ChangeDetection.In defaults = Defaults.in(before, after);

        ChangeScores scores = detect(defaults, oscd, "defaults");
        // The common textbook significance, a wider median filter, and the ten bands of a Jpeg2Tiff
        // scene (20 m bands resampled to 10 m), for comparison in docs/accuracy.md.
        detect(Defaults.withThreshold(defaults, 0.99), oscd, "threshold 0.99");
        detect(Defaults.withMedianFilter(defaults, 5), oscd, "median filter 5");
        Path before10 = oscd.stack(1, OscdCity.JPEG2TIFF_BANDS, dir.resolve(city + "_1_10bands.tif"));
        Path after10 = oscd.stack(2, OscdCity.JPEG2TIFF_BANDS, dir.resolve(city + "_2_10bands.tif"));
        detect(Defaults.in(before10, after10), oscd, "10 bands");
        detect(Defaults.withMedianFilter(Defaults.in(before10, after10), 5), oscd, "10 bands, median filter 5");

        assertThat(scores.f1()).isGreaterThanOrEqualTo(f1Floor);
    }

    private ChangeScores detect(ChangeDetection.In in, OscdCity oscd, String label) throws Exception {
        ChangeDetection.Out out = new ChangeDetection().run(in, new RecordingContext(dir.resolve("job-" + label.replace(' ', '_').replace(",", ""))));
        ChangeScores scores = score(out.mask(), oscd.reference());
        System.out.println(scores.summary("OSCD " + oscd.name() + " (" + label + ")"));
        return scores;
    }

    private static ChangeScores score(Path mask, boolean[][] reference) throws Exception {
        ChangeScores.Tally tally = new ChangeScores.Tally();
        try (GeoTiffReader reader = GeoTiffReader.open(mask)) {
            int width = reader.info().width();
            int height = reader.info().height();
            assertThat(reference.length).as("reference rows").isEqualTo(height);
            assertThat(reference[0].length).as("reference columns").isEqualTo(width);
            RasterBlock block = reader.read(0, 0, width, height);
            for (int row = 0; row < height; row++) {
                for (int col = 0; col < width; col++) {
                    float m = block.get(0, col, row);
                    if (m != ChangeMapPass.MASK_NODATA) {
                        tally.add(m == 1, reference[row][col]);
                    }
                }
            }
        }
        return tally.scores();
    }
}
