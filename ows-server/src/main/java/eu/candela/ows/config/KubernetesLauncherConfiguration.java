package eu.candela.ows.config;

import eu.candela.launcher.kubernetes.KubernetesLauncher;
import eu.candela.launcher.kubernetes.KubernetesLauncherConfig;
import eu.candela.launcher.kubernetes.ProcessImages;
import eu.candela.launcher.spi.Launcher;
import eu.candela.ows.eodata.DataDirectoryInitializer;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * {@code candela.launcher.type=kubernetes}: each execution runs as a batch/v1 Job through the
 * fabric8 client, configured from {@code candela.launcher.kubernetes.*}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "candela.launcher", name = "type", havingValue = "kubernetes")
public class KubernetesLauncherConfiguration {

    /**
     * With no master URL, fabric8's own discovery: the pod's service account in a cluster,
     * {@code ~/.kube/config} outside one. The namespace is always ours, and so are the retries.
     */
    @Bean(destroyMethod = "close")
    KubernetesClient kubernetesClient(CandelaProperties properties) {
        var k = properties.launcher().kubernetes();
        // credentials (service account token, kubeconfig) are discovered even with an explicit master URL
        Config base = Config.autoConfigure(null);
        // fabric8 would retry each 5xx answer itself (10 times, doubling from 100 ms) under the
        // launcher's own tries: candela.launcher.kubernetes.api-retry alone decides how long to insist
        ConfigBuilder config = new ConfigBuilder(base).withNamespace(k.namespace()).withRequestRetryBackoffLimit(0);
        if (!k.masterUrl().isEmpty()) {
            config.withMasterUrl(k.masterUrl());
        }
        return new KubernetesClientBuilder().withConfig(config.build()).build();
    }

    /** Takes the initializer so that the data directory's default images.yaml is in place. */
    @Bean(destroyMethod = "close")
    Launcher launcher(KubernetesClient client, CandelaProperties properties, DataDirectoryInitializer dataDirectory) {
        return KubernetesLauncher.start(client, launcherConfig(properties));
    }

    static KubernetesLauncherConfig launcherConfig(CandelaProperties properties) {
        var l = properties.launcher();
        var k = l.kubernetes();
        ProcessImages images;
        try {
            images = ProcessImages.load(k.imagesTable());
        } catch (IOException e) {
            throw new UncheckedIOException("candela.launcher.kubernetes.images-table: cannot read " + k.imagesTable(), e);
        }
        var builder = KubernetesLauncherConfig.builder(k.namespace(), images, properties.jobsDir())
                .jobDirectoriesClaim(k.jobsClaim())
                .jobsSubPath(k.jobsSubPath())
                .eoArchiveClaim(k.eodataClaim().isEmpty() ? null : k.eodataClaim())
                .imagePullTimeout(k.imagePullWait())
                .submitAttempts(k.apiRetry().attempts())
                .submitBackoff(k.apiRetry().initialBackoff())
                .progressInterval(l.progressInterval())
                .maxRunningPerOwner(k.maxRunningJobsPerUser());
        if (k.leaderElection().enabled()) {
            builder.leaderElection(KubernetesLauncherConfig.LeaderElection.of(k.leaderElection().leaseName(),
                    k.leaderElection().identity()));
        }
        return builder.build();
    }
}
