package eu.candela.launcher.kubernetes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import eu.candela.launcher.internal.StatusFileReader;
import eu.candela.launcher.internal.StatusSnapshot;
import eu.candela.launcher.kubernetes.JobObservation.Phase;
import eu.candela.launcher.spi.JobListener;
import eu.candela.launcher.spi.JobSpec;
import eu.candela.launcher.spi.Launcher;
import eu.candela.launcher.spi.LauncherBusyException;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each job as a Kubernetes batch/v1 Job ({@link JobManifests}) and follows all of them through ONE
 * shared informer on Candela Jobs and one on their pods (label {@code app.kubernetes.io/name=candela}), not
 * a poll per job. Progress comes from each job's {@code status.json}, which the server reads through the
 * shared job-directories volume; the end from the Job's {@code Complete}/{@code Failed} condition, with the
 * reason read off the pods ({@link JobObservation}).
 *
 * <p>Restarts lose nothing: Jobs live in the cluster, so a new launcher lists them and re-attaches the
 * server's listeners ({@link #reattach}, or the {@link JobReattacher} it asks at start). With several server
 * replicas a Lease picks the one that reconciles. Listener calls are idempotent per launcher (one
 * {@code started}, progress only when it changed, exactly one terminal call); across replicas that follow
 * the same job the server's own state machine must tolerate a repeat.
 *
 * <p>Threads: the informers' event thread only reads the caches and {@code status.json} and decides;
 * every listener call is queued to {@link ListenerDelivery} (in order per job, jobs in parallel), so a
 * slow listener (a job store write) never holds up the informer; API calls (create with retries,
 * delete, pod log) run on a small worker pool; one ticker reads {@code status.json} and times image
 * pull errors.
 */
public final class KubernetesLauncher implements Launcher {
    private static final Logger LOG = LoggerFactory.getLogger(KubernetesLauncher.class);
    private static final String BY_JOB_ID = "candela-job-id";
    /** Threads for listener calls: a few, because each is a job store write that may wait on a lock. */
    private static final int LISTENER_THREADS = 4;
    private static final long CLOSE_GRACE_MILLIS = 2000;
    /** How long a failed Job waits for its pods' end to reach the pod cache, for the reason they carry. */
    private static final Duration POD_REASONS_WAIT = Duration.ofSeconds(5);

    private final KubernetesClient client;
    private final KubernetesLauncherConfig config;
    private final JobReattacher reattacher;
    private final JobManifests manifests;
    private final JobApi jobs;
    private final StatusFileReader statusReader = new StatusFileReader();
    private final Map<String, TrackedJob> tracked = new ConcurrentHashMap<>();
    private final ExecutorService workers;
    private final ListenerDelivery delivery = new ListenerDelivery(LISTENER_THREADS);
    private final ScheduledExecutorService ticker;
    private final Clock clock;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean leader = new AtomicBoolean();
    private final SharedIndexInformer<Job> jobInformer;
    private final SharedIndexInformer<Pod> podInformer;
    private volatile CompletableFuture<?> election;
    private final Object reconciliationLock = new Object();
    private Runnable serverReconciliation; // guarded by reconciliationLock
    private long leadTerm; // guarded by reconciliationLock: how many times this replica took the lead
    private long reconciledTerm; // guarded by reconciliationLock

    private KubernetesLauncher(KubernetesClient client, KubernetesLauncherConfig config, JobReattacher reattacher,
                               Clock clock) {
        this.client = client;
        this.config = config;
        this.reattacher = reattacher;
        this.clock = clock;
        this.manifests = new JobManifests(config);
        this.jobs = new JobApi(client, config);
        this.workers = Executors.newFixedThreadPool(2, daemon("candela-k8s-worker"));
        this.ticker = Executors.newSingleThreadScheduledExecutor(daemon("candela-k8s-ticker"));
        this.jobInformer = client.batch().v1().jobs().inNamespace(config.namespace())
                .withLabel(JobLabels.APP, JobLabels.APP_VALUE).runnableInformer(0);
        this.podInformer = client.pods().inNamespace(config.namespace())
                .withLabel(JobLabels.APP, JobLabels.APP_VALUE).runnableInformer(0);
    }

