package eu.candela.wps.workflow;

import eu.candela.wps.spi.ProcessContext;
import java.time.Duration;

/**
 * The shared state of {@link GateStep}s: how many run now, the most that ever ran at once, and the
 * passes a test hands out. A step blocks at the gate until the test releases it or its job is
 * cancelled, so a test controls exactly when steps end and never needs to sleep.
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

    /** Before each test. */
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

    /** Waits for a pass; false when the job was cancelled first (counted). */
    static boolean pass(ProcessContext ctx) throws InterruptedException {
        synchronized (LOCK) {
            while (passes == 0) {
                if (ctx.isCancelled()) {
                    cancelled++;
                    LOCK.notifyAll();
                    return false;
                }
                // the cancellation flag is polled, so wake up now and then to look at it
                LOCK.wait(20);
            }
            if (passes != Integer.MAX_VALUE) {
                passes--;
            }
            return true;
        }
    }

    /** Lets {@code n} more steps through. */
    public static void release(int n) {
        synchronized (LOCK) {
            passes = passes == Integer.MAX_VALUE ? passes : passes + n;
            LOCK.notifyAll();
        }
    }

    /** Lets every step through from now on. */
    public static void releaseAll() {
        synchronized (LOCK) {
            passes = Integer.MAX_VALUE;
            LOCK.notifyAll();
        }
    }

    /** Blocks until exactly {@code n} steps wait at the gate (fails the test after a minute). */
    public static void awaitRunning(int n) throws InterruptedException {
        awaitCondition(() -> running == n, n + " steps running, now " + running);
    }

    /** Blocks until {@code n} steps saw their cancellation. */
    public static void awaitCancelled(int n) throws InterruptedException {
        awaitCondition(() -> cancelled >= n, n + " steps cancelled, now " + cancelled);
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

    private static void awaitCondition(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TEST_TIMEOUT.toNanos();
        synchronized (LOCK) {
            while (!condition.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("timed out waiting for " + what);
                }
                LOCK.wait(Math.max(1, left / 1_000_000));
            }
        }
    }
}
