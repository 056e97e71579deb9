package eu.candela.ows.security;

import eu.candela.ows.jobs.JobRecord;
import eu.candela.ows.jobs.JobService;
import java.util.Optional;

/**
 * Whose job is whose: a job, its status document, its outputs and its dismissal belong to its owner
 * (and to operators and admins). Everyone else is told there is no such job, exactly as for an id
 * that does not exist, so job ids cannot be probed.
 */
public final class JobAccess {
    private final JobService jobs;

    public JobAccess(JobService jobs) {
        this.jobs = jobs;
    }

    /** The job when it exists and {@code caller} may see it; empty otherwise, whichever the reason. */
    public Optional<JobRecord> visible(Caller caller, String jobId) {
        return jobs.find(jobId).filter(job -> caller.mayAccessOwnedBy(job.owner()));
    }

    /** Whether {@code caller} may see the job; false for unknown ids too. */
    public boolean mayRead(Caller caller, String jobId) {
        return visible(caller, jobId).isPresent();
    }
}
