package eu.candela.wps.testing;

import eu.candela.wps.spi.ProcessContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.helpers.NOPLogger;

/** A process context for calling algorithms directly in tests: remembers progress, cancels on demand. */
public final class RecordingContext implements ProcessContext {

    private final Path jobDirectory;
    private final BooleanSupplier cancelled;
    private final List<Integer> progress = new CopyOnWriteArrayList<>();

    public RecordingContext(Path jobDirectory, BooleanSupplier cancelled) {
        this.jobDirectory = jobDirectory;
        this.cancelled = cancelled;
        try {
            Files.createDirectories(outputDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public RecordingContext(Path jobDirectory) {
        this(jobDirectory, () -> false);
    }

    /** A context that reports cancellation once the process has reported {@code percent} or more. */
    public static RecordingContext cancelledAtProgress(Path jobDirectory, int percent) {
        java.util.concurrent.atomic.AtomicReference<RecordingContext> self = new java.util.concurrent.atomic.AtomicReference<>();
        RecordingContext ctx = new RecordingContext(jobDirectory,
                () -> self.get().progress.stream().anyMatch(p -> p >= percent));
        self.set(ctx);
        return ctx;
    }

    @Override
    public void progress(int percentCompleted, String message) {
        progress.add(percentCompleted);
    }

    public List<Integer> progress() {
        return List.copyOf(progress);
    }

    @Override
    public boolean isCancelled() {
        return cancelled.getAsBoolean();
    }

    @Override
    public Path jobDirectory() {
        return jobDirectory;
    }

    @Override
    public Path outputDirectory() {
        return jobDirectory.resolve("outputs");
    }

    @Override
    public Logger log() {
        // The algorithms' log lines would only clutter the build output.
        return NOPLogger.NOP_LOGGER;
    }
}
