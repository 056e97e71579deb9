package eu.candela.ows.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code candela.launcher.*} bound the way the server binds it: defaults, the Kubernetes keys, and messages naming the bad key. */
class KubernetesLauncherPropertiesTest {

    @Test
    void defaultsRunTheLocalLauncherAndReadTheImagesTableFromTheDataDirectory() {
        CandelaProperties p = bind(Map.of("candela.data-dir", "/srv/candela"));
        assertThat(p.launcher().type()).isEqualTo(CandelaProperties.LauncherType.LOCAL);
        CandelaProperties.Kubernetes k = p.launcher().kubernetes();
        assertThat(k.imagesTable()).isEqualTo(Path.of("/srv/candela/processes/images.yaml"));
        assertThat(k.namespace()).isEqualTo("candela");
        assertThat(k.masterUrl()).isEmpty();
        assertThat(k.apiRetry().attempts()).isEqualTo(5);
        assertThat(k.leaderElection().enabled()).isFalse();
    }

    @Test
    void anEmptyEodataClaimMeansNoArchiveVolume() {
        assertThat(bind(Map.of("candela.launcher.kubernetes.eodata-claim", "")).launcher().kubernetes().eodataClaim()).isEmpty();
    }

    @Test
    void bindsTheKubernetesSettings() {
        CandelaProperties p = bind(Map.of(
                "candela.data-dir", "/srv/candela",
                "candela.launcher.type", "kubernetes",
                "candela.launcher.kubernetes.namespace", "eo-prod",
                "candela.launcher.kubernetes.master-url", "https://10.0.0.1:6443",
                "candela.launcher.kubernetes.jobs-claim", "jobs",
                "candela.launcher.kubernetes.images-table", "conf/images.yaml",
                "candela.launcher.kubernetes.image-pull-wait", "90s",
                "candela.launcher.kubernetes.api-retry.initial-backoff", "200ms",
                "candela.launcher.kubernetes.max-running-jobs-per-user", "3"));
        assertThat(p.launcher().type()).isEqualTo(CandelaProperties.LauncherType.KUBERNETES);
        CandelaProperties.Kubernetes k = p.launcher().kubernetes();
        assertThat(k.namespace()).isEqualTo("eo-prod");
        assertThat(k.masterUrl()).isEqualTo("https://10.0.0.1:6443");
        assertThat(k.jobsClaim()).isEqualTo("jobs");
        assertThat(k.imagesTable()).isEqualTo(Path.of("/srv/candela/conf/images.yaml"));
        assertThat(k.imagePullWait()).isEqualTo(Duration.ofSeconds(90));
        assertThat(k.apiRetry().initialBackoff()).isEqualTo(Duration.ofMillis(200));
        assertThat(k.maxRunningJobsPerUser()).isEqualTo(3);
    }

    @ParameterizedTest
    @CsvSource({
            "namespace, Eo_Prod, candela.launcher.kubernetes.namespace",
            "master-url, 10.0.0.1:6443, candela.launcher.kubernetes.master-url",
            "eodata-claim, EO_archive, candela.launcher.kubernetes.eodata-claim",
            "image-pull-wait, 0s, candela.launcher.kubernetes.image-pull-wait",
            "max-running-jobs-per-user, 0, candela.launcher.kubernetes.max-running-jobs-per-user",
            "api-retry.attempts, 0, candela.launcher.kubernetes.api-retry.attempts",
            "api-retry.initial-backoff, 0s, candela.launcher.kubernetes.api-retry.initial-backoff",
            "jobs-sub-path, ../up, candela.launcher.kubernetes.jobs-sub-path",
    })
    void rejectsABadValueNamingItsKey(String key, String value, String named) {
        assertThatThrownBy(() -> bind(Map.of("candela.launcher.kubernetes." + key, value)))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining(named);
    }

    @Test
    void rejectsAnUnknownLauncherType() {
        assertThatThrownBy(() -> bind(Map.of("candela.launcher.type", "slurm")))
                .isInstanceOf(BindException.class).hasMessageContaining("candela.launcher.type");
    }

    private static CandelaProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("candela", CandelaProperties.class);
    }
}
