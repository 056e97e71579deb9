package eu.candela.wps.workflow;

import eu.candela.wps.jobdir.JobDirectory;
import eu.candela.wps.spi.InvalidInputException;
import eu.candela.wps.spi.ProcessCancelledException;
import eu.candela.wps.spi.ProcessContext;
import eu.candela.wps.spi.ProcessRegistry;
import eu.candela.wps.spi.Step;
import eu.candela.wps.spi.StepFailedException;
import eu.candela.wps.spi.StepOutputs;
import eu.candela.wps.spi.Workflow;
import eu.candela.wps.spi.WorkflowContext;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;

/**
 * The {@link WorkflowContext} of one workflow run, the same in every runtime: prepares each step's
 * directory, starts steps through a {@link StepLauncher} up to the concurrency limit, maps their
 * progress onto the workflow's, cancels them when the workflow is cancelled or one fails, and reads
 * their outputs.
 *
 * <p>Resuming: a step whose directory already holds the same inputs and a complete
 * {@code result.json} (from an earlier run of the same workflow job, before a restart) is not run
 * again; one whose launcher job still runs is followed again ({@link StepLauncher#resume}). Running
 * a workflow again on its job directory therefore continues where it stopped, provided the
 * workflow plans its steps deterministically from its inputs (as it should).
 *
 * <p>All waiting happens on the workflow's thread; the launcher's threads only queue events. An
 * interrupt of that thread (the runtime shutting down) abandons the steps without cancelling them,
 * so a restarted server can follow them again.
 */
public final class WorkflowSteps implements WorkflowContext {

    /** How often a waiting workflow looks at its cancellation flag. */
    static final Duration CANCEL_POLL = Duration.ofMillis(100);

    private final ProcessContext workflow;
    private final ProcessRegistry registry;
    private final StepLauncher launcher;
    private final WorkflowLimits limits;
    private final StepInputs inputs;
    private final Set<String> usedNames = new HashSet<>();
    private int progress;

    /**
     * @param workflow    the workflow job's own context (its directory, status, log, cancellation)
     * @param registry    the processes steps may run
     * @param launcher    where steps run
     * @param limits      the platform's limits
     * @param outsidePath how a file outside the workflow's job directory is written into a step's
     *                    {@code inputs.json} (its absolute path, or its path as the step's runtime sees it)
     */
    public WorkflowSteps(ProcessContext workflow, ProcessRegistry registry, StepLauncher launcher, WorkflowLimits limits,
                         Function<Path, String> outsidePath) {
        this.workflow = Objects.requireNonNull(workflow, "workflow");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.launcher = Objects.requireNonNull(launcher, "launcher");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.inputs = new StepInputs(workflow.jobDirectory(), outsidePath);
    }

    /** With files outside the job directory written as their absolute paths. */
    public WorkflowSteps(ProcessContext workflow, ProcessRegistry registry, StepLauncher launcher, WorkflowLimits limits) {
        this(workflow, registry, launcher, limits, path -> path.toAbsolutePath().toString());
    }

    @Override
    public StepOutputs run(Step step, int progressUpTo) {
        return fanOut(List.of(step), 1, progressUpTo).get(0);
    }

