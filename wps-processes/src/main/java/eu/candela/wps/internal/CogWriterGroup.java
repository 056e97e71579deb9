package eu.candela.wps.internal;

import eu.candela.eodata.raster.CogWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * COG writers that succeed or fail together. {@link #commit()} closes them all, which builds the
 * files; closing the group without a commit (an exception, a cancelled job) aborts them instead, so
 * a failed run never leaves a plausible-looking but half-computed COG behind.
 *
 * <pre>
 * try (CogWriterGroup group = new CogWriterGroup()) {
 *     CogWriter a = group.add(CogWriter.create(...));
 *     ... write tiles ...
 *     group.commit();
 * }
 * </pre>
 */
public final class CogWriterGroup implements AutoCloseable {

    private final List<CogWriter> writers = new ArrayList<>();
    private boolean committed;

    /** Adds {@code writer} to the group and returns it. */
    public CogWriter add(CogWriter writer) {
        writers.add(writer);
        return writer;
    }

    /** Closes every writer, writing its file. */
    public void commit() throws IOException {
        committed = true;
        for (CogWriter writer : writers) {
            writer.close();
        }
    }

    /** Aborts every writer unless {@link #commit()} ran. */
    @Override
    public void close() throws IOException {
        if (committed) {
            return;
        }
        IOException first = null;
        for (CogWriter writer : writers) {
            try {
                writer.abort();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
