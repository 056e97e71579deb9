package eu.candela.ows.sar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.candela.eodata.raster.GeoTiffReader;
import eu.candela.eodata.raster.RasterBlock;
import eu.candela.ows.catalog.Catalog;
import eu.candela.ows.catalog.LayerInfo;
import eu.candela.ows.testing.OgcSchemas;
import eu.candela.ows.testing.ServerTestBase;
import eu.candela.ows.testing.Xml;
import eu.candela.wps.samples.SarPair;
import eu.candela.wps.samples.SarPairGenerator;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * SARChangeDetection through WPS 1.0.0 on a generated geocoded dB pair in the EO archive (inputs by
 * reference to {@code /eodata}): asynchronous Execute, the change map scored against the
 * generator's truth (F1 per class), and the published layers: the change map with the
 * {@code sar_change} style drawn red and blue through WMS, the probability with
 * {@code change_probability}.
 */
class SarChangeDetectionWpsTest extends ServerTestBase {

    @Autowired
    Catalog catalog;

    @TempDir
    Path downloads;

    @Test
    void findsTheGeneratedIncreaseAndDecreaseAndPublishesStyledLayers() throws Exception {
        SarPair pair = SarPairGenerator.generate(dataDir().resolve("eodata/sar-test"), 320, 280, 4, 5);
        String body = new String(requestBody("wps10/execute-sar-change-async.xml"), StandardCharsets.UTF_8)
                .replace("${BEFORE}", base() + "/eodata/sar-test/" + SarPairGenerator.BEFORE_FILE)
                .replace("${AFTER}", base() + "/eodata/sar-test/" + SarPairGenerator.AFTER_FILE);
        HttpResponse<byte[]> accepted = post("/wps", body.getBytes(StandardCharsets.UTF_8));
        assertThat(accepted.statusCode()).as(text(accepted)).isEqualTo(200);
        OgcSchemas.assertValid(OgcSchemas.wps10(), accepted.body());
        String statusLocation = Xml.of(accepted.body()).text("/wps:ExecuteResponse/@statusLocation");

        Xml[] last = new Xml[1];
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = Xml.of(get(statusLocation).body());
            String phase = last[0].text("local-name(//wps:Status/*)");
            return phase.equals("ProcessSucceeded") || phase.equals("ProcessFailed");
        });
        Xml done = last[0];
        assertThat(done.text("local-name(//wps:Status/*)")).as(done.toString()).isEqualTo("ProcessSucceeded");
        OgcSchemas.assertValid(OgcSchemas.wps10(), get(statusLocation).body());

        Path map = download(done.text("//wps:Output[ows:Identifier='changeMap']/wps:Reference/@href"), "map.tif");
        double[] f1 = f1PerClass(map, pair.truth());
        assertThat(f1[1]).as("F1 of increase").isGreaterThan(0.9);
        assertThat(f1[2]).as("F1 of decrease").isGreaterThan(0.9);
        assertThat(Long.parseLong(done.text("//wps:Output[ows:Identifier='increasedPixels']//wps:LiteralData"))).isPositive();

        String mapLayer = done.text("//wps:Output[ows:Identifier='changeMap_layer']//wps:LiteralData");
        String probabilityLayer = done.text("//wps:Output[ows:Identifier='probability_layer']//wps:LiteralData");
        assertThat(layer(mapLayer).defaultStyle()).isEqualTo("sar_change");
        assertThat(layer(probabilityLayer).defaultStyle()).isEqualTo("change_probability");

        HttpResponse<byte[]> png = get(done.text("//wps:Output[ows:Identifier='changeMap_wms']//wps:LiteralData"));
        assertThat(png.statusCode()).isEqualTo(200);
        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(png.body()));
        int[] drawn = countColours(picture);
        assertThat(drawn[0]).as("red (increase) pixels in the WMS picture").isPositive();
        assertThat(drawn[1]).as("blue (decrease) pixels in the WMS picture").isGreaterThan(drawn[0]); // the flood and harvest are larger
        assertThat(drawn[2]).as("transparent (no change) pixels").isGreaterThan(picture.getWidth() * picture.getHeight() / 2);
    }

    private LayerInfo layer(String qualifiedName) {
        String[] parts = qualifiedName.split(":", 2);
        return catalog.layers().stream().filter(l -> l.workspace().equals(parts[0]) && l.name().equals(parts[1]))
                .findFirst().orElseThrow(() -> new AssertionError("no layer " + qualifiedName));
    }

    private Path download(String href, String name) throws IOException {
        HttpResponse<byte[]> r = get(href);
        assertThat(r.statusCode()).isEqualTo(200);
        return Files.write(downloads.resolve(name), r.body());
    }

    /** F1 of classes 1 (increase) and 2 (decrease) over pixels valid in both maps. */
    static double[] f1PerClass(Path map, Path truth) throws IOException {
        long[][] confusion = new long[3][3];
        try (GeoTiffReader m = GeoTiffReader.open(map); GeoTiffReader t = GeoTiffReader.open(truth)) {
            int w = m.info().width(), h = m.info().height();
            RasterBlock mb = m.read(0, 0, w, h);
            RasterBlock tb = t.read(0, 0, w, h);
            for (int i = 0; i < w * h; i++) {
                int p = (int) mb.band(0)[i], q = (int) tb.band(0)[i];
                if (p < 3 && q < 3) confusion[q][p]++;
            }
        }
        double[] f1 = new double[3];
        for (int c = 1; c < 3; c++) {
            long predicted = confusion[0][c] + confusion[1][c] + confusion[2][c];
            long actual = confusion[c][0] + confusion[c][1] + confusion[c][2];
            f1[c] = 2.0 * confusion[c][c] / (predicted + actual);
        }
        return f1;
    }

    /** Pixels drawn in the style's increase red, decrease blue, and fully transparent. */
    private static int[] countColours(BufferedImage image) {
        int[] counts = new int[3];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int argb = image.getRGB(x, y);
                int alpha = argb >>> 24;
                int rgb = argb & 0xFFFFFF;
                if (alpha == 0) counts[2]++;
                else if (alpha > 200 && near(rgb, 0xE8202A)) counts[0]++;
                else if (alpha > 200 && near(rgb, 0x1F6FE8)) counts[1]++;
            }
        }
        return counts;
    }

    private static boolean near(int rgb, int expected) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs((rgb >> shift & 0xFF) - (expected >> shift & 0xFF)) > 12) return false;
        }
        return true;
    }
}
