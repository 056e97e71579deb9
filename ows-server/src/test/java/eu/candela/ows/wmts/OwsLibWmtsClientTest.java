package eu.candela.ows.wmts;

import eu.candela.ows.catalog.CatalogEditor;
import eu.candela.ows.catalog.CatalogException;
import eu.candela.ows.catalog.CoverageStoreInfo;
import eu.candela.ows.catalog.LayerInfo;
import eu.candela.ows.testing.ExternalTools;
import eu.candela.ows.testing.ServerTestBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Real WMTS clients against the running server: Debian's OWSLib and GDAL's WMTS driver. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OwsLibWmtsClientTest extends ServerTestBase {
    static final String WS = "wmtsclients";
    static final String LAYER = WS + ":scene";
    static final int Z = 14;

    @Autowired
    CatalogEditor catalog;

    @TempDir
    Path work;

    @BeforeAll
    void publish() throws CatalogException {
        Path scene = WmtsFixtures.writeScene(dataDir().resolve("eodata/wmtsclients/scene.tif"));
        catalog.addWorkspace(WS);
        catalog.putStyle("wmtsclients_red_blue", WmtsFixtures.sld("wmtsclients_red_blue", "#FF0000", "#0000FF"));
        catalog.putStore(new CoverageStoreInfo(WS, "scene", scene, "", true));
        catalog.putLayer(new LayerInfo(WS, "scene", "scene", "Client test scene", "", "wmtsclients_red_blue",
                List.of(), true, Instant.now(), 0));
    }

    private String capabilitiesUrl() {
        return base() + "/wmts?SERVICE=WMTS&REQUEST=GetCapabilities";
    }

    @Test
    void owsLibListsTheLayerAndGetsAPngTileWithTheStyleColour() throws Exception {
        ExternalTools.requireOwsLib();
        long[] t = WmtsServiceTest.googleTileOf(WmtsFixtures.WEST_POINT, Z);
        Path tile = work.resolve("tile.png");
        String script = String.join("\n",
                "import sys",
                "from owslib.wmts import WebMapTileService",
                "w = WebMapTileService(sys.argv[1])",
                "print(w.identification.type, w.identification.version)",
                "l = w.contents[sys.argv[2]]",
                "print(l.title)",
                "print(sorted(l.tilematrixsetlinks.keys()))",
                "r = w.gettile(layer=sys.argv[2], tilematrixset='GoogleMapsCompatible', tilematrix=sys.argv[3],"
                        + " row=int(sys.argv[4]), column=int(sys.argv[5]), format='image/png')",
                "open(sys.argv[6], 'wb').write(r.read())",
                "print(r.info()['Content-Type'])");
        String out = run(ExternalTools.DEBIAN_PYTHON.toString(), Files.writeString(work.resolve("wmts.py"), script).toString(),
                capabilitiesUrl(), LAYER, Integer.toString(Z), Long.toString(t[0]), Long.toString(t[1]), tile.toString());
        assertThat(out.lines().toList()).containsExactly("OGC WMTS 1.0.0", "Client test scene",
                "['GoogleMapsCompatible', 'WorldCRS84Quad']", "image/png");
        byte[] png = Files.readAllBytes(tile);
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        assertThat(WmtsFixtures.decode(png).getRGB((int) t[2], (int) t[3])).isEqualTo(WmtsServiceTest.RED);
    }

    @Test
    void gdalOpensTheServiceAndReadsTheStyleColoursAtKnownPoints() throws Exception {
        ExternalTools.requireGdal();
        String dataset = "WMTS:" + capabilitiesUrl() + ",layer=" + LAYER + ",tilematrixset=GoogleMapsCompatible,tilematrix=" + Z;
        String info = run("gdalinfo", dataset);
        assertThat(info).contains("Driver: WMTS/OGC Web Map Tile Service");
        assertThat(info).contains("Band 4");
        assertThat(rgbaAt(dataset, WmtsFixtures.WEST_POINT)).containsExactly(255, 0, 0, 255);
        assertThat(rgbaAt(dataset, WmtsFixtures.EAST_POINT)).containsExactly(0, 0, 255, 255);
    }

    /** The four band values GDAL reads at a lon/lat point (gdallocationinfo -valonly). */
    private int[] rgbaAt(String dataset, double[] lonLat) throws IOException, InterruptedException {
        String out = run("gdallocationinfo", "-valonly", "-wgs84", dataset,
                String.format(Locale.ROOT, "%.8f", lonLat[0]), String.format(Locale.ROOT, "%.8f", lonLat[1]));
        return out.lines().map(String::trim).filter(l -> l.matches("\\d+")).mapToInt(Integer::parseInt).toArray();
    }

    private String run(String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("GDAL_HTTP_TIMEOUT", "60");
        // GDAL's WMTS driver caches tiles in ./gdalwmscache by default: keep them out of the source tree and fresh
        pb.environment().put("GDAL_DEFAULT_WMS_CACHE_PATH", work.resolve("gdalwmscache").toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + out).isZero();
        return out;
    }
}
