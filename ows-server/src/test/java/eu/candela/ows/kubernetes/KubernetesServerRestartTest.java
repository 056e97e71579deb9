package eu.candela.ows.kubernetes;

import eu.candela.ows.CandelaServer;
import eu.candela.ows.testing.Xml;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

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
 * A server stopped while its job's Kubernetes Job runs, and started again on the same data
 * directory and the same (CRUD mock) API server: the new server re-attaches to the Job, which
 * still runs in the cluster, and records its end; the layers are published as usual.
 */
class KubernetesServerRestartTest {
    private static final Duration DEADLINE = Duration.ofMinutes(2);

    @TempDir
    Path dataDir;

    private final CrudApiCluster cluster = new CrudApiCluster();

    @AfterEach
    void stopCluster() {
        cluster.release();
        cluster.close();
    }

    @Test
    void restartedServerReattachesToTheRunningJobAndRecordsItsEnd() throws Exception {
        cluster.standIn(dataDir);
        cluster.holdNextJobs();
        String statusLocation;
        String jobId;
        try (ConfigurableApplicationContext first = start()) {
            String base = base(first);
            statusLocation = statusLocation(send(post(base, body("kubernetes/execute-change-async.xml", base))));
            jobId = statusLocation.substring(statusLocation.lastIndexOf('/') + 1);
            String location = statusLocation;
            await().atMost(DEADLINE).until(() -> phase(location).equals("ProcessStarted"));
        }
        assertThat(cluster.job(jobId)).as("stopping the server leaves its Jobs running").isNotNull();
        assertThat(cluster.holding()).contains("candela-" + jobId);

        try (ConfigurableApplicationContext second = start()) {
            String again = base(second) + statusLocation.substring(statusLocation.indexOf("/wps/jobs/"));
            assertThat(phase(again)).isEqualTo("ProcessStarted");

            cluster.release();

            await().atMost(DEADLINE).until(() -> phase(again).matches("ProcessSucceeded|ProcessFailed"));
            Xml done = Xml.of(send(get(again)).body());
            assertThat(done.count("//wps:ProcessSucceeded")).isEqualTo(1);
            assertThat(done.text("//wps:Output[ows:Identifier='probability_layer']//wps:LiteralData")).startsWith("results:");
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(CandelaServer.class).run(
                "--server.port=0", "--candela.data-dir=" + dataDir, "--candela.samples.size=256",
                "--candela.launcher.type=kubernetes",
                "--candela.launcher.kubernetes.master-url=" + cluster.url(),
                "--candela.launcher.kubernetes.namespace=" + CrudApiCluster.NAMESPACE,
                "--candela.launcher.progress-interval=100ms",
                "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("jobstore/jobs"));
    }
}
