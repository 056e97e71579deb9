package eu.candela.ows.wps10;

import eu.candela.ows.jobs.JobService;
import eu.candela.ows.jobs.JobState;
import eu.candela.ows.testing.OgcSchemas;
import eu.candela.ows.testing.ServerTestBase;
import eu.candela.ows.testing.Xml;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** With one worker and no queue, a second Execute gets ServerBusy and its job is recorded as failed, not lost. */
@TestPropertySource(properties = {"candela.launcher.workers=1", "candela.launcher.queue-length=0"})
class Wps10ServerBusyTest extends ServerTestBase {
    @Autowired
    JobService jobs;

    @Test
    void fullLauncherAnswersServerBusyAndKeepsTheRecord() {
        HttpResponse<byte[]> first = post("/wps", requestBody("wps10/execute-change-async.xml"));
        assertThat(first.statusCode()).isEqualTo(200);
        String statusLocation = Xml.of(first.body()).text("/wps:ExecuteResponse/@statusLocation");
        long failedBefore = jobs.countByState().getOrDefault(JobState.FAILED, 0L);

        HttpResponse<byte[]> second = post("/wps", requestBody("wps10/execute-change-async.xml"));

        assertThat(second.statusCode()).isEqualTo(503);
        OgcSchemas.assertValid(OgcSchemas.wps10(), second.body());
        assertThat(Xml.of(second.body()).text("//ows:Exception/@exceptionCode")).isEqualTo("ServerBusy");
        assertThat(jobs.countByState().getOrDefault(JobState.FAILED, 0L)).isEqualTo(failedBefore + 1);

        // the first job is unaffected and dismissing it stops it
        HttpResponse<byte[]> dismissed = delete(statusLocation);
        assertThat(dismissed.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).until(() ->
                Xml.of(get(statusLocation).body()).count("//wps:Status/wps:ProcessFailed") == 1);
        Xml status = Xml.of(get(statusLocation).body());
        assertThat(status.text("//wps:ProcessFailed//ows:ExceptionText")).startsWith("Dismissed");
    }
}
