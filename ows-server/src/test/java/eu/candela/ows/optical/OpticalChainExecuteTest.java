package eu.candela.ows.optical;

import static org.assertj.core.api.Assertions.assertThat;

import eu.candela.eodata.raster.BlockGrid;
import eu.candela.eodata.raster.GeoTiffReader;
import eu.candela.eodata.raster.RasterBlock;
import eu.candela.ows.catalog.Catalog;
import eu.candela.ows.catalog.LayerInfo;
import eu.candela.ows.testing.ServerTestBase;
import eu.candela.ows.testing.Xml;
import eu.candela.wps.samples.CloudyPair;
import eu.candela.wps.samples.CloudyPairGenerator;
import eu.candela.wps.samples.SamplePairGenerator;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * OpticalChangeDetectionChain through WPS 1.0.0, end to end: an asynchronous Execute on the generated
 * cloudy Level-2A-like pair (converted scenes, by reference to the EO archive), the workflow's
 * SplitImage, ChangeDetection (one job per sub-image pair, two at a time) and MergeImages steps
 * through the server's launcher, the merged mask fetched by reference and scored against the known
 * changes, clouds and shadows shown masked, and the two maps published as styled layers.
 */
class OpticalChainExecuteTest extends ServerTestBase {

    static final int SIZE = 512;

    @Autowired
    Catalog catalog;

    @TempDir
    Path downloads;

    @Test
    void findsTheKnownChangesMasksTheCloudsAndPublishesTheMaps() throws Exception {
        CloudyPair pair = CloudyPairGenerator.generate(dataDir().resolve("eodata/optical"), SIZE, 20170419L, true);
        String body = new String(requestBody("optical/execute-chain-scenes.xml"), StandardCharsets.UTF_8)
                .replace("${BEFORE}", pair.before().getFileName().toString())
                .replace("${AFTER}", pair.after().getFileName().toString());

        Xml done = executeAndAwaitFinalStatus(body.getBytes(StandardCharsets.UTF_8), Duration.ofMinutes(5));
        assertThat(done.text("local-name(//wps:Status/*)")).as(done.toString()).isEqualTo("ProcessSucceeded");
        assertThat(done.text("//wps:Output[ows:Identifier='subImagePairs']//wps:LiteralData")).isEqualTo("9");

        Path mask = download(done, "mask");
        Scores scores = Scores.of(mask, pair);
        System.out.printf("Chain through WPS on cloudy 512x512: precision=%.3f recall=%.3f F1=%.3f, cloud pixels unmasked %d%n",
                scores.precision(), scores.recall(), scores.f1(), scores.cloudNotMasked);
        assertThat(scores.f1()).isGreaterThanOrEqualTo(0.93);
        assertThat(scores.cloudPixels).isGreaterThan(5_000);
        assertThat(scores.cloudNotMasked).as("cloud / shadow pixels neither 255 nor counted").isZero();
        assertThat(scores.changesUnderCloud).as("known changes under the cloud").isGreaterThan(1_000);

        String statistics = text(get(done.text("//wps:Output[ows:Identifier='statistics']/wps:Reference/@href")));
        assertThat(statistics).contains("\"no data\"", "areaHectares");
        HttpResponse<byte[]> png = get(done.text("//wps:Output[ows:Identifier='preview']/wps:Reference/@href"));
        assertThat(png.headers().firstValue("Content-Type").orElse("")).startsWith("image/png");

        List<LayerInfo> layers = catalog.layers().stream().filter(l -> l.workspace().equals("results")).toList();
        assertThat(layers).anySatisfy(l -> {
            assertThat(l.name()).endsWith("_probability");
            assertThat(l.defaultStyle()).isEqualTo("change_probability");
        });
        assertThat(layers).anySatisfy(l -> {
            assertThat(l.name()).endsWith("_mask");
            assertThat(l.defaultStyle()).isEqualTo("change_mask");
        });
    }

    private Path download(Xml done, String output) throws Exception {
        HttpResponse<byte[]> file = get(done.text("//wps:Output[ows:Identifier='" + output + "']/wps:Reference/@href"));
        assertThat(file.statusCode()).isEqualTo(200);
        return Files.write(downloads.resolve(output + ".tif"), file.body());
    }

    /** Change-class scores of a mask on the clear pixels, and what it did under the clouds. */
    static final class Scores {
        long tp;
        long fp;
        long fn;
        long cloudPixels;
        long cloudNotMasked;
        long changesUnderCloud;

        double precision() { return tp / (double) (tp + fp); }

        double recall() { return tp / (double) (tp + fn); }

        double f1() { return 2 * precision() * recall() / (precision() + recall()); }

        static Scores of(Path mask, CloudyPair pair) throws Exception {
            Scores s = new Scores();
            int q = CloudyPairGenerator.BANDS.size();
            try (GeoTiffReader m = GeoTiffReader.open(mask); GeoTiffReader t = GeoTiffReader.open(pair.truth());
                 GeoTiffReader a = GeoTiffReader.open(pair.after()); GeoTiffReader b = GeoTiffReader.open(pair.before())) {
                for (BlockGrid.Window w : BlockGrid.of(SIZE, SIZE, 256)) {
                    RasterBlock mb = m.read(w.x(), w.y(), w.width(), w.height());
                    RasterBlock tb = t.read(w.x(), w.y(), w.width(), w.height());
                    RasterBlock ab = a.read(w.x(), w.y(), w.width(), w.height());
                    RasterBlock bb = b.read(w.x(), w.y(), w.width(), w.height());
                    for (int i = 0; i < mb.band(0).length; i++) {
                        float p = mb.band(0)[i];
                        float truth = tb.band(0)[i];
                        boolean cloud = isCloud(ab.band(q)[i]) || isCloud(bb.band(q)[i]);
                        if (truth == SamplePairGenerator.TRUTH_NODATA) continue;
                        if (cloud) {
                            s.cloudPixels++;
                            if (p != 255) s.cloudNotMasked++;
                            if (truth == 1) s.changesUnderCloud++;
                        }
                        if (p == 255) continue;
                        if (p == 1 && truth == 1) s.tp++;
                        else if (p == 1) s.fp++;
                        else if (truth == 1) s.fn++;
                    }
                }
            }
            return s;
        }

        private static boolean isCloud(float quality) {
            return quality == 2 || quality == 3;
        }
    }
}
