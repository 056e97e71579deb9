package eu.candela.ows.kubernetes;

import eu.candela.launcher.kubernetes.KubernetesLauncher;
import eu.candela.launcher.kubernetes.KubernetesLauncherConfig;
import eu.candela.launcher.kubernetes.ProcessImages;
import eu.candela.ows.config.LauncherHealthIndicator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The actuator's launcher indicator follows the Kubernetes launcher's informers (against the CRUD mock API server). */
class KubernetesLauncherHealthTest {
    @TempDir
    Path jobsRoot;

    @Test
    void indicatorIsDownOnceTheLauncherNoLongerWatches() {
        try (CrudApiCluster cluster = new CrudApiCluster()) {
            ProcessImages images = ProcessImages.parse("defaults: { image: candela/processing:0.1.0 }", "images.yaml");
            KubernetesLauncher launcher = KubernetesLauncher.start(cluster.client(),
                    KubernetesLauncherConfig.builder(CrudApiCluster.NAMESPACE, images, jobsRoot).build());
            LauncherHealthIndicator indicator = new LauncherHealthIndicator(launcher);
            assertThat(indicator.health().getStatus().getCode()).isEqualTo("UP");

            launcher.close();

            assertThat(indicator.health().getStatus().getCode()).isEqualTo("DOWN");
        }
    }
}
