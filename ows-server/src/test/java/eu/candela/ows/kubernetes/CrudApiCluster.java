package eu.candela.ows.kubernetes;

import eu.candela.launcher.kubernetes.KubeletStandIn;
import eu.candela.launcher.kubernetes.PodView;
import eu.candela.wps.cli.ProcessRunner;
import eu.candela.wps.jobdir.EoArchive;
import eu.candela.wps.spi.ProcessRegistry;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * NOT a cluster: fabric8's mock API server in CRUD mode (plus expectations for {@code pods/log})
 * and the {@code KubeletStandIn} playing the Job controller and the kubelet. In place of each
 * container the stand-in runs the REAL process in-process with {@link ProcessRunner} the way the
 * processing image's entry point would in the pod: {@code run <process-id> /job} with {@code /job}
 * and the archive ({@code CANDELA_EODATA=/eodata}) reached only through the Job's volumes.
 *
 * <p>A test can hold a process at its start ({@link #holdNextJobs}): its pod is Running, the
 * process waits until {@link #release}, so that a server can be dismissed or restarted meanwhile.
 */
final class CrudApiCluster implements AutoCloseable {
    static final String NAMESPACE = "candela-test";

    private final KubernetesMockServer server;
    private final KubernetesClient client;
    private final ProcessRegistry registry = ProcessRegistry.discover();
    private final Set<String> holding = ConcurrentHashMap.newKeySet();
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private volatile KubeletStandIn standIn;
    private Map<String, Path> claimRoots;

    CrudApiCluster() {
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        server = new KubernetesMockServer(new Context(), new MockWebServer(), responses,
                new KubernetesMixedDispatcher(responses), false);
        server.init();
        client = server.createClient();
    }

    /** The API server's URL, for {@code candela.launcher.kubernetes.master-url}. */
    String url() {
        return client.getConfiguration().getMasterUrl();
    }

    KubernetesClient client() {
        return client;
    }

    /** A client of its own, as each server replica has; the caller closes it. */
    KubernetesClient newClient() {
        return server.createClient();
    }

    /** The stand-in for a server with the default claims on {@code dataDir}: see {@link #standIn(Map)}. */
    KubeletStandIn standIn(Path dataDir) {
        return standIn(Map.of("candela-jobs", dataDir, "candela-eodata", dataDir.resolve("eodata")));
    }

    /**
     * Starts the stand-in once.
     *
     * @param claimRoots claim name -> the local directory standing for it: for the job-directories
     *                   claim the server's data directory (whose {@code jobs/} folder is the claim's
     *                   {@code jobs} sub path), for the EO archive's claim the server's archive
     */
    synchronized KubeletStandIn standIn(Map<String, Path> claimRoots) {
        if (standIn == null) {
            standIn = new KubeletStandIn(server, client, NAMESPACE, claimRoots, this::runProcess).start();
            this.claimRoots = Map.copyOf(claimRoots);
        } else if (!this.claimRoots.equals(claimRoots)) {
            throw new IllegalStateException("one stand-in serves one server's data directory: " + this.claimRoots
                    + ", not also " + claimRoots + " (a second Spring context on the same cluster?)");
        }
        return standIn;
    }

    /** The Job of a job id, or null once deleted. */
    Job job(String jobId) {
        return client.batch().v1().jobs().inNamespace(NAMESPACE).withName("candela-" + jobId).get();
    }

    /**
     * The next {@code times} Job creations are answered 503 Service Unavailable, as an API server
     * that restarts or is overloaded answers (expectations come before the CRUD store).
     */
    void refuseJobCreation(int times) {
        synchronized (server) { // the stand-in adds its pod-log expectations under the same lock
            server.expect().post().withPath("/apis/batch/v1/namespaces/" + NAMESPACE + "/jobs")
                    .andReturn(503, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
                            + "\"message\":\"the server is currently unable to handle the request\",\"code\":503}")
                    .times(times);
        }
    }

    /** Processes started from now on wait until {@link #release}. */
    void holdNextJobs() {
        gate = new CountDownLatch(1);
    }

    void release() {
        gate.countDown();
    }

    /** Job names whose process waits at the gate now. */
    Set<String> holding() {
        return Set.copyOf(holding);
    }

    /**
     * The container's command as the processing image's CLI runs it: {@code run <process-id> <job-dir>}
     * from the args, the EO archive from the environment ({@code CANDELA_EODATA}), both as the pod sees
     * them, so nothing of the server's own paths reaches the process but what inputs.json says.
     */
    private int runProcess(Job job, PodView pod, PrintStream log) throws InterruptedException {
        CountDownLatch waitFor = gate;
        String name = job.getMetadata().getName();
        holding.add(name);
        try {
            waitFor.await(); // interrupted when the Job is deleted
        } finally {
            holding.remove(name);
        }
        List<String> args = pod.args();
        int run = args.indexOf("run");
        if (run < 0 || run + 2 >= args.size()) {
            log.println("usage: run <process-id> <job-dir>, not " + args);
            return 64;
        }
        String processId = args.get(run + 1);
        Path jobDirectory = Path.of(args.get(run + 2));
        log.println("running " + processId + " on " + jobDirectory);
        ProcessRunner processes = new ProcessRunner(registry, status -> { }, EoArchive.fromEnvironment(pod.environment()));
        return processes.run(processId, jobDirectory, () -> Thread.currentThread().isInterrupted());
    }

    @Override
    public void close() {
        if (standIn != null) {
            standIn.close();
        }
        client.close();
        server.destroy();
    }
}
