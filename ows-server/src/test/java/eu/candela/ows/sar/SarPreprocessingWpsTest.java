package eu.candela.ows.sar;

import eu.candela.eodata.grid.GridGeometry;
import eu.candela.eodata.grid.PointTransform;
import eu.candela.eodata.raster.GeoTiffReader;
import eu.candela.eodata.raster.RasterBlock;
import eu.candela.ows.catalog.Catalog;
import eu.candela.ows.catalog.LayerInfo;
import eu.candela.ows.testing.OgcSchemas;
import eu.candela.ows.testing.ServerTestBase;
import eu.candela.ows.testing.Xml;
import eu.candela.wps.samples.SarChangeTruth;
import eu.candela.wps.samples.Sentinel1Pair;
import eu.candela.wps.samples.Sentinel1ProductGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SARChangeDetectionPreprocessing through the server's WPS 1.0.0 on a generated GRD pair placed in
 * the EO archive and referenced by its /eodata/ URL: both outputs on one grid, dB values near the
 * sigma0 the generator put in, the changes where it put them, published as sar_db layers; and a bad
 * polarisation reported with the input named.
 */
class SarPreprocessingWpsTest extends ServerTestBase {
    @Autowired
    Catalog catalog;

    private static Sentinel1Pair pair;

    /** The pair in this server's archive, generated once for the class. */
    private synchronized Sentinel1Pair pair() throws IOException {
        if (pair == null) {
            pair = Sentinel1ProductGenerator.generatePair(dataDir().resolve("eodata").resolve("s1test"),
                    Sentinel1ProductGenerator.Options.dualPol(320, 256, 21));
        }
        return pair;
    }

    private byte[] execute(Sentinel1Pair pair, String polarisations, boolean async) {
        return new String(requestBody("wps10/execute-sar-preprocessing.xml"), StandardCharsets.UTF_8)
                .replace("${BEFORE}", "s1test/" + pair.before().getFileName())
                .replace("${AFTER}", "s1test/" + pair.after().getFileName())
                .replace("${POLARISATIONS}", polarisations).replace("${ASYNC}", Boolean.toString(async))
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void preprocessesAnArchivedPairOntoOneGridAndPublishesBoth() throws IOException {
        Sentinel1Pair pair = pair();
        HttpResponse<byte[]> accepted = post("/wps", execute(pair, "VV,VH", true));
        assertThat(accepted.statusCode()).isEqualTo(200);
        OgcSchemas.assertValid(OgcSchemas.wps10(), accepted.body());
        String statusLocation = Xml.of(accepted.body()).text("/wps:ExecuteResponse/@statusLocation");
        Xml[] last = new Xml[1];
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = Xml.of(get(statusLocation).body());
            String phase = last[0].text("local-name(//wps:Status/*)");
            return phase.equals("ProcessSucceeded") || phase.equals("ProcessFailed");
        });
        assertThat(last[0].text("local-name(//wps:Status/*)")).as(last[0].toString()).isEqualTo("ProcessSucceeded");
        Path before = download(last[0].text("//wps:Output[ows:Identifier='before']/wps:Reference/@href"));
        Path after = download(last[0].text("//wps:Output[ows:Identifier='after']/wps:Reference/@href"));
        try (GeoTiffReader a = GeoTiffReader.open(before); GeoTiffReader b = GeoTiffReader.open(after)) {
            GridGeometry g = a.info().spec().grid();
            assertThat(b.info().spec().grid().geoTransform()).containsExactly(g.geoTransform());
            assertThat(b.info().spec().grid().width()).isEqualTo(g.width());
            assertThat(a.info().spec().bandDescriptions()).containsExactly("VV", "VH");
            RasterBlock va = a.read(0, 0, g.width(), g.height());
            RasterBlock vb = b.read(0, 0, g.width(), g.height());
            double[] lonLat = centres(g);
            double errorSum = 0;
            int valid = 0;
            double[] change = new double[3];
            int[] count = new int[3];
            for (int i = 0; i < g.width() * g.height(); i++) {
                double lon = lonLat[2 * i];
                double lat = lonLat[2 * i + 1];
                int truth = pair.truth().changeAt(lat, lon);
                float x = va.band(0)[i];
                float y = vb.band(0)[i];
                if (truth == SarChangeTruth.NODATA || x == -9999f || y == -9999f) {
                    continue;
                }
                errorSum += Math.abs(x - 10 * Math.log10(pair.truth().sigma0(0, "VV", lat, lon)));
                valid++;
                change[truth] += y - x;
                count[truth]++;
            }
            assertThat(errorSum / valid).as("mean |error| in dB of the earlier VV").isLessThan(1.5);
            assertThat(change[2] / count[2]).as("decrease in dB").isLessThan(-5);
            assertThat(change[1] / count[1]).as("increase in dB").isGreaterThan(2.5);
        }
        List<LayerInfo> layers = catalog.layers().stream().filter(l -> l.workspace().equals("results")
                && (l.name().endsWith("_before") || l.name().endsWith("_after"))).toList();
        assertThat(layers).hasSizeGreaterThanOrEqualTo(2).allMatch(l -> l.defaultStyle().equals("sar_db"));
    }

    @Test
    void describeProcessIsSchemaValidAndOffersTheProductAndBoxInputs() {
        HttpResponse<byte[]> r = get("/wps?service=WPS&version=1.0.0&request=DescribeProcess&identifier=SARChangeDetectionPreprocessing");
        assertThat(r.statusCode()).isEqualTo(200);
        OgcSchemas.assertValid(OgcSchemas.wps10(), r.body());
        Xml xml = Xml.of(r.body());
        String input = "//ProcessDescription/DataInputs/Input";
        assertThat(xml.text(input + "[ows:Identifier='before']/ComplexData/Default/Format/MimeType")).isEqualTo("application/x-sentinel-safe");
        assertThat(xml.count(input + "[ows:Identifier='area']/BoundingBoxData/Supported/CRS")).isGreaterThanOrEqualTo(10);
        assertThat(xml.count(input + "[ows:Identifier='speckleFilter']/LiteralData/ows:AllowedValues/ows:Value")).isEqualTo(4);
    }

    @Test
    void unknownPolarisationFailsNamingTheInput() throws IOException {
        Sentinel1Pair pair = pair();
        HttpResponse<byte[]> r = post("/wps", execute(pair, "VV,XX", false));
        String body = new String(r.body(), StandardCharsets.UTF_8);
        assertThat(body).contains("Input 'polarisations' names an unknown polarisation 'XX'");
    }

    private Path download(String href) throws IOException {
        HttpResponse<byte[]> r = get(href);
        assertThat(r.statusCode()).isEqualTo(200);
        Path file = Files.createTempFile("sigma0", ".tif");
        Files.write(file, r.body());
        return file;
    }

    private static double[] centres(GridGeometry g) {
        int n = g.width() * g.height();
        double[] p = new double[2 * n];
        for (int r = 0; r < g.height(); r++) {
            for (int c = 0; c < g.width(); c++) {
                double[] xy = g.pixelToMap(c + 0.5, r + 0.5);
                p[2 * (r * g.width() + c)] = xy[0];
                p[2 * (r * g.width() + c) + 1] = xy[1];
            }
        }
        PointTransform.between(g.epsg(), 4326).transform(p, n);
        return p;
    }
}
