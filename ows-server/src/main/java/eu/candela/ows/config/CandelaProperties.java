package eu.candela.ows.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Every setting of the server, bound once at start-up from {@code candela.*} (application.yml,
 * environment, command line). The defaults run the embedded mode: local launcher, H2 job store
 * and sample data in {@code ./data}.
 *
 * @param dataDir   the data directory: job store, job directories, EO data served at /eodata
 * @param publicUrl the base URL clients reach the server at; empty to take it from each request
 * @param launcher  which launcher runs jobs (local worker pool or Kubernetes) and its settings
 * @param wps       WPS front limits
 * @param inputs    the reference policy for Execute inputs
 * @param samples   generation of the bundled sample pair
 * @param demo      the end-to-end demo run at start-up
 * @param maps      map publishing: WMS / WMTS limits, automatic publishing of results, tile cache, preview
 * @param workflows how workflow processes run their steps
 */
@ConfigurationProperties(prefix = "candela")
public record CandelaProperties(@DefaultValue("./data") Path dataDir,
                                @DefaultValue("") String publicUrl,
                                @DefaultValue Launcher launcher,
                                @DefaultValue Wps wps,
                                @DefaultValue Inputs inputs,
                                @DefaultValue Samples samples,
                                @DefaultValue Demo demo,
                                @DefaultValue Maps maps,
                                @DefaultValue Workflows workflows) {

    public CandelaProperties {
        dataDir = dataDir.toAbsolutePath().normalize();
        launcher = launcher.withImagesTableIn(dataDir);
    }

    public Path jobsDir() { return dataDir.resolve("jobs"); }

    public Path eodataDir() { return dataDir.resolve("eodata"); }

    /** Where the layer catalogue lives: workspaces, stores, layers, styles (GeoServer's data directory layout). */
    public Path catalogDir() { return dataDir; }

    /** The WMTS disk tile cache. */
    public Path tileCacheDir() { return dataDir.resolve("gwc"); }

    /**
     * Which launcher runs the jobs, and its settings.
     *
     * @param type             {@code local} (the embedded default: a worker pool in the server) or {@code kubernetes}
     * @param workers          local: jobs run at once
     * @param queueLength      local: jobs waiting beyond those running; a full queue answers ServerBusy
     * @param progressInterval how often {@code status.json} of running jobs is read for progress
     * @param kubernetes       the Kubernetes launcher's settings, read only when {@code type} is {@code kubernetes}
     */
    public record Launcher(@DefaultValue("local") LauncherType type,
                           @DefaultValue("2") int workers, @DefaultValue("16") int queueLength,
                           @DefaultValue("500ms") Duration progressInterval,
                           @DefaultValue Kubernetes kubernetes) {
        public Launcher {
            if (workers < 1) throw new IllegalArgumentException("candela.launcher.workers must be at least 1: " + workers);
            if (queueLength < 0) throw new IllegalArgumentException("candela.launcher.queue-length must be >= 0: " + queueLength);
        }

        /** The same settings with the images table resolved against the data directory (its default when unset). */
        Launcher withImagesTableIn(Path dataDir) {
            Path table = kubernetes.imagesTable() == null ? dataDir.resolve("processes").resolve("images.yaml")
                    : dataDir.resolve(kubernetes.imagesTable()).normalize();
            return new Launcher(type, workers, queueLength, progressInterval, kubernetes.withImagesTable(table));
        }
    }

    /**
     * Workflows: processes made of steps of other processes. The server runs a workflow's own code on
     * one of {@code maxRunning} threads of its own and each step as a job through the configured
     * launcher (so a Kubernetes Job per step, counted against the owner's running-job limit).
     *
     * @param maxConcurrentSteps        steps of one workflow running at once; caps what the workflow asks for
     * @param maxConcurrentStepsOverall steps of all workflows running at once
     * @param maxRunning                workflows running at once; beyond, Execute answers ServerBusy
     * @param busyRetry                 wait before submitting again a step the launcher refused while none of the workflow's steps runs
     * @param busyTimeout               how long a workflow with no step running waits for the launcher to take one before it fails
     * @param cancelGrace               how long a dismissed workflow waits for its steps to confirm they stopped
     * @param claimTimeout              after a restart a workflow is resumed once no replica renewed its claim for this long
     */
    public record Workflows(@DefaultValue("4") int maxConcurrentSteps,
                            @DefaultValue("16") int maxConcurrentStepsOverall,
                            @DefaultValue("8") int maxRunning,
                            @DefaultValue("1s") Duration busyRetry,
                            @DefaultValue("10m") Duration busyTimeout,
                            @DefaultValue("30s") Duration cancelGrace,
                            @DefaultValue("30s") Duration claimTimeout) {
    }

    /** {@code candela.launcher.type}. */
    public enum LauncherType { LOCAL, KUBERNETES }

    /**
     * The Kubernetes launcher: every execution becomes a batch/v1 Job in {@code namespace}.
     *
     * @param namespace             where Jobs, pods and the leader-election Lease live
     * @param masterUrl             the API server; empty for the in-cluster service account (or ~/.kube/config)
     * @param jobsClaim             the PVC holding job directories, mounted read-write in each Job at a sub-path per job;
     *                              the server mounts the claim's {@code jobsSubPath} at {@code data-dir/jobs}
     * @param jobsSubPath           the folder of the job directories inside {@code jobsClaim}
     * @param eodataClaim           the PVC of the EO data archive, mounted read-only in each Job; empty for none
     * @param imagesTable           the process-to-image table, relative to the data directory or absolute;
     *                              default {@code data-dir/processes/images.yaml}
     * @param imagePullWait         how long a pod may fail to pull its image before the job fails: a typo never heals
     * @param apiRetry              tries of an API server call that fails before the job fails with the reason
     * @param maxRunningJobsPerUser Jobs one owner may have active at once; beyond, Execute answers ServerBusy
     * @param leaderElection        with several server replicas, the Lease that picks the one that reconciles
     */
    public record Kubernetes(@DefaultValue("candela") String namespace,
                             @DefaultValue("") String masterUrl,
                             @DefaultValue("candela-jobs") String jobsClaim,
                             @DefaultValue("jobs") String jobsSubPath,
                             @DefaultValue("candela-eodata") String eodataClaim,
                             Path imagesTable,
                             @DefaultValue("2m") Duration imagePullWait,
                             @DefaultValue ApiRetry apiRetry,
                             @DefaultValue("8") int maxRunningJobsPerUser,
                             @DefaultValue LeaderElection leaderElection) {
        public Kubernetes {
            requireName("candela.launcher.kubernetes.namespace", namespace);
            requireName("candela.launcher.kubernetes.jobs-claim", jobsClaim);
            if (!eodataClaim.isEmpty()) requireName("candela.launcher.kubernetes.eodata-claim", eodataClaim);
            if (jobsSubPath.isBlank() || jobsSubPath.startsWith("/") || jobsSubPath.contains("..")) {
                throw new IllegalArgumentException("candela.launcher.kubernetes.jobs-sub-path must be a relative folder: " + jobsSubPath);
            }
            if (!masterUrl.isEmpty() && !masterUrl.startsWith("https://") && !masterUrl.startsWith("http://")) {
                throw new IllegalArgumentException("candela.launcher.kubernetes.master-url must be an http(s) URL or empty: " + masterUrl);
            }
            if (imagePullWait.isNegative() || imagePullWait.isZero()) {
                throw new IllegalArgumentException("candela.launcher.kubernetes.image-pull-wait must be positive: " + imagePullWait);
            }
            if (maxRunningJobsPerUser < 1) {
                throw new IllegalArgumentException("candela.launcher.kubernetes.max-running-jobs-per-user must be at least 1: " + maxRunningJobsPerUser);
            }
        }

        Kubernetes withImagesTable(Path table) {
            return new Kubernetes(namespace, masterUrl, jobsClaim, jobsSubPath, eodataClaim, table, imagePullWait, apiRetry,
                    maxRunningJobsPerUser, leaderElection);
        }

        /** DNS-1123 label, as Kubernetes requires of namespaces and claim names. */
        private static void requireName(String key, String value) {
            if (value == null || !value.matches("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?")) {
                throw new IllegalArgumentException(key + " must be a DNS-1123 label (lower-case letters, digits, '-'): " + value);
            }
        }
    }

    /**
     * Tries of a failed API server call (creating a Job): {@code attempts} in all, the wait doubling
     * from {@code initialBackoff}; then the job fails with the API server's reason.
     */
    public record ApiRetry(@DefaultValue("5") int attempts, @DefaultValue("200ms") Duration initialBackoff) {
        public ApiRetry {
            if (attempts < 1) throw new IllegalArgumentException("candela.launcher.kubernetes.api-retry.attempts must be at least 1: " + attempts);
            if (initialBackoff.isNegative() || initialBackoff.isZero()) {
                throw new IllegalArgumentException("candela.launcher.kubernetes.api-retry.initial-backoff must be positive: " + initialBackoff);
            }
        }
    }

    /**
     * @param enabled   true with several server replicas: only the holder of the Lease reconciles
     * @param leaseName the Lease object
     * @param identity  this replica's name among the candidates (the pod name, {@code HOSTNAME} in a pod)
     */
    public record LeaderElection(@DefaultValue("false") boolean enabled,
                                 @DefaultValue("candela-launcher") String leaseName,
                                 @DefaultValue("candela") String identity) {
        public LeaderElection {
            if (enabled && (leaseName.isBlank() || identity.isBlank())) {
                throw new IllegalArgumentException("candela.launcher.kubernetes.leader-election needs a lease-name and an identity");
            }
        }
    }

    public record Wps(@DefaultValue("1h") Duration syncTimeout,
                      @DefaultValue("256MB") DataSize maxRequestSize,
                      @DefaultValue("64MB") DataSize maxInlineOutputSize) {
        public Wps {
            if (maxRequestSize.toBytes() < 1024) throw new IllegalArgumentException("candela.wps.max-request-size is too small: " + maxRequestSize);
        }
    }

    public record Inputs(@DefaultValue({"http", "https"}) List<String> allowedSchemes,
                         @DefaultValue({}) List<String> allowedHosts,
                         @DefaultValue("false") boolean allowPrivateNetworks,
                         @DefaultValue("2GB") DataSize maxSize,
                         @DefaultValue("30s") Duration timeout,
                         @DefaultValue("3") int maxRedirects,
                         @DefaultValue("false") boolean onlyAllowedHosts) {}

    public record Samples(@DefaultValue("true") boolean generate, @DefaultValue("512") int size,
                          @DefaultValue("20170419") long seed) {}

    public record Demo(@DefaultValue("false") boolean enabled, @DefaultValue("false") boolean exitAfter) {}

    /**
     * @param maxWidth         largest WMS GetMap / GetLegendGraphic width in pixels
     * @param maxHeight        largest height in pixels
     * @param publishResults   publish every GeoTIFF output of a successful job as a layer
     * @param resultsWorkspace the workspace results are published in
     * @param tileCache        keep rendered WMTS tiles on disk under {@code data-dir/gwc}
     * @param maxUploadSize    largest GeoTIFF accepted by a REST upload
     * @param blockCacheSize   memory for decoded raster blocks shared by all maps
     * @param basemapUrl       XYZ tile URL template of the layer preview's base map; empty for none
     * @param basemapAttribution attribution shown for the base map
     */
    public record Maps(@DefaultValue("8192") int maxWidth,
                       @DefaultValue("8192") int maxHeight,
                       @DefaultValue("true") boolean publishResults,
                       @DefaultValue("results") String resultsWorkspace,
                       @DefaultValue("true") boolean tileCache,
                       @DefaultValue("4GB") DataSize maxUploadSize,
                       @DefaultValue("256MB") DataSize blockCacheSize,
                       @DefaultValue("https://tile.openstreetmap.org/{z}/{x}/{y}.png") String basemapUrl,
                       @DefaultValue("&copy; OpenStreetMap contributors") String basemapAttribution) {
        public Maps {
            if (maxWidth < 1 || maxHeight < 1) {
                throw new IllegalArgumentException("candela.maps.max-width and max-height must be at least 1: " + maxWidth + "x" + maxHeight);
            }
        }
    }
}
