package eu.candela.ows.wmts;

import eu.candela.ows.testing.ExternalTools;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OWSLib parses the encoder's document as a WMTS 1.0.0 client does (no server needed): the
 * official schema artifact is not on Maven Central, so a real client stands in for validation.
 */
class OwsLibReadsCapabilitiesTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void owsLib() {
        ExternalTools.requireOwsLib();
    }

    @Test
    void owsLibListsLayerStylesFormatsAndMatrixSets() throws IOException, InterruptedException {
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
        Process p = new ProcessBuilder(ExternalTools.DEBIAN_PYTHON.toString(), py.toString(), caps.toString())
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
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
}
