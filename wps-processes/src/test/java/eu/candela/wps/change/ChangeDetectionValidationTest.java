package eu.candela.wps.change;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.candela.eodata.grid.GridGeometry;
import eu.candela.wps.samples.CloudyPair;
import eu.candela.wps.samples.CloudyPairGenerator;
import eu.candela.wps.spi.InvalidInputException;
import eu.candela.wps.spi.RasterRef;
import eu.candela.wps.testing.RecordingContext;
import eu.candela.wps.testing.TestRasters;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs that cannot be compared are refused with the input named, before any output is written. */
class ChangeDetectionValidationTest {

    @TempDir
    Path dir;
    private Path before;

    @BeforeEach
    void writeBefore() throws Exception {
        before = TestRasters.random(dir.resolve("before.tif"), TestRasters.grid(64, 64), 4, 1);
    }

    private void detect(Path after, String bands, int medianFilter) throws Exception {
        new ChangeDetection().run(new ChangeDetection.In(new RasterRef(before), new RasterRef(after), bands, 5, 0.9999,
                ThresholdMethod.PROBABILITY, medianFilter, null, null, true, false), new RecordingContext(dir.resolve("job")));
    }

    private static void assertInvalid(ThrowingRunnable detection, String inputId, String reason) {
        assertThatThrownBy(detection::run)
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.inputId()).isEqualTo(inputId))
                .hasMessageContaining(reason);
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void rejectsAfterWithAnotherBandCount() throws Exception {
        Path after = TestRasters.random(dir.resolve("after.tif"), TestRasters.grid(64, 64), 3, 2);

        assertInvalid(() -> detect(after, null, 3), "after", "has 3 bands but 'before' has 4");
    }

    @Test
    void rejectsAfterOfAnotherSize() throws Exception {
        Path after = TestRasters.random(dir.resolve("after.tif"), TestRasters.grid(64, 48), 4, 2);

        assertInvalid(() -> detect(after, null, 3), "after", "64 x 48 pixels");
    }

    @Test
    void rejectsAfterShiftedByAPixel() throws Exception {
        GridGeometry shifted = GridGeometry.northUp(64, 64, 690_010, 4_975_000, 10, 32630);
        Path after = TestRasters.random(dir.resolve("after.tif"), shifted, 4, 2);

        assertInvalid(() -> detect(after, null, 3), "after", "not on the grid of 'before'");
    }

    @Test
    void rejectsAfterInAnotherCrs() throws Exception {
        GridGeometry otherZone = GridGeometry.northUp(64, 64, 690_000, 4_975_000, 10, 32631);
        Path after = TestRasters.random(dir.resolve("after.tif"), otherZone, 4, 2);

        assertInvalid(() -> detect(after, null, 3), "after", "EPSG:32631");
    }

    @Test
    void rejectsBandThatDoesNotExist() throws Exception {
        Path after = TestRasters.random(dir.resolve("after.tif"), TestRasters.grid(64, 64), 4, 2);

        assertInvalid(() -> detect(after, "1,2,5", 3), "bands", "band 5 does not exist");
    }

    @Test
    void rejectsBandListThatIsNotNumbers() throws Exception {
        Path after = TestRasters.random(dir.resolve("after.tif"), TestRasters.grid(64, 64), 4, 2);

        assertInvalid(() -> detect(after, "red,nir", 3), "bands", "'red' is not a band number");
    }

    @Test
    void rejectsEvenMedianFilter() throws Exception {
        Path after = TestRasters.random(dir.resolve("after.tif"), TestRasters.grid(64, 64), 4, 2);

        assertInvalid(() -> detect(after, null, 4), "medianFilter", "must be odd");
    }

    @Test
    void rejectsTheQualityBandAsABandToCompare() throws Exception {
        CloudyPair pair = CloudyPairGenerator.generate(dir.resolve("cloudy"), 128, 3, true);

        assertInvalid(() -> new ChangeDetection().run(Defaults.withBands(Defaults.in(pair.before(), pair.after()), "1,5"),
                new RecordingContext(dir.resolve("job"))), "bands", "band 5 is the QUALITY band");
    }

    @Test
    void rejectsAMaskOnAnotherGrid() throws Exception {
        Path after = TestRasters.random(dir.resolve("after.tif"), TestRasters.grid(64, 64), 4, 2);
        Path mask = TestRasters.random(dir.resolve("mask.tif"), TestRasters.grid(32, 64), 1, 3);

        assertInvalid(() -> new ChangeDetection().run(Defaults.withMasks(Defaults.in(before, after), null, mask),
                new RecordingContext(dir.resolve("job"))), "afterMask", "32 x 64 pixels");
    }
}
