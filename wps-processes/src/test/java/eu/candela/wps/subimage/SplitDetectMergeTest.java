package eu.candela.wps.subimage;

import static org.assertj.core.api.Assertions.assertThat;

import eu.candela.eodata.raster.BlockGrid;
import eu.candela.eodata.raster.GeoTiffReader;
import eu.candela.eodata.raster.RasterBlock;
import eu.candela.wps.change.ChangeDetection;
import eu.candela.wps.change.ThresholdMethod;
import eu.candela.wps.samples.CloudyPair;
import eu.candela.wps.samples.CloudyPairGenerator;
import eu.candela.wps.samples.SamplePairGenerator;
import eu.candela.wps.spi.GeoJson;
import eu.candela.wps.spi.RasterRef;
import eu.candela.wps.testing.RecordingContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The four steps of the chain called one after another, as a user of the separate processes would:
 * SplitImage, ChangeDetection on each sub-image pair, MergeImages; scored against the known changes.
 */
class SplitDetectMergeTest {

    static final int SIZE = 512;

    @TempDir
    static Path dir;
    static CloudyPair pair;
    static MergeImages.Out merged;
    static long[] confusion = new long[4];
    static long cloudPixelsNotNodata;

    @BeforeAll
    static void run() throws Exception {
        pair = CloudyPairGenerator.generate(dir.resolve("pair"), SIZE, 20170419L, true);
        RecordingContext splitCtx = new RecordingContext(dir.resolve("split"));
        SplitImage.Out split = new SplitImage().run(new SplitImage.In(
                List.of(new RasterRef(pair.after()), new RasterRef(pair.before())), 256, 64), splitCtx);
        SplitManifest manifest = SplitManifest.read(split.manifest());
        List<RasterRef> probabilities = new ArrayList<>();
        List<RasterRef> masks = new ArrayList<>();
        for (SplitManifest.SubImage s : manifest.pairs().get(0).subImages()) {
            ChangeDetection.Out out = new ChangeDetection().run(new ChangeDetection.In(
                    new RasterRef(splitCtx.outputDirectory().resolve(s.before())),
                    new RasterRef(splitCtx.outputDirectory().resolve(s.after())),
                    null, 20, 0.999999, ThresholdMethod.PROBABILITY, 3, null, null, true, false),
                    new RecordingContext(dir.resolve("detect-" + s.id())));
            probabilities.add(new RasterRef(out.probability()));
            masks.add(new RasterRef(out.mask()));
        }
        merged = new MergeImages().run(new MergeImages.In(probabilities, masks, new GeoJson(Files.readString(split.manifest())),
                manifest.pairs().get(0).id(), 0.999999, new RasterRef(pair.after())), new RecordingContext(dir.resolve("merge")));
        score();
    }

    private static void score() throws Exception {
        try (GeoTiffReader mask = GeoTiffReader.open(merged.mask()); GeoTiffReader truth = GeoTiffReader.open(pair.truth());
             GeoTiffReader after = GeoTiffReader.open(pair.after()); GeoTiffReader before = GeoTiffReader.open(pair.before())) {
            int q = CloudyPairGenerator.BANDS.size();
            for (BlockGrid.Window w : BlockGrid.of(SIZE, SIZE, 256)) {
                RasterBlock m = mask.read(w.x(), w.y(), w.width(), w.height());
                RasterBlock t = truth.read(w.x(), w.y(), w.width(), w.height());
                RasterBlock a = after.read(w.x(), w.y(), w.width(), w.height());
                RasterBlock b = before.read(w.x(), w.y(), w.width(), w.height());
                for (int i = 0; i < m.band(0).length; i++) {
                    float predicted = m.band(0)[i];
                    float actual = t.band(0)[i];
                    boolean cloud = a.band(q)[i] == 2 || a.band(q)[i] == 3 || b.band(q)[i] == 2 || b.band(q)[i] == 3;
                    if (cloud && predicted != 255) {
                        cloudPixelsNotNodata++;
                    }
                    if (predicted == 255 || actual == SamplePairGenerator.TRUTH_NODATA) {
                        continue;
                    }
                    confusion[(predicted == 1 ? 0 : 2) + (actual == 1 ? 0 : 1)]++;
                }
            }
        }
    }

    @Test
    void findsTheKnownChangesAcrossTheSubImages() {
        double precision = confusion[0] / (double) (confusion[0] + confusion[1]);
        double recall = confusion[0] / (double) (confusion[0] + confusion[2]);
        double f1 = 2 * precision * recall / (precision + recall);
        System.out.printf("Split 256/64 + ChangeDetection + Merge on cloudy 512x512: precision=%.3f recall=%.3f F1=%.3f%n",
                precision, recall, f1);
        assertThat(f1).isGreaterThanOrEqualTo(0.93);
    }

    @Test
    void keepsCloudsAndShadowsNoDataInTheMergedMask() {
        assertThat(cloudPixelsNotNodata).isZero();
    }

    @Test
    void coversTheWholePairGrid() throws Exception {
        try (GeoTiffReader mask = GeoTiffReader.open(merged.mask()); GeoTiffReader before = GeoTiffReader.open(pair.before())) {
            assertThat(mask.info().grid()).isEqualTo(before.info().grid());
        }
        assertThat(Files.readString(merged.statistics())).contains("\"change\"", "\"no data\"", "areaHectares");
        assertThat(javax.imageio.ImageIO.read(merged.preview().toFile()).getWidth()).isEqualTo(SIZE);
    }
}
