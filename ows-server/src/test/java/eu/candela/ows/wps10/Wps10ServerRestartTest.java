package eu.candela.ows.wps10;

import eu.candela.ows.CandelaServer;
import eu.candela.ows.testing.Xml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static eu.candela.ows.testing.RestartedServers.base;
import static eu.candela.ows.testing.RestartedServers.phase;
import static eu.candela.ows.testing.RestartedServers.statusLocation;
import static eu.candela.ows.testing.RestartedServers.body;
import static eu.candela.ows.testing.RestartedServers.post;
import static eu.candela.ows.testing.RestartedServers.get;
import static eu.candela.ows.testing.RestartedServers.send;

/**
 * A server stopped while one job runs and another waits in the queue, then started again on the
 * same data directory: the running job reports that a restart interrupted it, the queued one is
 * run, and a job finished before the restart still serves its outputs.
 */
class Wps10ServerRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void restartedServerKnowsEveryJobAndKeepsFinishedResults() throws Exception {
        String finished, running, queued;
        try (ConfigurableApplicationContext first = start()) {
            String base = base(first);
            finished = statusLocation(send(post(base, body("wps10/execute-change-async.xml", base))));
            await().atMost(Duration.ofMinutes(2)).until(() -> phase(finished).equals("ProcessSucceeded"));
            running = statusLocation(send(post(base, body("wps10/execute-change-async.xml", base))));
            queued = statusLocation(send(post(base, body("wps10/execute-change-async.xml", base))));
            await().atMost(Duration.ofMinutes(1)).until(() -> phase(running).equals("ProcessStarted"));
            assertThat(phase(queued)).isEqualTo("ProcessAccepted");
        }
        try (ConfigurableApplicationContext second = start()) {
            String base = base(second);
            String runningAgain = relocate(running, base), queuedAgain = relocate(queued, base), finishedAgain = relocate(finished, base);

            Xml interrupted = Xml.of(send(get(runningAgain)).body());
            assertThat(interrupted.count("//wps:ProcessFailed")).isEqualTo(1);
            assertThat(interrupted.text("//wps:ProcessFailed//ows:ExceptionText")).contains("restart");

            await().atMost(Duration.ofMinutes(2)).until(() -> phase(queuedAgain).equals("ProcessSucceeded"));

            Xml done = Xml.of(send(get(finishedAgain)).body());
            String mask = done.text("//wps:Output[ows:Identifier='mask']/wps:Reference/@href");
            HttpResponse<byte[]> tiff = send(get(mask));
            assertThat(tiff.statusCode()).isEqualTo(200);
            assertThat(new String(tiff.body(), 0, 2, StandardCharsets.US_ASCII)).isEqualTo("II");
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(CandelaServer.class).run(
                "--server.port=0", "--candela.data-dir=" + dataDir, "--candela.samples.size=512",
                "--candela.launcher.workers=1", "--candela.launcher.queue-length=4",
                "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("jobstore/jobs"));
    }

    /** The same job at the restarted server's (new) port. */
    private static String relocate(String statusLocation, String base) {
        return base + statusLocation.substring(statusLocation.indexOf("/wps/jobs/"));
    }
}
