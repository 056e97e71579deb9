package eu.candela.ows.kubernetes;

import eu.candela.launcher.kubernetes.KubeletStandIn;
import eu.candela.ows.testing.ServerTestBase;
import eu.candela.ows.testing.Xml;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real server with {@code candela.launcher.type=kubernetes}, its client pointed at one
 * {@link CrudApiCluster} shared by every subclass (they share the Spring context too).
 */
abstract class KubernetesServerTestBase extends ServerTestBase {
    /** Lives as long as the test JVM, like the cached Spring context that talks to it. */
    static final CrudApiCluster CLUSTER = new CrudApiCluster();

    @DynamicPropertySource
    static void kubernetes(DynamicPropertyRegistry registry) {
        registry.add("candela.launcher.type", () -> "kubernetes");
        registry.add("candela.launcher.kubernetes.master-url", CLUSTER::url);
        registry.add("candela.launcher.kubernetes.namespace", () -> CrudApiCluster.NAMESPACE);
        registry.add("candela.launcher.kubernetes.image-pull-wait", () -> "1s");
        registry.add("candela.launcher.kubernetes.max-running-jobs-per-user", () -> "5000");
        registry.add("candela.launcher.progress-interval", () -> "100ms");
    }

    protected KubeletStandIn standIn;

    @BeforeEach
    void startStandIn() {
        var k = properties.launcher().kubernetes();
        // the server's data directory stands for the job-directories PVC, its archive for the EO data PVC
        standIn = CLUSTER.standIn(Map.of(k.jobsClaim(), dataDir(), k.eodataClaim(), properties.eodataDir()));
    }

    protected static CrudApiCluster cluster() {
        return CLUSTER;
    }

    /** The statusLocation of an asynchronous Execute's response. */
    protected static String statusLocation(HttpResponse<byte[]> r) {
        assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
        return Xml.of(r.body()).text("/wps:ExecuteResponse/@statusLocation");
    }

    protected static String jobIdOf(String statusLocation) {
        return statusLocation.substring(statusLocation.lastIndexOf('/') + 1);
    }

    protected Xml status(String statusLocation) {
        return Xml.of(get(statusLocation).body());
    }

    protected String phase(String statusLocation) {
        return status(statusLocation).text("local-name(//wps:Status/*)");
    }
}
