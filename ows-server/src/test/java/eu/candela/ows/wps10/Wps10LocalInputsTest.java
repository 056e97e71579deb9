package eu.candela.ows.wps10;

import eu.candela.ows.testing.ServerTestBase;
import eu.candela.ows.testing.Xml;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With the embedded local launcher, inputs.json names the archive's files {@code eodata:<path>}
 * (found through the archive root the server gives the runner in-process) and an earlier job's output
 * by a link in the job's {@code inputs/}: no server path in it, the same as for a Kubernetes pod.
 */
class Wps10LocalInputsTest extends ServerTestBase {

    @Test
    void archiveAndChainedReferencesRunLocallyWithPortableInputs() throws Exception {
        String first = statusLocation(requestBody("wps10/execute-change-async.xml"));
        assertSucceeded(first);
        String firstId = first.substring(first.lastIndexOf('/') + 1);
        Path firstInputs = dataDir().resolve("jobs").resolve(firstId).resolve("inputs.json");
        assertThat(Files.readString(firstInputs)).contains("\"eodata:samples/bordeaux_2017-04-19.tif\"")
                .doesNotContain(dataDir().toString());

        String unfiltered = new String(requestBody("wps10/execute-change-async.xml"), StandardCharsets.UTF_8)
                .replace("<ows:Identifier>iterations</ows:Identifier><wps:Data><wps:LiteralData>10<",
                        "<ows:Identifier>medianFilter</ows:Identifier><wps:Data><wps:LiteralData>1<");
        String other = statusLocation(unfiltered.getBytes(StandardCharsets.UTF_8));
        assertSucceeded(other);
        String chained = new String(requestBody("kubernetes/execute-change-chained-async.xml"), StandardCharsets.UTF_8)
                .replace("${BEFORE}", first + "/outputs/probability").replace("${AFTER}", other + "/outputs/probability");
        String second = statusLocation(chained.getBytes(StandardCharsets.UTF_8));
        assertSucceeded(second);

        Path secondDir = dataDir().resolve("jobs").resolve(second.substring(second.lastIndexOf('/') + 1));
        assertThat(Files.readString(secondDir.resolve("inputs.json"))).contains("\"inputs/before.tif\"")
                .doesNotContain(dataDir().toString());
        assertThat(Files.isSameFile(secondDir.resolve("inputs/before.tif"),
                dataDir().resolve("jobs").resolve(firstId).resolve("outputs/change_probability.tif"))).isTrue();
    }

    private String statusLocation(byte[] body) {
        var r = post("/wps", body);
        assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
        return Xml.of(r.body()).text("/wps:ExecuteResponse/@statusLocation");
    }

    private void assertSucceeded(String location) {
        await().atMost(Duration.ofMinutes(2)).until(() ->
                Xml.of(get(location).body()).text("local-name(//wps:Status/*)").matches("ProcessSucceeded|ProcessFailed"));
        Xml done = Xml.of(get(location).body());
        assertThat(done.count("//wps:ProcessSucceeded")).as(text(get(location))).isEqualTo(1);
    }
}
