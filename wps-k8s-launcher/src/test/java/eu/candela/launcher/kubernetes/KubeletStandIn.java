package eu.candela.launcher.kubernetes;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TEST STAND-IN for the parts of Kubernetes that run a Job: it plays the Job controller and the kubelet
 * against fabric8's mock API server in CRUD mode, where nothing of Kubernetes runs (no scheduler, no
 * controllers, no containers, no garbage collector). It watches the namespace's Jobs; for each new Job it
 * creates a Pod from the Job's template (labels, owner reference, {@code <job>-xxxxx} name), moves it
 * Pending -> Running -> Succeeded/Failed with container states, and writes the Job's status as the Job
 * controller does ({@code startTime}, {@code active}, {@code ready}, {@code succeeded}/{@code failed},
 * {@code completionTime}, conditions {@code SuccessCriteriaMet}+{@code Complete} or
 * {@code FailureTarget}+{@code Failed} with reason {@code BackoffLimitExceeded} or
 * {@code DeadlineExceeded}), retrying pods up to {@code backoffLimit}.
 *
 * <p>In place of the container it runs a {@link ContainerRunner} on a thread, given the Job and what its
 * container would see ({@link PodView}: args and environment of the Job spec, paths under its volume
 * mounts made local through a directory per claim), or a {@link JobRunner} given only the job directory
 * (the Job's {@code /job} mount sub path under {@code jobsClaimRoot}, the local stand-in of the
 * job-directories PVC). What the runner prints is served as the pod's
 * {@code pods/log}, and on failure becomes the container's termination message
 * ({@code FallbackToLogsOnError}). {@code activeDeadlineSeconds} is honoured: the runner is interrupted.
 * Deleting the Job interrupts the runner and deletes its pods, as the garbage collector would.
 *
 * <p>{@link #failNextWith} and {@link #failWith} make a Job meet what a cluster can do to it instead of
 * running: {@link Fault#OOM_KILLED}, {@link Fault#DEADLINE_EXCEEDED}, {@link Fault#IMAGE_PULL_ERROR} (the
 * pod stays Pending with {@code ErrImagePull}, then {@code ImagePullBackOff}, until the Job is deleted),
 * {@link Fault#EVICTED}.
 *
 * <p>Not simulated: scheduling and resources (every pod runs at once), parallelism/completions other than
 * 1, pod failure policies, suspend, finalizers.
 */
public final class KubeletStandIn implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KubeletStandIn.class);
    private static final String NODE = "kubelet-stand-in";

    /** What the cluster does to a Job instead of running it to its end. */
    public enum Fault {
        /** The container is killed at its memory limit: exit code 137, reason OOMKilled. */
        OOM_KILLED,
        /** The Job runs past its activeDeadlineSeconds at once: pods killed, condition Failed/DeadlineExceeded. */
        DEADLINE_EXCEEDED,
        /** The image cannot be pulled: the pod stays Pending with ErrImagePull / ImagePullBackOff. */
        IMAGE_PULL_ERROR,
        /** The node evicts the running pod (memory pressure): phase Failed, reason Evicted. */
        EVICTED
    }

    private final KubernetesMockServer server;
    private final KubernetesClient client;
    private final String namespace;
    private final Map<String, Path> claimRoots;
    private final ContainerRunner runner;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "kubelet-stand-in");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    private final Queue<Fault> nextFaults = new ConcurrentLinkedQueue<>();
    private final Map<String, Fault> faultsByJobId = new ConcurrentHashMap<>();
    private final AtomicInteger podsCreated = new AtomicInteger();
    private volatile Watch watch;

    /**
     * A stand-in whose runner sees only the job directory: the Job's {@code /job} mount sub path under
     * {@code jobsClaimRoot}, the local stand-in of the job-directories PVC.
     *
     * @param server        the mock API server, to serve pod logs ({@code pods/log} is not CRUD)
     * @param client        a client of that server
     * @param namespace     the namespace whose Jobs to run
     * @param jobsClaimRoot the local directory standing for the job-directories PVC
     * @param runner        what runs in place of each container
     */
    public KubeletStandIn(KubernetesMockServer server, KubernetesClient client, String namespace,
                          Path jobsClaimRoot, JobRunner runner) {
        this(server, client, namespace, Map.of(),
                (job, pod, log) -> runner.run(job, jobDirectoryOf(job, jobsClaimRoot), log));
    }

    /**
     * A stand-in whose runner sees what the pod would ({@link PodView}): the container's args and
     * environment, paths under its volume mounts made local through {@code claimRoots}.
     *
     * @param claimRoots claim name -> the local directory standing for that persistent volume claim
     */
    public KubeletStandIn(KubernetesMockServer server, KubernetesClient client, String namespace,
                          Map<String, Path> claimRoots, ContainerRunner runner) {
        this.server = server;
        this.client = client;
        this.namespace = namespace;
        this.claimRoots = Map.copyOf(claimRoots);
        this.runner = runner;
    }

    /** Starts watching Jobs; returns once the watch is open, so no Job created afterwards is missed. */
    public KubeletStandIn start() {
        watch = client.batch().v1().jobs().inNamespace(namespace).watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, Job job) {
                String name = job.getMetadata().getName();
                if (action == Action.ADDED && !runs.containsKey(name)) {
                    Run run = new Run(job, faultFor(job));
                    if (runs.putIfAbsent(name, run) == null) {
                        run.future = threads.submit(run);
                    }
                } else if (action == Action.DELETED) {
                    Run run = runs.remove(name);
                    if (run != null) {
                        run.jobDeleted();
                        // never block the client's event loop with API calls
                        threads.execute(run::deletePods);
                    }
                }
            }

            @Override
            public void onClose(WatcherException cause) {
                if (cause != null) {
                    LOG.warn("the stand-in's Job watch closed", cause);
                }
            }
        });
        return this;
    }

    /** The next Job to arrive meets {@code fault} (each call queues one). */
    public void failNextWith(Fault fault) {
        nextFaults.add(fault);
    }

    /** The Job of {@code jobId} meets {@code fault} when it arrives. */
    public void failWith(String jobId, Fault fault) {
        faultsByJobId.put(jobId, fault);
    }

    /** Pods created so far, retries included. */
    public int podsCreated() {
        return podsCreated.get();
    }

    @Override
    public void close() {
        Watch open = watch;
        if (open != null) {
            open.close();
        }
        threads.shutdownNow();
    }

    private Fault faultFor(Job job) {
        String jobId = job.getMetadata().getLabels() == null ? null
                : job.getMetadata().getLabels().get(JobLabels.JOB_ID);
        Fault byId = jobId == null ? null : faultsByJobId.remove(jobId);
        return byId != null ? byId : nextFaults.poll();
    }

    /** The local job directory: the Job's {@code /job} mount sub path under the claim root. */
    private static Path jobDirectoryOf(Job job, Path jobsClaimRoot) {
        for (VolumeMount mount : job.getSpec().getTemplate().getSpec().getContainers().get(0).getVolumeMounts()) {
            if (JobManifests.JOB_DIR_IN_POD.equals(mount.getMountPath())) {
                String subPath = mount.getSubPath() == null ? "" : mount.getSubPath();
                return jobsClaimRoot.resolve(subPath);
            }
        }
        throw new IllegalArgumentException("Job " + job.getMetadata().getName() + " mounts nothing at /job");
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** One Job's course, on its own thread. */
    private final class Run implements Runnable {
        private final Job job;
        private final Fault fault;
        private final String name;
        private final CountDownLatch deleted = new CountDownLatch(1);
        private volatile Future<?> future;
        private volatile Thread runnerThread;

        Run(Job job, Fault fault) {
            this.job = job;
            this.fault = fault;
            this.name = job.getMetadata().getName();
        }

        void jobDeleted() {
            deleted.countDown();
            Thread thread = runnerThread;
            if (thread != null) {
                thread.interrupt();
            }
        }

        /** The garbage collector's part: dependents of a deleted owner go. */
        void deletePods() {
            try {
                client.pods().inNamespace(namespace).withLabel("controller-uid", job.getMetadata().getUid()).delete();
            } catch (KubernetesClientException e) {
                LOG.debug("deleting pods of {}: {}", name, e.toString());
            }
        }

        private boolean isDeleted() {
            return deleted.getCount() == 0;
        }

        @Override
        public void run() {
            try {
                course();
            } catch (KubernetesClientException e) {
                if (!isDeleted()) {
                    LOG.warn("stand-in for Job {} stopped: {}", name, e.toString());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                LOG.error("stand-in for Job {} failed", name, e);
            }
        }

        private void course() throws Exception {
            Instant started = Instant.now();
            int backoffLimit = job.getSpec().getBackoffLimit() == null ? 6 : job.getSpec().getBackoffLimit();
            Long deadline = job.getSpec().getActiveDeadlineSeconds();
            updateJobStatus(status -> {
                status.setStartTime(now());
                status.setActive(1);
                status.setReady(0);
                return status;
            });
            for (int failures = 0; ; ) {
                ByteArrayOutputStream output = new ByteArrayOutputStream();
                String podName = createPod(output);
                if (fault == Fault.IMAGE_PULL_ERROR) {
                    pullFails(podName);
                    return;
                }
                updatePod(podName, "Running", null, running());
                updateJobStatus(status -> {
                    status.setReady(1);
                    return status;
                });
                Ending ending = ending(podName, output, deadline == null ? null
                        : started.plusSeconds(deadline));
                if (ending == null) {
                    return; // the Job was deleted
                }
                if (ending == Ending.DEADLINE) {
                    updatePod(podName, "Failed", null, terminated(143, "Error", null));
                    finishJob(false, "DeadlineExceeded", "Job was active longer than specified deadline", failures + 1);
                    return;
                }
                if (ending.exitCode == 0) {
                    updatePod(podName, "Succeeded", null, terminated(0, "Completed", null));
                    finishJob(true, "CompletionsReached", "Reached expected number of succeeded pods", failures);
                    return;
                }
                failures++;
                int failed = failures;
                if (ending == Ending.EVICTED) {
                    updatePod(podName, "Failed", "Evicted", terminated(137, "ContainerStatusUnknown",
                            "The container could not be located when the pod was terminated"));
                } else {
                    updatePod(podName, "Failed", null, terminated(ending.exitCode, ending.reason,
                            ending.reason.equals("OOMKilled") ? null : tail(output)));
                }
                if (failures > backoffLimit) {
                    finishJob(false, "BackoffLimitExceeded", "Job has reached the specified backoff limit", failed);
                    return;
                }
                updateJobStatus(status -> {
                    status.setFailed(failed);
                    return status;
                });
            }
        }

        /** How the pod's container ends: by the runner, the fault, the deadline; null when deleted. */
        private Ending ending(String podName, ByteArrayOutputStream output, Instant deadline) throws Exception {
            if (fault == Fault.OOM_KILLED) {
                return Ending.exit(137, "OOMKilled");
            }
            if (fault == Fault.EVICTED) {
                return Ending.EVICTED;
            }
            if (fault == Fault.DEADLINE_EXCEEDED) {
                return Ending.DEADLINE;
            }
            Future<Integer> container = threads.submit(() -> {
                runnerThread = Thread.currentThread();
                try (PrintStream log = new PrintStream(output, true, StandardCharsets.UTF_8)) {
                    try {
                        return runner.run(job, new PodView(job, claimRoots), log);
                    } catch (InterruptedException e) {
                        log.println("interrupted");
                        return 143;
                    } catch (Exception e) {
                        log.println(e);
                        return 1;
                    }
                } finally {
                    runnerThread = null;
                }
            });
            try {
                int exitCode = deadline == null ? container.get()
                        : container.get(Math.max(0, deadline.toEpochMilli() - System.currentTimeMillis()),
                        TimeUnit.MILLISECONDS);
                return isDeleted() ? null : Ending.exit(exitCode, exitCode == 0 ? "Completed" : "Error");
            } catch (TimeoutException e) {
                container.cancel(true);
                return isDeleted() ? null : Ending.DEADLINE;
            }
        }

        private void pullFails(String podName) throws InterruptedException {
            String image = job.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
            updatePod(podName, "Pending", null, waiting("ErrImagePull",
                    "failed to pull and unpack image \"" + image + "\": not found"));
            updatePod(podName, "Pending", null, waiting("ImagePullBackOff",
                    "Back-off pulling image \"" + image + "\""));
            deleted.await();
        }

        private String createPod(ByteArrayOutputStream output) {
            String podName = name + "-" + randomSuffix();
            Map<String, String> labels = new java.util.LinkedHashMap<>();
            if (job.getSpec().getTemplate().getMetadata() != null
                    && job.getSpec().getTemplate().getMetadata().getLabels() != null) {
                labels.putAll(job.getSpec().getTemplate().getMetadata().getLabels());
            }
            labels.put("batch.kubernetes.io/job-name", name);
            labels.put("job-name", name);
            labels.put("batch.kubernetes.io/controller-uid", job.getMetadata().getUid());
            labels.put("controller-uid", job.getMetadata().getUid());
            serveLog(podName, output);
            client.pods().inNamespace(namespace).resource(new PodBuilder()
                    .withNewMetadata()
                        .withName(podName)
                        .withNamespace(namespace)
                        .withLabels(labels)
                        .addNewOwnerReference()
                            .withApiVersion("batch/v1").withKind("Job").withName(name)
                            .withUid(job.getMetadata().getUid()).withController(true).withBlockOwnerDeletion(true)
                        .endOwnerReference()
                    .endMetadata()
                    .withSpec(job.getSpec().getTemplate().getSpec())
                    .editSpec().withNodeName(NODE).endSpec()
                    .withStatus(new PodStatusBuilder().withPhase("Pending").build())
                    .build()).create();
            podsCreated.incrementAndGet();
            return podName;
        }

        /**
         * {@code pods/log} is a subresource CRUD mode cannot answer: an expectation serves the output. The
         * mock server keeps expectations in a plain HashMap, so pods created at once (a burst of Jobs) add
         * theirs one at a time.
         */
        private void serveLog(String podName, ByteArrayOutputStream output) {
            String path = "/api/v1/namespaces/" + namespace + "/pods/" + podName + "/log";
            synchronized (server) {
                for (String query : List.of("?pretty=false&container=" + JobManifests.CONTAINER_NAME, "?pretty=false", "")) {
                    server.expect().get().withPath(path + query)
                            .andReply(200, request -> output.toString(StandardCharsets.UTF_8)).always();
                }
            }
        }

        private void updatePod(String podName, String phase, String reason, ContainerStatus container) {
            if (isDeleted()) {
                return;
            }
            boolean ready = "Running".equals(phase);
            List<PodCondition> conditions = new ArrayList<>();
            conditions.add(condition("PodScheduled", true));
            conditions.add(condition("Initialized", true));
            conditions.add(condition("ContainersReady", ready));
            conditions.add(condition("Ready", ready));
            client.pods().inNamespace(namespace).withName(podName).edit(pod -> new PodBuilder(pod)
                    .withStatus(new PodStatusBuilder()
                            .withPhase(phase)
                            .withReason(reason)
                            .withMessage("Evicted".equals(reason)
                                    ? "The node was low on resource: memory. Threshold quantity: 100Mi, available: 51200Ki."
                                    : null)
                            .withHostIP("10.0.0.1")
                            .withPodIP("Evicted".equals(reason) ? null : "10.244.0.7")
                            .withStartTime(pod.getStatus() != null && pod.getStatus().getStartTime() != null
                                    ? pod.getStatus().getStartTime() : now())
                            .withConditions(conditions)
                            .withContainerStatuses(container)
                            .build())
                    .build());
        }

        private void finishJob(boolean succeeded, String reason, String message, int failed) {
            if (isDeleted()) {
                return;
            }
            updateJobStatus(status -> {
                String now = now();
                status.setActive(0);
                status.setReady(0);
                status.setFailed(failed == 0 ? null : failed);
                List<JobCondition> conditions = new ArrayList<>();
                if (succeeded) {
                    status.setSucceeded(1);
                    status.setCompletionTime(now);
                    conditions.add(jobCondition("SuccessCriteriaMet", reason, message, now));
                    conditions.add(jobCondition("Complete", reason, message, now));
                } else {
                    conditions.add(jobCondition("FailureTarget", reason, message, now));
                    conditions.add(jobCondition("Failed", reason, message, now));
                }
                status.setConditions(conditions);
                return status;
            });
        }

        private void updateJobStatus(UnaryOperator<JobStatus> change) {
            if (isDeleted()) {
                return;
            }
            Job current = client.batch().v1().jobs().inNamespace(namespace).withName(name).get();
            if (current == null) {
                return;
            }
            current.setStatus(change.apply(current.getStatus() == null ? new JobStatus() : current.getStatus()));
            client.batch().v1().jobs().inNamespace(namespace).resource(current).updateStatus();
        }

        private ContainerStatus running() {
            return containerStatus(true).withNewState().withNewRunning().withStartedAt(now()).endRunning()
                    .endState().build();
        }

        private ContainerStatus terminated(int exitCode, String reason, String message) {
            return containerStatus(false).withNewState().withNewTerminated()
                    .withExitCode(exitCode).withReason(reason).withMessage(message)
                    .withFinishedAt(now()).endTerminated().endState().build();
        }

        private ContainerStatus waiting(String reason, String message) {
            return containerStatus(false).withNewState().withNewWaiting().withReason(reason).withMessage(message)
                    .endWaiting().endState().build();
        }

        private ContainerStatusBuilder containerStatus(boolean ready) {
            return new ContainerStatusBuilder()
                    .withName(JobManifests.CONTAINER_NAME)
                    .withImage(job.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                    .withReady(ready)
                    .withStarted(ready)
                    .withRestartCount(0);
        }
    }

    /** The last 80 lines / 2048 bytes of the output, as kubelet's FallbackToLogsOnError takes. */
    private static String tail(ByteArrayOutputStream output) {
        String text = output.toString(StandardCharsets.UTF_8).strip();
        String[] lines = text.split("\n");
        String last = String.join("\n", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - 80), lines.length));
        return last.length() <= 2048 ? last : last.substring(last.length() - 2048);
    }

    private static PodCondition condition(String type, boolean status) {
        return new PodConditionBuilder().withType(type).withStatus(status ? "True" : "False")
                .withLastTransitionTime(now()).build();
    }

    private static JobCondition jobCondition(String type, String reason, String message, String now) {
        return new JobConditionBuilder().withType(type).withStatus("True").withReason(reason).withMessage(message)
                .withLastProbeTime(now).withLastTransitionTime(now).build();
    }

    private static String randomSuffix() {
        String alphabet = "bcdfghjklmnpqrstvwxz2456789";
        StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            suffix.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return suffix.toString();
    }

    /** How a container ended. */
    private record Ending(int exitCode, String reason) {
        static final Ending DEADLINE = new Ending(-1, "DeadlineExceeded");
        static final Ending EVICTED = new Ending(137, "Evicted");

        static Ending exit(int exitCode, String reason) {
            return new Ending(exitCode, reason);
        }
    }
}
