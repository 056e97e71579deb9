package eu.candela.ows.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import eu.candela.launcher.spi.JobListener;
import eu.candela.launcher.spi.JobSpec;
import eu.candela.launcher.spi.Launcher;
import eu.candela.launcher.spi.LauncherBusyException;
import eu.candela.wps.workflow.RunningStep;
import eu.candela.wps.workflow.StepDirectories;
import eu.candela.wps.workflow.StepJob;
import eu.candela.wps.workflow.StepLauncher;
import eu.candela.wps.workflow.StepListener;
import eu.candela.wps.workflow.StepOutcome;

/**
 * The steps of one workflow job as jobs of the server's {@link Launcher}: each step is a child
 * {@link JobSpec} of the workflow's owner on the step's directory, so with the Kubernetes launcher
 * each step is a Kubernetes Job (and counts against the owner's running-job limit). The child's
 * launcher job id is written into its directory ({@value #JOB_ID_FILE}) before it is submitted, so
 * after a restart the workflow can follow it again and nothing is left running unseen.
 */
final class LauncherSteps implements StepLauncher {
    static final String JOB_ID_FILE = "launcher-job-id";
    /** The label tying a step's launcher job to its workflow job. */
    static final String PARENT_LABEL = "candela.eu/parent-job";

    private static final Logger LOG = LoggerFactory.getLogger(LauncherSteps.class);

    private final Launcher launcher;
    private final String owner;
    private final String parentJobId;

    LauncherSteps(Launcher launcher, String owner, String parentJobId) {
        this.launcher = launcher;
        this.owner = owner;
        this.parentJobId = parentJobId;
    }

    @Override
    public RunningStep start(StepJob job, StepListener listener) throws eu.candela.wps.workflow.StepLauncherBusyException {
        String childId = JobIds.newId();
        try {
            Files.writeString(job.directory().resolve(JOB_ID_FILE), childId, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the job id of step " + job.stepName(), e);
        }
        try {
            launcher.submit(new JobSpec(childId, job.processId(), owner, job.directory(), Map.of(PARENT_LABEL, parentJobId)),
                    events(listener));
        } catch (LauncherBusyException e) {
            throw new eu.candela.wps.workflow.StepLauncherBusyException(e.getMessage());
        }
        return () -> launcher.cancel(childId);
    }

    @Override
    public Optional<RunningStep> resume(StepJob job, StepListener listener) {
        Optional<String> childId = childJobId(job.directory());
        if (childId.isEmpty() || !launcher.activeJobs().contains(childId.get())) {
            return Optional.empty();
        }
        String id = childId.get();
        return launcher.reattach(id, events(listener)) ? Optional.of(() -> launcher.cancel(id)) : Optional.empty();
    }

    /**
     * Cancels every step job of the workflow in {@code workflowDirectory} that still runs: after the
     * workflow ended, however it ended, none of its steps may be left running.
     *
     * @return how many were cancelled
     */
    static int cancelLeftovers(Launcher launcher, Path workflowDirectory) {
        int cancelled = 0;
        try {
            var active = launcher.activeJobs();
            for (Path step : StepDirectories.all(workflowDirectory)) {
                Optional<String> id = childJobId(step).filter(active::contains);
                if (id.isEmpty()) {
                    continue;
                }
                // a job this server process did not submit must be followed before it can be cancelled
                if (!launcher.cancel(id.get()) && launcher.reattach(id.get(), JobListener.IGNORING)) {
                    launcher.cancel(id.get());
                }
                LOG.info("cancelled step job {} left running in {}", id.get(), step);
                cancelled++;
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot look for step jobs left running in {}", workflowDirectory, e);
        }
        return cancelled;
    }

    static Optional<String> childJobId(Path stepDirectory) {
        Path file = stepDirectory.resolve(JOB_ID_FILE);
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).trim()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static JobListener events(StepListener listener) {
        return new JobListener() {
            @Override
            public void started(String jobId) {
            }

            @Override
            public void progress(String jobId, int percentCompleted, String message) {
                listener.progress(percentCompleted, message);
            }

            @Override
            public void succeeded(String jobId) {
                listener.ended(StepOutcome.SUCCEEDED, null);
            }

            @Override
            public void failed(String jobId, String reason) {
                listener.ended(StepOutcome.FAILED, reason);
            }

            @Override
            public void cancelled(String jobId) {
                listener.ended(StepOutcome.CANCELLED, null);
            }
        };
    }

}
