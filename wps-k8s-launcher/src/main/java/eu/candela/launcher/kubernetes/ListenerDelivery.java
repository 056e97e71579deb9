package eu.candela.launcher.kubernetes;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the launcher's listener calls off the informers' event thread: a listener writes the job
 * store, and one slow write there would hold up the events of every other job (the lag of
 * docs/benchmarks.md section 5). Calls of one job run one after another in the order given; calls
 * of different jobs run in parallel on a few threads. A job's queue exists only while it holds calls.
 */
final class ListenerDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(ListenerDelivery.class);

    private final ExecutorService threads;
    private final Map<String, JobQueue> queues = new ConcurrentHashMap<>();

    ListenerDelivery(int threads) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, "candela-k8s-listener-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.threads = Executors.newFixedThreadPool(threads, factory);
    }

    /** Queues {@code call} after the calls already queued for {@code jobId}; never blocks. */
    void deliver(String jobId, Runnable call) {
        while (true) {
            JobQueue queue = queues.computeIfAbsent(jobId, JobQueue::new);
            if (queue.add(call)) {
                return;
            }
            // that queue was just emptied and retired: take a fresh one, the order is kept by construction
        }
    }

    /** Runs what is queued for up to {@code grace}, then drops the rest: a restarted launcher re-attaches. */
    void close(long graceMillis) {
        threads.shutdown();
        try {
            if (!threads.awaitTermination(graceMillis, TimeUnit.MILLISECONDS)) {
                threads.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            threads.shutdownNow();
        }
    }

    /** One job's calls, run by at most one thread at a time. */
    private final class JobQueue implements Runnable {
        private final String jobId;
        private final ArrayDeque<Runnable> calls = new ArrayDeque<>(); // guarded by this
        private boolean scheduled; // guarded by this
        private boolean retired; // guarded by this

        JobQueue(String jobId) {
            this.jobId = jobId;
        }

        /** @return false when the queue was retired: the caller takes a fresh one */
        boolean add(Runnable call) {
            synchronized (this) {
                if (retired) {
                    return false;
                }
                calls.add(call);
                if (scheduled) {
                    return true;
                }
                scheduled = true;
            }
            try {
                threads.execute(this);
            } catch (RejectedExecutionException e) {
                LOG.debug("launcher closed: listener call of job {} dropped", jobId);
            }
            return true;
        }

        @Override
        public void run() {
            while (true) {
                Runnable call;
                synchronized (this) {
                    call = calls.poll();
                    if (call == null) {
                        scheduled = false;
                        retired = true;
                        queues.remove(jobId, this);
                        return;
                    }
                }
                try {
                    call.run();
                } catch (RuntimeException e) {
                    // a listener's bug must not stop the calls of this job or of any other
                    LOG.error("listener of job {} threw", jobId, e);
                }
            }
        }
    }
}
