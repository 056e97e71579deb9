package eu.candela.ows.kubernetes;

import eu.candela.launcher.kubernetes.JobLabels;
import eu.candela.ows.jobs.JobRecord;
import eu.candela.ows.jobs.JobService;
import eu.candela.ows.jobs.JobState;
import eu.candela.ows.testing.Xml;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 1,000 WPS Execute requests of {@code Hello} followed to their end through the fabric8 mock API
 * server (CRUD mode) and the {@code KubeletStandIn}, not a cluster. Prints submissions per second,
 * the lag from a Job's Complete condition (as a second informer sees it) to the job store's
 * terminal state (what the WPS status document shows), and the heap of the one JVM that holds the
 * server, the mock API server and the stand-in. Run by {@code bench/k8s-standin.sh}; skipped otherwise.
 * Its own Spring context (the default progress interval): run it alone, as the script does.
 */
@EnabledIfSystemProperty(named = "candela.bench.k8s", matches = "true")
@TestPropertySource(properties = "candela.launcher.progress-interval=500ms") // the default, not the tests' 100 ms
class KubernetesStandInBenchmark extends KubernetesServerTestBase {
    private static final int EXECUTIONS = Integer.getInteger("candela.bench.k8s.executions", 1000);
    private static final int CLIENTS = Integer.getInteger("candela.bench.k8s.clients", 4);

    @Autowired
    JobService jobs;

    @Test
    void thousandExecutionsFollowedToTheirEnd() throws Exception {
        Map<String, Instant> completeSeen = new ConcurrentHashMap<>();
        AtomicLong peakHeap = new AtomicLong();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try (SharedIndexInformer<Job> observer = cluster().client().batch().v1().jobs().inNamespace(CrudApiCluster.NAMESPACE)
                .withLabel(JobLabels.APP, JobLabels.APP_VALUE).inform(new CompletionRecorder(completeSeen))) {
            String template = new String(requestBody("kubernetes/execute-hello-async.xml"), StandardCharsets.UTF_8);
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Future<String>> submitted = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int i = 0; i < EXECUTIONS; i++) {
                String body = template.replace("${NAME}", String.format("bench%06d", i));
                submitted.add(clients.submit(() -> jobIdOf(post("/wps", body.getBytes(StandardCharsets.UTF_8)))));
            }
            List<String> jobIds = new ArrayList<>();
            for (Future<String> f : submitted) {
                jobIds.add(f.get());
                peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
            }
            double submitSeconds = (System.nanoTime() - t0) / 1e9;
            clients.shutdown();
            await().atMost(Duration.ofMinutes(20)).pollInterval(Duration.ofMillis(500)).until(() -> {
                peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                return jobIds.stream().allMatch(id -> jobs.find(id).map(j -> j.state().isTerminal()).orElse(false));
            });
            double totalSeconds = (System.nanoTime() - t0) / 1e9;

            List<Long> lagsMs = new ArrayList<>();
            int succeeded = 0;
            for (String id : jobIds) {
                JobRecord job = jobs.find(id).orElseThrow();
                if (job.state() == JobState.SUCCESSFUL) succeeded++;
                Instant seen = completeSeen.get(JobLabels.jobName(id));
                if (seen != null) lagsMs.add(Math.max(0, Duration.between(seen, job.finished()).toMillis()));
            }
            System.gc();
            long heapAfterGc = memory.getHeapMemoryUsage().getUsed();
            lagsMs.sort(null);
            System.out.printf("k8s-standin: %d executions, %d succeeded, %d clients%n", EXECUTIONS, succeeded, CLIENTS);
            System.out.printf("k8s-standin: submissions %.1f/s (%d in %.1f s); all terminal after %.1f s (%.1f jobs/s)%n",
                    EXECUTIONS / submitSeconds, EXECUTIONS, submitSeconds, totalSeconds, EXECUTIONS / totalSeconds);
            System.out.printf("k8s-standin: lag Job Complete -> job store terminal: p50 %d ms, p99 %d ms, max %d ms (%d samples)%n",
                    percentile(lagsMs, 50), percentile(lagsMs, 99), percentile(lagsMs, 100), lagsMs.size());
            System.out.printf("k8s-standin: heap peak %d MiB, after GC %d MiB, max %d MiB%n", peakHeap.get() >> 20,
                    heapAfterGc >> 20, memory.getHeapMemoryUsage().getMax() >> 20);
            assertThat(succeeded).isEqualTo(EXECUTIONS);
        }
    }

    private String jobIdOf(HttpResponse<byte[]> r) {
        assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
        String location = Xml.of(r.body()).text("/wps:ExecuteResponse/@statusLocation");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) return -1;
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    /** When a Job's Complete condition is first seen: the moment the Job controller's status write is visible. */
    private record CompletionRecorder(Map<String, Instant> seen) implements ResourceEventHandler<Job> {
        @Override public void onAdd(Job job) { record(job); }
        @Override public void onUpdate(Job old, Job job) { record(job); }
        @Override public void onDelete(Job job, boolean unknownFinalState) { }

        private void record(Job job) {
            boolean complete = job.getStatus() != null && job.getStatus().getConditions() != null && job.getStatus()
                    .getConditions().stream().anyMatch(c -> "Complete".equals(c.getType()) && "True".equals(c.getStatus()));
            if (complete) seen.putIfAbsent(job.getMetadata().getName(), Instant.now());
        }
    }
}