    /**
     * Starts the informers, waits until their caches hold the cluster's Candela Jobs and pods, then
     * reconciles: at once for a single replica, when it wins the Lease with leader election.
     *
     * @param reattacher asked for each Job found at reconciliation; {@link JobReattacher#none()} for none
     * @throws KubernetesClientException when the API server cannot be reached at start
     */
    public static KubernetesLauncher start(KubernetesClient client, KubernetesLauncherConfig config,
                                           JobReattacher reattacher) {
        KubernetesLauncher launcher = new KubernetesLauncher(client, config, reattacher, Clock.systemUTC());
        launcher.startFollowing();
        return launcher;
    }

    /** {@link #start(KubernetesClient, KubernetesLauncherConfig, JobReattacher)} with no reattacher. */
    public static KubernetesLauncher start(KubernetesClient client, KubernetesLauncherConfig config) {
        return start(client, config, JobReattacher.none());
    }

    private void startFollowing() {
        jobInformer.addIndexers(Map.of(BY_JOB_ID, job -> List.of(jobIdOf(job.getMetadata().getLabels()))));
        podInformer.addIndexers(Map.of(BY_JOB_ID, pod -> List.of(jobIdOf(pod.getMetadata().getLabels()))));
        jobInformer.addEventHandler(new Handler<>(job -> evaluate(jobIdOf(job.getMetadata().getLabels())),
                this::jobDeleted));
        podInformer.addEventHandler(new Handler<>(pod -> evaluate(jobIdOf(pod.getMetadata().getLabels())),
                pod -> evaluate(jobIdOf(pod.getMetadata().getLabels()))));
        try {
            jobInformer.start().toCompletableFuture().get(60, TimeUnit.SECONDS);
            podInformer.start().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            close();
            throw new KubernetesClientException("cannot list Candela Jobs in namespace " + config.namespace()
                    + ": " + JobApi.rootMessage(e), e instanceof RuntimeException ? e : new RuntimeException(e));
        }
        // fabric8 informers can stop for good (expired resource version, lost rights): say so loudly
        jobInformer.stopped().whenComplete((ignored, error) -> informerStopped("Job", error));
        podInformer.stopped().whenComplete((ignored, error) -> informerStopped("pod", error));
        long tick = config.progressInterval().toMillis();
        ticker.scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.MILLISECONDS);
        if (config.leaderElection().isPresent()) {
            election = new Leadership(client, config, this::becameLeader, () -> leader.set(false)).start();
        } else {
            becameLeader();
        }
    }

    @Override
    public void submit(JobSpec spec, JobListener listener) throws LauncherBusyException {
        if (closed.get()) {
            throw new LauncherBusyException("server busy: the launcher is shutting down, try again later");
        }
        if (config.maxRunningPerOwner() > 0) {
            long running = activeCountOf(spec.owner());
            if (running >= config.maxRunningPerOwner()) {
                throw new LauncherBusyException("you have " + running + " jobs running, the limit is "
                        + config.maxRunningPerOwner() + ": wait for one to finish");
            }
        }
        Job job;
        try {
            job = manifests.build(spec);
        } catch (IllegalArgumentException e) {
            TrackedJob refused = new TrackedJob(spec.jobId(), spec.owner(), spec.jobDirectory(), listener, delivery, false);
            workers.execute(() -> refused.failed("cannot run on Kubernetes: " + e.getMessage()));
            return;
        }
        TrackedJob trackedJob = new TrackedJob(spec.jobId(), spec.owner(), spec.jobDirectory(), listener, delivery, false);
        if (tracked.putIfAbsent(spec.jobId(), trackedJob) != null) {
            throw new IllegalStateException("job " + spec.jobId() + " was already submitted");
        }
        workers.execute(() -> create(trackedJob, job));
    }

    private void create(TrackedJob trackedJob, Job job) {
        JobApi.Created created = jobs.create(job, closed::get);
        if (created.ok()) {
            created(trackedJob);
            return;
        }
        tracked.remove(trackedJob.jobId, trackedJob);
        if (trackedJob.isCancelRequested()) {
            trackedJob.cancelled(); // nothing was created, so nothing is left to delete
        } else {
            trackedJob.failed(created.failure());
        }
    }

    private void created(TrackedJob trackedJob) {
        trackedJob.markCreated();
        if (trackedJob.isCancelRequested()) {
            deleteJob(trackedJob);
        } else {
            evaluate(trackedJob.jobId);
        }
    }

    @Override
    public boolean cancel(String jobId) {
        TrackedJob trackedJob = tracked.get(jobId);
        if (trackedJob == null || trackedJob.isEnded()) {
            return false;
        }
        if (trackedJob.requestCancel() && trackedJob.isCreated()) {
            workers.execute(() -> deleteJob(trackedJob));
        }
        return true;
    }

    /** Deletes the Job and its pods; cancelled once the API server accepted, else the ticker tries again. */
    private void deleteJob(TrackedJob trackedJob) {
        try {
            jobs.delete(trackedJob.jobId);
        } catch (KubernetesClientException e) {
            LOG.warn("cannot delete the Job of {} yet: {}", trackedJob.jobId, JobApi.rootMessage(e));
            return;
        }
        if (tracked.remove(trackedJob.jobId, trackedJob)) {
            trackedJob.cancelled();
        }
    }

    /**
     * Follows a job submitted before this launcher started (by an earlier server process or another
     * replica); the job directory is read off the Job's volume sub path. A Job that ended while no
     * launcher watched ends at once, with its real outcome (a failure keeps its reason). A Job already
     * followed keeps its listener.
     *
     * @return true when the Job exists in the cluster, so the listener will hear its end; false when it is
     *         gone (deleted, or removed by {@code ttlSecondsAfterFinished}): the listener hears nothing and
     *         the caller settles the job from its directory ({@code result.json})
     */
    @Override
    public boolean reattach(String jobId, JobListener listener) {
        Optional<Job> job = cachedJob(jobId).or(() -> jobs.fetch(jobId));
        if (job.isEmpty()) {
            return false;
        }
        Path directory = job.flatMap(this::jobDirectoryOf).orElse(config.serverJobsRoot().resolve(jobId));
        TrackedJob trackedJob = new TrackedJob(jobId, ownerOf(job), directory, listener, delivery, true);
        TrackedJob previous = tracked.putIfAbsent(jobId, trackedJob);
        if (previous == null) {
            LOG.info("re-attached to the Job of {}", jobId);
            evaluate(jobId);
        }
        return true;
    }

    /**
     * The Candela jobs the cluster runs now, by the informer cache: Jobs not yet complete or failed, plus
     * the ones this launcher is still creating. With several replicas: all of them, not only this one's.
     */
    @Override
    public Set<String> activeJobs() {
        Set<String> active = new HashSet<>();
        for (Job job : jobInformer.getStore().list()) {
            if (!JobObservation.isFinished(job) && job.getMetadata().getDeletionTimestamp() == null) {
                active.add(jobIdOf(job.getMetadata().getLabels()));
            }
        }
        tracked.values().stream().filter(t -> !t.isCreated() && !t.isEnded()).forEach(t -> active.add(t.jobId));
        return active;
    }

    /** False once closed or when either informer stopped watching (see {@code stopped()} in the log). */
    @Override
    public boolean isHealthy() {
        return !closed.get() && jobInformer.isWatching() && podInformer.isWatching();
    }

    /** True while this replica holds the Lease, or always without leader election. */
    public boolean isLeader() {
        return leader.get();
    }

    /**
     * Stops following jobs and releases the Lease. Unlike a local launcher's close it leaves the Jobs
     * running: they belong to the cluster, and the next launcher re-attaches to them.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        CompletableFuture<?> running = election;
        if (running != null) {
            running.cancel(true); // releases the Lease (releaseOnCancel)
        }
        jobInformer.stop();
        podInformer.stop();
        ticker.shutdownNow();
        workers.shutdownNow();
        delivery.close(CLOSE_GRACE_MILLIS);
    }

    // --- following ---

    /**
     * Reads the caches for one job and passes on what changed. Idempotent, any thread; serialized per job
     * so that a listener never hears {@code progress} before the {@code started} another thread is passing on.
     */
    private void evaluate(String jobId) {
        TrackedJob trackedJob = jobId == null ? null : tracked.get(jobId);
        if (trackedJob == null) {
            return;
        }
        synchronized (trackedJob) {
            if (trackedJob.isEnded() || !trackedJob.isCreated()) {
                return;
            }
            Optional<Job> job = cachedJob(jobId);
            if (job.isEmpty()) {
                return; // not in the cache yet, or deleted: jobDeleted decides
            }
            List<Pod> pods = podInformer.getIndexer().byIndex(BY_JOB_ID, jobId);
            Optional<StatusSnapshot> status = statusReader.read(trackedJob.jobDirectory);
            JobObservation seen = JobObservation.of(job.get(), pods,
                    status.map(StatusSnapshot::message).orElse(null));
            if (seen.phase() != Phase.PENDING) {
                trackedJob.started();
            }
            switch (seen.phase()) {
                case SUCCEEDED -> finish(trackedJob, pods, null);
                case FAILED -> {
                    // the ticker evaluates again: by then the pod cache has the pods' reasons, or the wait is over
                    if (!trackedJob.awaitingPodsOfFailure(seen.podsEnded(), clock.instant(), POD_REASONS_WAIT)) {
                        finish(trackedJob, pods, seen.failure());
                    }
                }
                case RUNNING, PENDING -> {
                    status.ifPresent(s -> trackedJob.progress(s.percentCompleted(), s.message()));
                    checkImagePull(trackedJob, seen);
                }
            }
        }
    }

    private void checkImagePull(TrackedJob trackedJob, JobObservation seen) {
        Instant now = clock.instant();
        Instant since = trackedJob.pullProblemSince(seen.pullProblem().isPresent(), now);
        if (since != null && Duration.between(since, now).compareTo(config.imagePullTimeout()) >= 0
                && trackedJob.claimEnd()) {
            String reason = seen.pullProblem().get() + " for " + readable(config.imagePullTimeout());
            workers.execute(() -> {
                jobs.deleteQuietly(trackedJob.jobId);
                tracked.remove(trackedJob.jobId, trackedJob);
                trackedJob.deliver(listener -> listener.failed(trackedJob.jobId, reason));
            });
        }
    }

    /** Copies the pod log into {@code job.log}, then makes the terminal call; null failure = success. */
    private void finish(TrackedJob trackedJob, List<Pod> pods, String failure) {
        if (!trackedJob.claimEnd()) {
            return;
        }
        workers.execute(() -> {
            new PodLogCopier(client, config.namespace()).append(pods, trackedJob.jobDirectory.resolve("job.log"));
            tracked.remove(trackedJob.jobId, trackedJob);
            if (failure != null) {
                trackedJob.deliver(listener -> listener.failed(trackedJob.jobId, failure));
            } else if (Files.exists(trackedJob.jobDirectory.resolve("result.json"))) {
                trackedJob.deliver(listener -> listener.succeeded(trackedJob.jobId));
            } else {
                trackedJob.deliver(listener -> listener.failed(trackedJob.jobId,
                        "the process ended without writing result.json"));
            }
        });
    }

    private void jobDeleted(Job job) {
        String jobId = jobIdOf(job.getMetadata().getLabels());
        TrackedJob trackedJob = jobId == null ? null : tracked.get(jobId);
        if (trackedJob == null || trackedJob.isEnded() || trackedJob.isCancelRequested()) {
            return;
        }
        if (JobObservation.isFinished(job)) {
            evaluate(jobId); // deleted right after it ended (a short TTL): the last state still counts
            return;
        }
        if (tracked.remove(jobId, trackedJob)) {
            trackedJob.failed("the job's Kubernetes Job was deleted before it finished");
        }
    }

    /** Progress and image pull deadlines of every followed job; retries pending cancellations. */
    private void tick() {
        try {
            for (TrackedJob trackedJob : tracked.values()) {
                if (trackedJob.isCancelRequested() && trackedJob.isCreated()) {
                    deleteJob(trackedJob);
                } else {
                    evaluate(trackedJob.jobId);
                }
            }
        } catch (RuntimeException e) {
            LOG.error("following Kubernetes jobs failed", e); // the next tick tries again
        }
    }

    private void becameLeader() {
        synchronized (reconciliationLock) {
            leadTerm++;
        }
        leader.set(true);
        reconcile();
        if (config.leaderElection().isPresent()) {
            workers.execute(this::runServerReconciliation); // not on the elector's thread
        } else {
            runServerReconciliation();
        }
    }

    /**
     * Runs {@code reconciliation} now if this replica leads (always, without leader election), and
     * again each time it takes the Lease; once per lead.
     */
    @Override
    public void whenReconciling(Runnable reconciliation) {
        synchronized (reconciliationLock) {
            serverReconciliation = reconciliation;
        }
        if (leader.get()) {
            runServerReconciliation();
        }
    }

    private void runServerReconciliation() {
        synchronized (reconciliationLock) {
            if (serverReconciliation == null || reconciledTerm == leadTerm || !leader.get() || closed.get()) {
                return;
            }
            reconciledTerm = leadTerm;
            try {
                serverReconciliation.run();
            } catch (RuntimeException e) {
                LOG.error("the server's reconciliation of its open jobs failed", e);
            }
        }
    }

    /** Re-attaches the server's listeners to the Candela Jobs this launcher does not follow yet. */
    private void reconcile() {
        for (Job job : jobInformer.getStore().list()) {
            String jobId = jobIdOf(job.getMetadata().getLabels());
            if (jobId == null || tracked.containsKey(jobId)) {
                continue;
            }
            try {
                reattacher.listenerFor(jobId).ifPresent(listener -> reattach(jobId, listener));
            } catch (RuntimeException e) {
                LOG.error("re-attaching job {} failed", jobId, e);
            }
        }
    }

    // --- helpers ---

    private long activeCountOf(String owner) {
        String label = JobLabels.labelValue(owner);
        Set<String> active = activeJobs();
        long inCluster = jobInformer.getStore().list().stream()
                .filter(job -> label.equals(job.getMetadata().getLabels().get(JobLabels.OWNER)))
                .filter(job -> active.contains(jobIdOf(job.getMetadata().getLabels())))
                .count();
        long beingCreated = tracked.values().stream()
                .filter(t -> !t.isCreated() && !t.isEnded() && owner.equals(t.owner)).count();
        return inCluster + beingCreated;
    }

    private Optional<Job> cachedJob(String jobId) {
        List<Job> jobs = jobInformer.getIndexer().byIndex(BY_JOB_ID, jobId);
        return jobs.isEmpty() ? Optional.empty() : Optional.of(jobs.get(0));
    }

    /** The server-side job directory of a Job: its {@code /job} mount's sub path under the jobs root. */
    private Optional<Path> jobDirectoryOf(Job job) {
        String prefix = config.jobsSubPath().isEmpty() ? "" : config.jobsSubPath() + "/";
        return job.getSpec().getTemplate().getSpec().getContainers().stream()
                .flatMap(c -> c.getVolumeMounts().stream())
                .filter(m -> JobManifests.JOB_DIR_IN_POD.equals(m.getMountPath()) && m.getSubPath() != null)
                .map(m -> m.getSubPath())
                .filter(subPath -> subPath.startsWith(prefix))
                .map(subPath -> config.serverJobsRoot().resolve(subPath.substring(prefix.length())).normalize())
                .filter(path -> path.startsWith(config.serverJobsRoot()))
                .findFirst();
    }

    private static String ownerOf(Optional<Job> job) {
        return job.map(j -> j.getMetadata().getAnnotations())
                .map(annotations -> annotations.get(JobLabels.OWNER_ANNOTATION))
                .orElse("");
    }

    private void informerStopped(String kind, Throwable error) {
        if (!closed.get()) {
            LOG.error("the {} informer stopped: the launcher no longer follows its jobs", kind, error);
        }
    }

    private static String jobIdOf(Map<String, String> labels) {
        return labels == null ? null : labels.get(JobLabels.JOB_ID);
    }

    private static String readable(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Passes adds and updates to one action and deletes to another. */
    private record Handler<T>(java.util.function.Consumer<T> changed, java.util.function.Consumer<T> deleted)
            implements ResourceEventHandler<T> {
        @Override
        public void onAdd(T item) {
            changed.accept(item);
        }

        @Override
        public void onUpdate(T oldItem, T newItem) {
            changed.accept(newItem);
        }

        @Override
        public void onDelete(T item, boolean deletedFinalStateUnknown) {
            deleted.accept(item);
        }
    }
}
