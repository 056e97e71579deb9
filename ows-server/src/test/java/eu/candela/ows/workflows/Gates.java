package eu.candela.ows.workflows;

import eu.candela.wps.spi.ProcessContext;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The shared state of {@link GateStep}s in the server's tests: how many run now, the most that ran
 * at once, and the passes a test hands out. A step blocks at the gate until released or cancelled,
 * so a test decides when steps end and never sleeps.
 */
public final class Gates {
    private static final Object LOCK = new Object();
    private static final Duration TEST_TIMEOUT = Duration.ofSeconds(60);
    private static int running;
    private static int maxRunning;
    private static int started;
    private static int cancelled;
    private static int passes;

    private Gates() {
    }

    public static void reset() {
        synchronized (LOCK) {
            running = 0;
            maxRunning = 0;
            started = 0;
            cancelled = 0;
            passes = 0;
            LOCK.notifyAll();
        }
    }

    static void enter() {
        synchronized (LOCK) {
            running++;
            started++;
            maxRunning = Math.max(maxRunning, running);
            LOCK.notifyAll();
        }
    }

    static void leave() {
        synchronized (LOCK) {
            running--;
            LOCK.notifyAll();
        }
    }

    /**
     * Waits for a pass; false when the job was cancelled first (counted), by its flag or by the
     * interrupt with which the local launcher also cancels.
     */
    static boolean pass(ProcessContext ctx) {
        synchronized (LOCK) {
            while (passes == 0) {
                if (ctx.isCancelled() || Thread.currentThread().isInterrupted()) {
                    cancelled++;
                    LOCK.notifyAll();
                    return false;
                }
                try {
                    LOCK.wait(20); // the cancellation flag is polled: look at it now and then
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (passes != Integer.MAX_VALUE) {
                passes--;
            }
            return true;
        }
    }

    public static void release(int n) {
        synchronized (LOCK) {
            passes = passes == Integer.MAX_VALUE ? passes : passes + n;
            LOCK.notifyAll();
        }
    }

    public static void releaseAll() {
        synchronized (LOCK) {
            passes = Integer.MAX_VALUE;
            LOCK.notifyAll();
        }
    }

    public static void awaitRunning(int n) throws InterruptedException {
        await(() -> running == n, n + " steps running");
    }

    public static void awaitCancelled(int n) throws InterruptedException {
        await(() -> cancelled >= n, n + " steps cancelled");
    }

    public static void awaitStarted(int n) throws InterruptedException {
        await(() -> started >= n, n + " steps started");
    }

    public static int maxRunning() {
        synchronized (LOCK) {
            return maxRunning;
        }
    }

    public static int started() {
        synchronized (LOCK) {
            return started;
        }
    }

    public static int cancelled() {
        synchronized (LOCK) {
            return cancelled;
        }
    }

    public static int running() {
        synchronized (LOCK) {
            return running;
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TEST_TIMEOUT.toNanos();
        synchronized (LOCK) {
            while (!condition.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("timed out waiting for " + what + "; running " + running + ", started " + started
                            + ", cancelled " + cancelled);
                }
                LOCK.wait(Math.max(1, left / 1_000_000));
            }
        }
    }
}
