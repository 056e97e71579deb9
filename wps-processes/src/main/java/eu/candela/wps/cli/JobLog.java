package eu.candela.wps.cli;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * The logger a process writes to: one line per event appended to {@code job.log}, flushed at once
 * so a user tailing the log sees it. Deliberately not an SLF4J binding: the runner may live inside
 * the server, whose logging backend must keep its own configuration, while each job needs its own
 * file. DEBUG and above are written; TRACE is dropped.
 */
final class JobLog extends LegacyAbstractLogger implements Closeable {
    private static final long serialVersionUID = 1L;

    private final transient BufferedWriter out;
    private final transient Clock clock;

    private JobLog(String processId, BufferedWriter out, Clock clock) {
        this.name = processId;
        this.out = out;
        this.clock = clock;
    }

    /** Opens {@code file} for appending, creating it when missing. */
    static JobLog open(Path file, String processId, Clock clock) throws IOException {
        BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return new JobLog(processId, out, clock);
    }

    @Override
    public boolean isTraceEnabled() { return false; }

    @Override
    public boolean isDebugEnabled() { return true; }

    @Override
    public boolean isInfoEnabled() { return true; }

    @Override
    public boolean isWarnEnabled() { return true; }

    @Override
    public boolean isErrorEnabled() { return true; }

    @Override
    protected String getFullyQualifiedCallerName() { return null; }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments, Throwable t) {
        if (level == Level.TRACE) {
            return;
        }
        StringBuilder line = new StringBuilder(96)
                .append(clock.instant()).append(' ')
                .append(String.format("%-5s", level)).append(' ')
                .append(MessageFormatter.basicArrayFormat(pattern, arguments));
        if (t != null) {
            StringWriter trace = new StringWriter();
            t.printStackTrace(new PrintWriter(trace));
            line.append(System.lineSeparator()).append(trace.toString().stripTrailing());
        }
        write(line.toString());
    }

    private synchronized void write(String line) {
        try {
            out.write(line);
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the job log", e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
