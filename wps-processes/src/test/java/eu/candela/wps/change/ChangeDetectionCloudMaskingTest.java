package eu.candela.wps.change;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.candela.eodata.raster.BlockGrid;
import eu.candela.eodata.raster.GeoTiffReader;
import eu.candela.eodata.raster.RasterBlock;
import eu.candela.wps.samples.CloudyPair;
import eu.candela.wps.samples.CloudyPairGenerator;
import eu.candela.wps.samples.SamplePairGenerator;
import eu.candela.wps.testing.RecordingContext;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * IR-MAD on the generated Level-2A-like pair with clouds and shadows: the QUALITY band keeps them
 * out of the fit and marks them no data, a change under a cloud is neither found nor counted, and
 * the same scenes without a QUALITY band show what happens when nothing masks the clouds.
 */
class ChangeDetectionCloudMaskingTest {

    static final int SIZE = 512;
    static final long SEED = 20170419L;

    @TempDir
    static Path dir;
    static CloudyPair withQuality;
    static ChangeDetection.Out masked;
    static Tally tally;

    @BeforeAll
    static void detect() throws Exception {
        withQuality = CloudyPairGenerator.generate(dir.resolve("quality"), SIZE, SEED, true);
        masked = new ChangeDetection().run(Defaults.in(withQuality.before(), withQuality.after()),
                new RecordingContext(dir.resolve("job-quality")));
        tally = Tally.of(masked, withQuality);
        System.out.println(tally.clear.summary("Cloudy 512x512, QUALITY band, clear pixels"));
    }

    @Test
    void findsTheKnownChangesInTheClearPixels() {
        assertThat(tally.clear.f1()).isGreaterThanOrEqualTo(ChangeDetectionSyntheticTest.F1_FLOOR);
    }

    @Test
    void marksEveryCloudAndShadowPixelOfEitherDateNoData() {
        assertThat(tally.cloudOrShadow).isGreaterThan(5_000);
        assertThat(tally.cloudOrShadowNotNodata).isZero();
    }

    @Test
    void masksTheChangeUnderTheCloudRatherThanFindingOrCountingIt() {
        assertThat(tally.changesUnderCloud).as("known changed pixels under clouds").isGreaterThan(1_000);
        assertThat(tally.changesUnderCloudNotNodata).isZero();
        assertThat(tally.clear.total() + tally.nodata).isEqualTo((long) SIZE * SIZE - tally.truthNodata);
    }

    @Test
    void countsTheExcludedPixelsByReasonInTheStatistics() throws IOException {
        JsonNode statistics = new ObjectMapper().readTree(masked.statistics().toFile());

        assertThat(statistics.get("qualityBand").asBoolean()).isTrue();
        JsonNode excluded = statistics.get("excludedPixels");
        assertThat(excluded.get("cloud").asLong() + excluded.get("cloud_shadow").asLong()).isEqualTo(tally.cloudOrShadow);
        assertThat(excluded.get("cloud_shadow").asLong()).isPositive();
        assertThat(excluded.get("nodata").asLong()).as("the swath edge").isEqualTo(tally.truthNodata);
        assertThat(statistics.get("nodataPixels").asLong()).isEqualTo(tally.nodata + tally.truthNodata);
    }

    @Test
    void withoutAQualityBandTheCloudsBecomeFalseAlarms() throws Exception {
        CloudyPair bare = CloudyPairGenerator.generate(dir.resolve("bare"), SIZE, SEED, false);
        ChangeDetection.Out out = new ChangeDetection().run(Defaults.in(bare.before(), bare.after()),
                new RecordingContext(dir.resolve("job-bare")));
        Tally unmasked = Tally.of(out, withQuality);

        assertThat(unmasked.falseAlarmsUnderCloud).as("unchanged cloud pixels flagged changed")
                .isGreaterThan(unmasked.cloudOrShadow / 2);
    }

    @Test
    void explicitMaskInputsMaskLikeTheQualityBand() throws Exception {
        CloudyPair bare = CloudyPairGenerator.generate(dir.resolve("bare-masks"), SIZE, SEED, false);
        ChangeDetection.Out out = new ChangeDetection().run(
                Defaults.withMasks(Defaults.in(bare.before(), bare.after()), bare.beforeMask(), bare.afterMask()),
                new RecordingContext(dir.resolve("job-masks")));
        Tally explicit = Tally.of(out, withQuality);

        assertThat(explicit.cloudOrShadowNotNodata).isZero();
        assertThat(explicit.clear.f1()).isGreaterThanOrEqualTo(ChangeDetectionSyntheticTest.F1_FLOOR);
        assertThat(explicit.nodata).isEqualTo(tally.nodata);
    }

    /** Scores and cloud counts of one result against the truth and the QUALITY bands of the cloudy pair. */
    static final class Tally {
        ChangeScores clear;
        long nodata;
        long truthNodata;
        long cloudOrShadow;
        long cloudOrShadowNotNodata;
        long changesUnderCloud;
        long changesUnderCloudNotNodata;
        long falseAlarmsUnderCloud;

        static Tally of(ChangeDetection.Out out, CloudyPair quality) throws IOException {
            Tally t = new Tally();
            ChangeScores.Tally scores = new ChangeScores.Tally();
            int q = CloudyPairGenerator.BANDS.size();
            try (GeoTiffReader mask = GeoTiffReader.open(out.mask()); GeoTiffReader probability = GeoTiffReader.open(out.probability());
                 GeoTiffReader truth = GeoTiffReader.open(quality.truth());
                 GeoTiffReader before = GeoTiffReader.open(quality.before()); GeoTiffReader after = GeoTiffReader.open(quality.after())) {
                for (BlockGrid.Window w : BlockGrid.of(SIZE, SIZE, 256)) {
                    RasterBlock m = mask.read(w.x(), w.y(), w.width(), w.height());
                    RasterBlock p = probability.read(w.x(), w.y(), w.width(), w.height());
                    RasterBlock r = truth.read(w.x(), w.y(), w.width(), w.height());
                    RasterBlock b = before.read(w.x(), w.y(), w.width(), w.height());
                    RasterBlock a = after.read(w.x(), w.y(), w.width(), w.height());
                    for (int i = 0; i < m.band(0).length; i++) {
                        float flag = m.band(0)[i];
                        float reference = r.band(0)[i];
                        boolean cloud = isCloudOrShadow(b.band(q)[i]) || isCloudOrShadow(a.band(q)[i]);
                        boolean nodata = flag == ChangeMapPass.MASK_NODATA;
                        assertThat(nodata).as("mask 255 exactly where the probability is -1")
                                .isEqualTo(p.band(0)[i] == ChangeMapPass.PROBABILITY_NODATA);
                        if (reference == SamplePairGenerator.TRUTH_NODATA) {
                            t.truthNodata++;
                            continue;
                        }
                        if (cloud) {
                            t.cloudOrShadow++;
                            t.cloudOrShadowNotNodata += nodata ? 0 : 1;
                            if (reference == 1) {
                                t.changesUnderCloud++;
                                t.changesUnderCloudNotNodata += nodata ? 0 : 1;
                            } else if (flag == 1) {
                                t.falseAlarmsUnderCloud++;
                            }
                        }
                        if (nodata) {
                            t.nodata++;
                        } else {
                            scores.add(flag == 1, reference == 1);
                        }
                    }
                }
            }
            t.clear = scores.scores();
            return t;
        }

        private static boolean isCloudOrShadow(float quality) {
            return quality == 2f || quality == 3f;
        }
    }
}
