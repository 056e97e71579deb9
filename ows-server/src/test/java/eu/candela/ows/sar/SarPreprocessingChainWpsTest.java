package eu.candela.ows.sar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.candela.eodata.raster.GeoTiffReader;
import eu.candela.ows.testing.OgcSchemas;
import eu.candela.ows.testing.ServerTestBase;
import eu.candela.ows.testing.Xml;
import eu.candela.wps.samples.Sentinel1Pair;
import eu.candela.wps.samples.Sentinel1ProductGenerator;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chain a user runs through WPS 1.0.0: SARChangeDetectionPreprocessing on two generated GRD
 * products in the archive, then SARChangeDetection with the first job's two outputs as input
 * references (resolved to the job's files, not downloaded), scored per class against the
 * generator's truth on the preprocessing grid.
 */
class SarPreprocessingChainWpsTest extends ServerTestBase {

    @TempDir
    Path downloads;

    @Test
    void changeDetectionOnThePreprocessingOutputsFindsTheGeneratedChanges() throws IOException {
        Sentinel1Pair pair = Sentinel1ProductGenerator.generatePair(dataDir().resolve("eodata").resolve("s1chain"),
                Sentinel1ProductGenerator.Options.dualPol(400, 300, 8));
        Xml preprocessed = run(new String(requestBody("wps10/execute-sar-preprocessing.xml"), StandardCharsets.UTF_8)
                .replace("${BEFORE}", "s1chain/" + pair.before().getFileName())
                .replace("${AFTER}", "s1chain/" + pair.after().getFileName())
                .replace("${POLARISATIONS}", "VV,VH").replace("${ASYNC}", "true"));
        String before = preprocessed.text("//wps:Output[ows:Identifier='before']/wps:Reference/@href");
        String after = preprocessed.text("//wps:Output[ows:Identifier='after']/wps:Reference/@href");

        Xml detected = run(new String(requestBody("wps10/execute-sar-change-async.xml"), StandardCharsets.UTF_8)
                .replace("${BEFORE}", before).replace("${AFTER}", after));

        Path map = download(detected.text("//wps:Output[ows:Identifier='changeMap']/wps:Reference/@href"), "map.tif");
        Path truth = downloads.resolve("truth.tif");
        try (GeoTiffReader grid = GeoTiffReader.open(download(before, "before.tif"))) {
            pair.truth().writeChangeMap(truth, grid.info().grid());
        }
        double[] f1 = SarChangeDetectionWpsTest.f1PerClass(map, truth);
        System.out.printf("chain: F1 increase %.3f, decrease %.3f%n", f1[1], f1[2]);
        assertThat(f1[1]).as("F1 of increase").isGreaterThan(0.6);
        assertThat(f1[2]).as("F1 of decrease").isGreaterThan(0.8);
    }

    /** Posts an asynchronous Execute and waits for its final status document, which must be a success. */
    private Xml run(String execute) {
        HttpResponse<byte[]> accepted = post("/wps", execute.getBytes(StandardCharsets.UTF_8));
        assertThat(accepted.statusCode()).as(text(accepted)).isEqualTo(200);
        OgcSchemas.assertValid(OgcSchemas.wps10(), accepted.body());
        String statusLocation = Xml.of(accepted.body()).text("/wps:ExecuteResponse/@statusLocation");
        Xml[] last = new Xml[1];
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(200)).until(() -> {
            last[0] = Xml.of(get(statusLocation).body());
            String phase = last[0].text("local-name(//wps:Status/*)");
            return phase.equals("ProcessSucceeded") || phase.equals("ProcessFailed");
        });
        assertThat(last[0].text("local-name(//wps:Status/*)")).as(last[0].toString()).isEqualTo("ProcessSucceeded");
        return last[0];
    }

    private Path download(String href, String name) throws IOException {
        HttpResponse<byte[]> r = get(href);
        assertThat(r.statusCode()).isEqualTo(200);
        return Files.write(downloads.resolve(name), r.body());
    }
}
