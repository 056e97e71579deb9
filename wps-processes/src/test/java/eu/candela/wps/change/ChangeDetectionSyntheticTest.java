package eu.candela.wps.change;

import static org.assertj.core.api.Assertions.assertThat;

import eu.candela.eodata.raster.BlockGrid;
import eu.candela.eodata.raster.GeoTiffReader;
import eu.candela.eodata.raster.RasterBlock;
import eu.candela.wps.samples.SamplePair;
import eu.candela.wps.samples.SamplePairGenerator;
import eu.candela.wps.testing.RecordingContext;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IR-MAD with default inputs on the seeded synthetic Bordeaux pair, scored against its reference change map. */
class ChangeDetectionSyntheticTest {

    /** Measured F1 0.982 (precision 0.981, recall 0.984) on seed 20170419 at 512 x 512; the floor leaves room for tuning. */
    static final double F1_FLOOR = 0.95;

    @TempDir
    static Path dir;
    static SamplePair pair;
    static ChangeDetection.Out out;
    static ChangeScores scores;
    static RecordingContext ctx;

    @BeforeAll
    static void detect() throws Exception {
        pair = SamplePairGenerator.generate(dir.resolve("samples"), 512, 20170419L);
        ctx = new RecordingContext(dir.resolve("job"));
        out = new ChangeDetection().run(Defaults.in(pair.before(), pair.after()), ctx);
        scores = score(out.mask(), pair.truth());
        System.out.println(scores.summary("Synthetic 512x512"));
    }

    @Test
    void findsTheKnownChangesAboveTheF1Floor() {
        assertThat(scores.f1()).isGreaterThanOrEqualTo(F1_FLOOR);
    }

    @Test
    void previewShowsTheChangesInRedAtTheMaskFraction() throws IOException {
        java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(out.preview().toFile());
        assertThat(png.getWidth()).isEqualTo(512);
        long red = 0, opaque = 0;
        for (int y = 0; y < png.getHeight(); y++) {
            for (int x = 0; x < png.getWidth(); x++) {
                int argb = png.getRGB(x, y);
                if ((argb >>> 24) == 0) continue;
                opaque++;
                if ((argb & 0xFFFFFF) == 0xE8202A) red++;
            }
        }
        assertThat(red / (double) opaque).isCloseTo(out.changedFraction(), org.assertj.core.data.Offset.offset(0.002));
    }

    @Test
    void marksSomeButNotMostPixelsChanged() {
        assertThat(out.changedFraction()).isBetween(0.005, 0.5);
        assertThat(out.changedPixels()).isPositive();
    }

    @Test
    void reportsMonotonicProgressEndingAtOneHundredOrBelow() {
        assertThat(ctx.progress()).isSortedAccordingTo(Integer::compare);
        assertThat(ctx.progress()).last().satisfies(p -> assertThat(p).isBetween(95, 100));
    }

    static ChangeScores score(Path mask, Path truth) throws IOException {
        ChangeScores.Tally tally = new ChangeScores.Tally();
        try (GeoTiffReader m = GeoTiffReader.open(mask); GeoTiffReader t = GeoTiffReader.open(truth)) {
            for (BlockGrid.Window w : BlockGrid.of(m.info().width(), m.info().height(), 512)) {
                RasterBlock predicted = m.read(w.x(), w.y(), w.width(), w.height());
                RasterBlock actual = t.read(w.x(), w.y(), w.width(), w.height());
                for (int i = 0; i < predicted.band(0).length; i++) {
                    float p = predicted.band(0)[i];
                    float a = actual.band(0)[i];
                    if (p != ChangeMapPass.MASK_NODATA && a != SamplePairGenerator.TRUTH_NODATA) {
                        tally.add(p == 1, a == 1);
                    }
                }
            }
        }
        return tally.scores();
    }
}
