package eu.candela.launcher.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Listener calls in order per job, jobs independent of each other, whatever thread queues them. */
class ListenerDeliveryTest {
    private final ListenerDelivery delivery = new ListenerDelivery(4);

    @AfterEach
    void close() {
        delivery.close(1000);
    }

    @Test
    void callsOfOneJobRunInTheOrderQueued() {
        List<Integer> seen = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 5000; i++) {
            int call = i;
            delivery.deliver("job", () -> seen.add(call));
        }

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> seen.size() == 5000);
        assertThat(seen).isEqualTo(IntStream.range(0, 5000).boxed().toList());
    }

    @Test
    void aBlockedListenerHoldsUpItsOwnJobOnly() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<String> seen = new CopyOnWriteArrayList<>();
        delivery.deliver("slow", () -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            seen.add("slow started");
        });
        delivery.deliver("slow", () -> seen.add("slow succeeded"));
        delivery.deliver("quick", () -> seen.add("quick started"));
        delivery.deliver("quick", () -> seen.add("quick succeeded"));

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> seen.contains("quick succeeded"));
        assertThat(seen).containsExactly("quick started", "quick succeeded");
        release.countDown();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> seen.size() == 4);
        assertThat(seen).endsWith("slow started", "slow succeeded");
    }

    @Test
    void manyThreadsQueueingForManyJobsKeepEachJobsOrder() throws Exception {
        Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
        ExecutorService producers = Executors.newFixedThreadPool(4);
        List<String> jobs = new ArrayList<>();
        for (int j = 0; j < 40; j++) {
            String job = "job-" + j;
            jobs.add(job);
            seen.put(job, new CopyOnWriteArrayList<>());
            // one producer per job at a time, as a TrackedJob queues under its lock
            producers.execute(() -> {
                for (int i = 0; i < 200; i++) {
                    int call = i;
                    delivery.deliver(job, () -> seen.get(job).add(call));
                }
            });
        }
        producers.shutdown();
        assertThat(producers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> jobs.stream().allMatch(job -> seen.get(job).size() == 200));
        jobs.forEach(job -> assertThat(seen.get(job)).isEqualTo(IntStream.range(0, 200).boxed().toList()));
    }

    @Test
    void aListenerThatThrowsDoesNotStopTheCallsAfterIt() {
        List<String> seen = new CopyOnWriteArrayList<>();
        delivery.deliver("job", () -> {
            throw new IllegalStateException("listener bug");
        });
        delivery.deliver("job", () -> seen.add("succeeded"));

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> seen.contains("succeeded"));
    }
}