    @Override
    public List<StepOutputs> fanOut(List<Step> steps, int concurrency, int progressUpTo) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
        }
        if (progressUpTo < 0 || progressUpTo > 100) {
            throw new IllegalArgumentException("progressUpTo must be between 0 and 100, was " + progressUpTo);
        }
        checkSteps(steps);
        checkCancelled();
        try {
            return new FanOut(steps, Math.min(concurrency, limits.maxConcurrentSteps()), progressUpTo).run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the workflow runtime stopped while its steps ran; they were left running");
        }
    }

    @Override
    public int maxConcurrentSteps() {
        return limits.maxConcurrentSteps();
    }

    @Override
    public void progress(int percentCompleted, String message) {
        synchronized (this) {
            progress = Math.max(progress, Math.min(100, percentCompleted));
        }
        workflow.progress(percentCompleted, message);
    }

    @Override
    public boolean isCancelled() {
        return workflow.isCancelled();
    }

    @Override
    public Path jobDirectory() {
        return workflow.jobDirectory();
    }

    @Override
    public Path outputDirectory() {
        return workflow.outputDirectory();
    }

    @Override
    public Logger log() {
        return workflow.log();
    }

    private void checkSteps(List<Step> steps) {
        Set<String> names = new HashSet<>();
        for (Step step : steps) {
            if (usedNames.contains(step.name()) || !names.add(step.name())) {
                throw new IllegalArgumentException("step name '" + step.name() + "' is used twice in this workflow");
            }
            var entry = registry.entry(step.processId());
            if (entry.isEmpty()) {
                throw new StepFailedException(step.name(), step.processId(), "there is no process '" + step.processId() + "'");
            }
            if (entry.get().algorithm() instanceof Workflow<?, ?>) {
                throw new StepFailedException(step.name(), step.processId(), "a step must be a process, not a workflow");
            }
        }
        usedNames.addAll(names);
    }

    private synchronized int currentProgress() {
        return progress;
    }

    /** What a step's launcher reports, queued for the workflow's thread. */
    private sealed interface Event permits Progressed, Ended {
        int index();
    }

    private record Progressed(int index, int percent, String message) implements Event {
    }

    private record Ended(int index, StepOutcome outcome, String reason) implements Event {
    }

    /** One fan-out call: its steps' state, owned by the workflow's thread. */
    private final class FanOut {
        private final List<Step> steps;
        private final int limit;
        private final int from;
        private final int upTo;
        private final StepOutputs[] outputs;
        private final int[] percent;
        private final Deque<Integer> pending = new ArrayDeque<>();
        private final Map<Integer, RunningStep> running = new LinkedHashMap<>();
        private final Set<Integer> permits = new HashSet<>();
        private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        private StepFailedException failure;
        private String refusal;
        private long refusedSince;
        private long retryAt;

        FanOut(List<Step> steps, int limit, int upTo) {
            this.steps = steps;
            this.limit = limit;
            this.from = currentProgress();
            this.upTo = Math.max(upTo, from);
            this.outputs = new StepOutputs[steps.size()];
            this.percent = new int[steps.size()];
            for (int i = 0; i < steps.size(); i++) {
                pending.add(i);
            }
        }

        List<StepOutputs> run() throws InterruptedException {
            try {
                while (true) {
                    if (failure == null && workflow.isCancelled()) {
                        stopRunning();
                        throw new ProcessCancelledException();
                    }
                    if (failure != null) {
                        stopRunning();
                        throw failure;
                    }
                    startWhatMayStart();
                    if (failure != null) {
                        continue;
                    }
                    if (pending.isEmpty() && running.isEmpty()) {
                        break;
                    }
                    Event event = events.poll(CANCEL_POLL.toMillis(), TimeUnit.MILLISECONDS);
                    while (event != null) {
                        handle(event);
                        event = events.poll();
                    }
                }
                WorkflowSteps.this.progress(upTo, steps.size() == 1 ? "step " + steps.get(0).name() + " done"
                        : steps.size() + " steps done");
                return Arrays.asList(outputs);
            } finally {
                permits.forEach(i -> release());
                permits.clear();
            }
        }

        /** Starts pending steps while the limits allow; notes a refusal so the next try waits. */
        private void startWhatMayStart() {
            long now = System.nanoTime();
            if (refusal != null && now < retryAt) {
                return;
            }
            while (!pending.isEmpty() && running.size() < limit && failure == null) {
                int index = pending.peek();
                Step step = steps.get(index);
                JobDirectory directory = StepDirectories.of(workflow.jobDirectory(), step.name());
                StepJob job = new StepJob(step.name(), step.processId(), directory.root());
                try {
                    StepInputs.Plan plan = inputs.plan(step);
                    boolean written = inputs.isWritten(plan, directory);
                    if (written) {
                        Optional<StepOutputs> done = StepDirectories.completeOutputs(directory, step.name(), step.processId());
                        if (done.isPresent()) {
                            workflow.log().info("Step {} ({}) already succeeded in an earlier run: its outputs are reused",
                                    step.name(), step.processId());
                            pending.poll();
                            succeeded(index, done.get());
                            continue;
                        }
                    }
                    if (!acquire()) {
                        refused("the platform's limit on workflow steps running at once is reached");
                        return;
                    }
                    permits.add(index);
                    Optional<RunningStep> resumed = written ? launcher.resume(job, listener(index)) : Optional.empty();
                    if (resumed.isPresent()) {
                        workflow.log().info("Step {} ({}) still runs from an earlier run: following it again", step.name(), step.processId());
                        running.put(index, resumed.get());
                    } else {
                        inputs.write(plan, directory);
                        running.put(index, launcher.start(job, listener(index)));
                        workflow.log().info("Step {} ({}) started", step.name(), step.processId());
                    }
                    pending.poll();
                    refusal = null;
                } catch (StepLauncherBusyException e) {
                    permits.remove(index);
                    release();
                    refused(e.getMessage());
                    return;
                } catch (InvalidInputException e) {
                    failure = new StepFailedException(step.name(), step.processId(), e.getMessage());
                } catch (IOException | RuntimeException e) {
                    if (permits.remove(index)) {
                        release();
                    }
                    failure = new StepFailedException(step.name(), step.processId(), "cannot prepare its job directory: " + e);
                }
            }
        }

        /**
         * A refused start: try again when one of this workflow's steps ends or after {@code busyRetry};
         * with none of them running, give up after {@code busyTimeout}.
         */
        private void refused(String reason) {
            long now = System.nanoTime();
            if (refusal == null) {
                refusedSince = now;
                workflow.log().info("Step {} waits: {}", steps.get(pending.peek()).name(), reason);
            }
            refusal = reason;
            retryAt = now + limits.busyRetry().toNanos();
            if (running.isEmpty() && now - refusedSince >= limits.busyTimeout().toNanos()) {
                Step step = steps.get(pending.peek());
                failure = new StepFailedException(step.name(), step.processId(), "could not start within "
                        + limits.busyTimeout().toSeconds() + " s: " + reason);
            }
        }

        private void handle(Event event) {
            int index = event.index();
            if (!running.containsKey(index)) {
                return; // late news of a step already settled
            }
            Step step = steps.get(index);
            if (event instanceof Progressed p) {
                percent[index] = Math.max(percent[index], Math.min(100, p.percent()));
                report("step " + step.name() + ": " + p.message());
                return;
            }
            Ended ended = (Ended) event;
            running.remove(index);
            if (permits.remove(index)) {
                release();
            }
            refusal = null; // one of ours ended: room for the next
            switch (ended.outcome()) {
                case SUCCEEDED -> {
                    JobDirectory directory = StepDirectories.of(workflow.jobDirectory(), step.name());
                    Optional<StepOutputs> done = StepDirectories.completeOutputs(directory, step.name(), step.processId());
                    if (done.isPresent()) {
                        workflow.log().info("Step {} ({}) succeeded", step.name(), step.processId());
                        succeeded(index, done.get());
                    } else {
                        fail(step, "it ended without a complete result.json");
                    }
                }
                case FAILED -> fail(step, ended.reason() == null || ended.reason().isBlank()
                        ? "it failed without a message" : ended.reason());
                case CANCELLED -> {
                    if (!workflow.isCancelled()) {
                        fail(step, "it was cancelled by the platform");
                    }
                }
            }
        }

        private void fail(Step step, String reason) {
            workflow.log().warn("Step {} ({}) failed: {}", step.name(), step.processId(), reason);
            if (failure == null) {
                failure = new StepFailedException(step.name(), step.processId(), reason);
            }
        }

        private void succeeded(int index, StepOutputs result) {
            outputs[index] = result;
            percent[index] = 100;
            int done = (int) Arrays.stream(outputs).filter(Objects::nonNull).count();
            report(done + " of " + steps.size() + " steps done");
        }

        private void report(String message) {
            long sum = Arrays.stream(percent).asLongStream().sum();
            int mapped = (int) (from + (upTo - from) * sum / (100L * steps.size()));
            WorkflowSteps.this.progress(mapped, message);
        }

        /** Cancels the running steps and waits (at most the grace period) until they confirm. */
        private void stopRunning() throws InterruptedException {
            if (running.isEmpty()) {
                return;
            }
            workflow.log().info("Cancelling {} running steps", running.size());
            running.values().forEach(RunningStep::cancel);
            long deadline = System.nanoTime() + limits.cancelGrace().toNanos();
            while (!running.isEmpty()) {
                long left = deadline - System.nanoTime();
                Event event = left <= 0 ? null : events.poll(left, TimeUnit.NANOSECONDS);
                if (event == null) {
                    workflow.log().warn("Steps {} did not confirm their cancellation within {} s",
                            running.keySet().stream().map(i -> steps.get(i).name()).toList(), limits.cancelGrace().toSeconds());
                    return;
                }
                if (event instanceof Ended ended && running.remove(ended.index()) != null && permits.remove(ended.index())) {
                    release();
                }
            }
        }

        private StepListener listener(int index) {
            return new StepListener() {
                @Override
                public void progress(int percentCompleted, String message) {
                    events.add(new Progressed(index, percentCompleted, message == null ? "" : message));
                }

                @Override
                public void ended(StepOutcome outcome, String reason) {
                    events.add(new Ended(index, outcome, reason));
                }
            };
        }

        private boolean acquire() {
            return limits.overall() == null || limits.overall().tryAcquire();
        }

        private void release() {
            if (limits.overall() != null) {
                limits.overall().release();
            }
        }
    }
}
