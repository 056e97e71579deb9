package eu.candela.wps.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.candela.eodata.raster.GeoTiffReader;
import eu.candela.eodata.raster.RasterBlock;
import eu.candela.eodata.raster.RasterInfo;
import eu.candela.eodata.raster.SampleType;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SamplePairGeneratorTest {

    private static final int SIZE = 256;

    @TempDir
    static Path dir;
    static SamplePair pair;

    @BeforeAll
    static void generate() throws IOException {
        pair = SamplePairGenerator.generate(dir.resolve("a"), SIZE, 42);
    }

    private static RasterBlock all(Path file) throws IOException {
        try (GeoTiffReader reader = GeoTiffReader.open(file)) {
            return reader.read(0, 0, reader.info().width(), reader.info().height());
        }
    }

    private static RasterInfo info(Path file) throws IOException {
        try (GeoTiffReader reader = GeoTiffReader.open(file)) {
            return reader.info();
        }
    }

    @Test
    void namesTheFilesByDate() {
        assertThat(pair.before().getFileName()).hasToString("bordeaux_2017-04-19.tif");
        assertThat(pair.after().getFileName()).hasToString("bordeaux_2017-04-29.tif");
        assertThat(pair.truth().getFileName()).hasToString("bordeaux_change_truth.tif");
    }

    @Test
    void writesFourBandUint16ScenesNearBordeauxInUtm30N() throws IOException {
        RasterInfo info = info(pair.before());

        assertThat(info.bandCount()).isEqualTo(4);
        assertThat(info.spec().sampleType()).isEqualTo(SampleType.UINT16);
        assertThat(info.spec().nodata()).isEqualTo(0.0);
        assertThat(info.grid().epsg()).isEqualTo(32630);
        assertThat(info.grid().geoTransform()).containsExactly(690_000, 10, 0, 4_975_000, 0, -10);
        assertThat(info.spec().bandDescriptions()).containsExactly("B02 blue", "B03 green", "B04 red", "B08 NIR");
    }

    @Test
    void recordsTheAcquisitionDates() throws IOException {
        assertThat(info(pair.before()).spec().metadata()).containsEntry("ACQUISITION_DATE", "2017-04-19");
        assertThat(info(pair.after()).spec().metadata()).containsEntry("ACQUISITION_DATE", "2017-04-29")
                .containsKey("SENSOR");
    }

    @Test
    void givesTheSameFilesForTheSameSeed() throws IOException {
        SamplePair again = SamplePairGenerator.generate(dir.resolve("b"), SIZE, 42);

        assertThat(all(again.after()).band(3)).isEqualTo(all(pair.after()).band(3));
        assertThat(all(again.truth()).band(0)).isEqualTo(all(pair.truth()).band(0));
    }

    @Test
    void givesOtherNoiseForAnotherSeed() throws IOException {
        SamplePair other = SamplePairGenerator.generate(dir.resolve("c"), SIZE, 43);

        assertThat(all(other.before()).band(0)).isNotEqualTo(all(pair.before()).band(0));
    }

    @Test
    void marksAFewPercentOfThePixelsChanged() throws IOException {
        float[] truth = all(pair.truth()).band(0);
        long changed = 0;
        long valid = 0;
        for (float t : truth) {
            if (t != SamplePairGenerator.TRUTH_NODATA) {
                valid++;
                changed += t == 1 ? 1 : 0;
            }
        }

        assertThat((double) changed / valid).isBetween(0.01, 0.2);
    }

    @Test
    void cutsTheSameNoDataCornerInAllThreeFiles() throws IOException {
        int corner = (SIZE - 1) * SIZE;
        assertThat(all(pair.before()).band(0)[corner]).isZero();
        assertThat(all(pair.after()).band(3)[corner]).isZero();
        assertThat(all(pair.truth()).band(0)[corner]).isEqualTo(SamplePairGenerator.TRUTH_NODATA);
        assertThat(all(pair.before()).band(0)[0]).isPositive();
    }

    @Test
    void keepsReflectancesPlausible() throws IOException {
        float[] nir = all(pair.before()).band(3);
        double sum = 0;
        int valid = 0;
        for (float v : nir) {
            if (v > 0) {
                sum += v;
                valid++;
            }
        }

        assertThat(sum / valid).as("mean NIR reflectance x 10000").isBetween(1500.0, 4000.0);
    }

    @Test
    void refusesSizesTooSmallToHoldTheLandscape() {
        assertThatThrownBy(() -> SamplePairGenerator.generate(dir.resolve("d"), 16, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("size");
    }
}
