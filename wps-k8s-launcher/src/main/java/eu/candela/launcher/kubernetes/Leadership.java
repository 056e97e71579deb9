package eu.candela.launcher.kubernetes;

import java.util.concurrent.CompletableFuture;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Competes for the launcher's Lease among server replicas (fabric8's LeaderElector): the holder reconciles
 * the cluster's Jobs with the server's job store, so two replicas do not both re-attach every job at start.
 * Following the jobs a replica submitted needs no lease.
 */
final class Leadership {
    private static final Logger LOG = LoggerFactory.getLogger(Leadership.class);

    private final KubernetesClient client;
    private final KubernetesLauncherConfig config;
    private final Runnable onStart;
    private final Runnable onStop;

    Leadership(KubernetesClient client, KubernetesLauncherConfig config, Runnable onStart, Runnable onStop) {
        this.client = client;
        this.config = config;
        this.onStart = onStart;
        this.onStop = onStop;
    }

    /** Runs until cancelled, which releases the Lease if held. */
    CompletableFuture<?> start() {
        KubernetesLauncherConfig.LeaderElection election = config.leaderElection().orElseThrow();
        return client.leaderElector().withConfig(new LeaderElectionConfigBuilder()
                        .withName(election.leaseName())
                        .withLock(new LeaseLock(config.namespace(), election.leaseName(), election.identity()))
                        .withLeaseDuration(election.leaseDuration())
                        .withRenewDeadline(election.renewDeadline())
                        .withRetryPeriod(election.retryPeriod())
                        .withReleaseOnCancel(true)
                        .withLeaderCallbacks(new LeaderCallbacks(
                                () -> {
                                    LOG.info("{} leads the Candela launchers: reconciling", election.identity());
                                    onStart.run();
                                },
                                () -> {
                                    LOG.info("{} no longer leads the Candela launchers", election.identity());
                                    onStop.run();
                                },
                                leader -> LOG.debug("Candela launcher leader: {}", leader)))
                        .build())
                .build()
                .start();
    }
}
