package eu.candela.ows.jobs;

import org.slf4j.MDC;

/**
 * Puts {@code jobId} and {@code processId} in the MDC for a block and restores what was there
 * before, so a launcher thread that already carries them keeps them after the block.
 */
final class JobLogContext implements AutoCloseable {
    static final String JOB_ID = "jobId";
    static final String PROCESS_ID = "processId";

    private final String previousJobId;
    private final String previousProcessId;

    private JobLogContext(String jobId, String processId) {
        previousJobId = MDC.get(JOB_ID);
        previousProcessId = MDC.get(PROCESS_ID);
        MDC.put(JOB_ID, jobId);
        MDC.put(PROCESS_ID, processId);
    }

    static JobLogContext of(JobRecord job) {
        return new JobLogContext(job.jobId(), job.processId());
    }

    @Override
    public void close() {
        restore(JOB_ID, previousJobId);
        restore(PROCESS_ID, previousProcessId);
    }

    private static void restore(String key, String previous) {
        if (previous == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, previous);
        }
    }
}
