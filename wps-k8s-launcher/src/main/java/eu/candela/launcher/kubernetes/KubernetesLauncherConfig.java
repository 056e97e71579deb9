package eu.candela.launcher.kubernetes;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of a {@link KubernetesLauncher}. Immutable; build with {@link #builder}.
 *
 * <p>Job directories live on one shared volume (a ReadWriteMany PVC) that the server and the pods both
 * mount: the server at {@code serverJobsRoot}, each pod with {@code subPath <jobsSubPath>/<jobId>} at
 * {@code /job}. So a job directory {@code <serverJobsRoot>/<jobId>} on the server is {@code /job} in its pod,
 * and the server reads {@code status.json} and {@code result.json} straight from the volume.
 *
 * @param namespace           where Jobs, their pods and the leader Lease live
 * @param images              the process-to-image table
 * @param serverJobsRoot      the job directories as the server sees them (its mount of the PVC's
 *                            {@code jobsSubPath}); every {@code JobSpec.jobDirectory()} must be a child of it
 * @param jobDirectoriesClaim the PVC of the job directories, mounted read-write
 * @param jobsSubPath         the folder of the job directories inside that PVC ({@code jobs})
 * @param eoArchiveClaim      the PVC of the EO archive, mounted read-only at {@code /eodata}; empty for none
 * @param imagePullTimeout    how long a pod may fail to pull its image ({@code ErrImagePull},
 *                            {@code ImagePullBackOff}) before the job fails: a typo never heals, a registry
 *                            hiccup does
 * @param submitAttempts      tries to create a Job when the API server errs, at least 1
 * @param submitBackoff       the wait after the first failed try; it doubles after each further one
 * @param progressInterval    how often the {@code status.json} of running jobs is read
 * @param maxRunningPerOwner  active jobs one owner may have, 0 for no limit; a submit beyond is refused
 * @param leaderElection      with several server replicas: the Lease that picks the one that reconciles;
 *                            empty for a single replica, which reconciles at start
 */
public record KubernetesLauncherConfig(String namespace, ProcessImages images, Path serverJobsRoot,
                                       String jobDirectoriesClaim, String jobsSubPath,
                                       Optional<String> eoArchiveClaim, Duration imagePullTimeout,
                                       int submitAttempts, Duration submitBackoff, Duration progressInterval,
                                       int maxRunningPerOwner, Optional<LeaderElection> leaderElection) {
    public KubernetesLauncherConfig {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(images, "images");
        serverJobsRoot = Objects.requireNonNull(serverJobsRoot, "serverJobsRoot").toAbsolutePath().normalize();
        Objects.requireNonNull(jobDirectoriesClaim, "jobDirectoriesClaim");
        Objects.requireNonNull(jobsSubPath, "jobsSubPath");
        Objects.requireNonNull(eoArchiveClaim, "eoArchiveClaim");
        requirePositive(imagePullTimeout, "imagePullTimeout");
        requirePositive(submitBackoff, "submitBackoff");
        requirePositive(progressInterval, "progressInterval");
        if (submitAttempts < 1) {
            throw new IllegalArgumentException("submitAttempts must be at least 1, was " + submitAttempts);
        }
        if (maxRunningPerOwner < 0) {
            throw new IllegalArgumentException("maxRunningPerOwner must be at least 0, was " + maxRunningPerOwner);
        }
        Objects.requireNonNull(leaderElection, "leaderElection");
    }

    /**
     * Defaults: claims {@code candela-jobs} (sub path {@code jobs}) and {@code candela-eodata}, image pull
     * timeout 2 min, 5 submit attempts from 200 ms, progress every second, no per-owner limit, no leader
     * election.
     */
    public static Builder builder(String namespace, ProcessImages images, Path serverJobsRoot) {
        return new Builder(namespace, images, serverJobsRoot);
    }

    public Builder toBuilder() {
        Builder builder = new Builder(namespace, images, serverJobsRoot);
        builder.jobDirectoriesClaim = jobDirectoriesClaim;
        builder.jobsSubPath = jobsSubPath;
        builder.eoArchiveClaim = eoArchiveClaim.orElse(null);
        builder.imagePullTimeout = imagePullTimeout;
        builder.submitAttempts = submitAttempts;
        builder.submitBackoff = submitBackoff;
        builder.progressInterval = progressInterval;
        builder.maxRunningPerOwner = maxRunningPerOwner;
        builder.leaderElection = leaderElection.orElse(null);
        return builder;
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration);
        }
    }

    /**
     * The Lease of several server replicas.
     *
     * @param leaseName     the Lease object ({@code candela-launcher})
     * @param identity      this replica's name, unique among replicas (the pod name)
     * @param leaseDuration how long a leader that stopped renewing keeps the lease
     * @param renewDeadline how long the leader retries renewing before it steps down
     * @param retryPeriod   how often candidates try to acquire
     */
    public record LeaderElection(String leaseName, String identity, Duration leaseDuration,
                                 Duration renewDeadline, Duration retryPeriod) {
        public LeaderElection {
            Objects.requireNonNull(leaseName, "leaseName");
            Objects.requireNonNull(identity, "identity");
            requirePositive(leaseDuration, "leaseDuration");
            requirePositive(renewDeadline, "renewDeadline");
            requirePositive(retryPeriod, "retryPeriod");
            if (renewDeadline.compareTo(leaseDuration) >= 0) {
                throw new IllegalArgumentException("renewDeadline must be shorter than leaseDuration");
            }
        }

        /** Kubernetes' own controllers' timings: 15 s lease, 10 s renew deadline, 2 s retry. */
        public static LeaderElection of(String leaseName, String identity) {
            return new LeaderElection(leaseName, identity, Duration.ofSeconds(15), Duration.ofSeconds(10),
                    Duration.ofSeconds(2));
        }
    }

    /** Builds a {@link KubernetesLauncherConfig}; setters return the builder. */
    public static final class Builder {
        private final String namespace;
        private ProcessImages images;
        private final Path serverJobsRoot;
        private String jobDirectoriesClaim = "candela-jobs";
        private String jobsSubPath = "jobs";
        private String eoArchiveClaim = "candela-eodata";
        private Duration imagePullTimeout = Duration.ofMinutes(2);
        private int submitAttempts = 5;
        private Duration submitBackoff = Duration.ofMillis(200);
        private Duration progressInterval = Duration.ofSeconds(1);
        private int maxRunningPerOwner;
        private LeaderElection leaderElection;

        private Builder(String namespace, ProcessImages images, Path serverJobsRoot) {
            this.namespace = namespace;
            this.images = images;
            this.serverJobsRoot = serverJobsRoot;
        }

        public Builder images(ProcessImages table) {
            this.images = table;
            return this;
        }

        public Builder jobDirectoriesClaim(String claim) {
            this.jobDirectoriesClaim = claim;
            return this;
        }

        public Builder jobsSubPath(String subPath) {
            this.jobsSubPath = subPath;
            return this;
        }

        /** Null for no EO archive volume. */
        public Builder eoArchiveClaim(String claim) {
            this.eoArchiveClaim = claim;
            return this;
        }

        public Builder imagePullTimeout(Duration timeout) {
            this.imagePullTimeout = timeout;
            return this;
        }

        public Builder submitAttempts(int attempts) {
            this.submitAttempts = attempts;
            return this;
        }

        public Builder submitBackoff(Duration backoff) {
            this.submitBackoff = backoff;
            return this;
        }

        public Builder progressInterval(Duration interval) {
            this.progressInterval = interval;
            return this;
        }

        public Builder maxRunningPerOwner(int max) {
            this.maxRunningPerOwner = max;
            return this;
        }

        /** Null for a single replica. */
        public Builder leaderElection(LeaderElection election) {
            this.leaderElection = election;
            return this;
        }

        public KubernetesLauncherConfig build() {
            return new KubernetesLauncherConfig(namespace, images, serverJobsRoot, jobDirectoriesClaim, jobsSubPath,
                    Optional.ofNullable(eoArchiveClaim), imagePullTimeout, submitAttempts, submitBackoff,
                    progressInterval, maxRunningPerOwner, Optional.ofNullable(leaderElection));
        }
    }
}
