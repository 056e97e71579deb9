package eu.candela.ows.wmts;

import eu.candela.ows.testing.ExternalTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OWSLib and GDAL parse the encoder's document as WMTS 1.0.0 clients do (no server needed): the
 * official schema artifact is not on Maven Central, so a real client stands in for validation.
 */
class OwsLibReadsCapabilitiesTest {
    @TempDir
    static Path dir;

    @Test
    void gdalOpensTheLayerInEitherMatrixSet() throws IOException, InterruptedException {
        ExternalTools.requireGdal();
        Path caps = Files.write(dir.resolve("caps-gdal.xml"), WmtsCapabilitiesEncoderTest.documentBytes());
        String out = run("gdalinfo", "WMTS:" + caps + ",layer=bench:s2,tilematrixset=WorldCRS84Quad");
        assertThat(out).contains("Driver: WMTS/OGC Web Map Tile Service");
        // GDAL clips to the layer's extent, at level 18's pixel size (180 / 256 / 2^18 degrees)
        assertThat(out).contains("Pixel Size = (0.000002682209015,-0.000002682209015)");
        assertThat(out).containsPattern("Origin = \\(-3\\.800\\d+,40\\.500\\d+\\)");
    }

    @Test
    void owsLibListsLayerStylesFormatsAndMatrixSets() throws IOException, InterruptedException {
        ExternalTools.requireOwsLib();
        Path caps = Files.write(dir.resolve("caps.xml"), WmtsCapabilitiesEncoderTest.documentBytes());
        String script = String.join("\n",
                "import sys",
                "from owslib.wmts import WebMapTileService",
                "w = WebMapTileService('http://unused/wmts', xml=open(sys.argv[1], 'rb').read())",
                "l = w.contents['bench:s2']",
                "print(l.title)",
                "print(','.join(sorted(l.styles.keys())))",
                "print([k for k, v in l.styles.items() if v.get('isDefault')][0])",
                "print(','.join(l.formats))",
                "print(','.join(sorted(w.tilematrixsets.keys())))",
                "print(len(w.tilematrixsets['GoogleMapsCompatible'].tilematrix))",
                "print(sorted(l.tilematrixsetlinks.keys()))",
                "lim = l.tilematrixsetlinks['WorldCRS84Quad'].tilematrixlimits['3']",
                "print(lim.mintilerow, lim.maxtilerow, lim.mintilecol, lim.maxtilecol)",
                "print(w.buildTileResource(layer='bench:s2', style='peer_ramp', tilematrixset='WorldCRS84Quad', tilematrix='3', row=2, column=7))",
                "print(w.restonly)");
        Path py = Files.writeString(dir.resolve("read.py"), script);
        String out = run(ExternalTools.DEBIAN_PYTHON.toString(), py.toString(), caps.toString());
        // OWSLib picks one of the tile ResourceURLs at random, whatever its format
        assertThat(out.replaceAll("7\\.(png|jpg)\n", "7.EXT\n").lines().toList()).containsExactly(
                "Sentinel-2 peer",
                "peer_ramp,raster",
                "peer_ramp",
                "image/png,image/jpeg",
                "GoogleMapsCompatible,WorldCRS84Quad",
                "21",
                "['WorldCRS84Quad']",
                "2 2 7 7",
                "http://maps.example.org/candela/wmts/rest/bench:s2/peer_ramp/WorldCRS84Quad/3/2/7.EXT",
                "False");
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
