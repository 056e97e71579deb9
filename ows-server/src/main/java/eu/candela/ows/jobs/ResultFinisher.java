package eu.candela.ows.jobs;

import java.nio.file.Path;

/**
 * Completes a job's result after its process succeeded and before the job is recorded as
 * successful, so that what it adds (the map layers its rasters were published as) is part of the
 * result from the first moment a client can see it. Also runs on results recovered after a
 * restart, so a server that stopped between the end of a process and its publishing catches up.
 */
@FunctionalInterface
public interface ResultFinisher {
    /** Leaves every result as the process wrote it. */
    ResultFinisher NONE = (job, jobDirectory, resultJson) -> resultJson;

    /**
     * @param job          the job, still running
     * @param jobDirectory its directory
     * @param resultJson   the {@code result.json} the process wrote
     * @return the result to record: {@code resultJson} itself or a copy with outputs added
     */
    String finish(JobRecord job, Path jobDirectory, String resultJson);
}
