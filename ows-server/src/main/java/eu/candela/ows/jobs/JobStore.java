package eu.candela.ows.jobs;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Persists job records. Only {@link JobService} writes through it. Implementations are
 * thread-safe; failures of the backing store surface as {@link JobStoreException}.
 */
public interface JobStore {

    /** Stores a new record; a record with the same id must not exist. */
    void insert(JobRecord job);

    Optional<JobRecord> find(String jobId);

    /**
     * Replaces the mutable part of a record (state, progress, message, times, outputs) if the stored
     * state is still {@code expectedCurrent}; the id, process, owner, creation time, inputs and front
     * request never change.
     *
     * @return false when the job is unknown or its state is no longer {@code expectedCurrent}
     */
    boolean update(JobRecord next, JobState expectedCurrent);

    /** The jobs in any of these states, oldest first. */
    List<JobRecord> findByStates(Set<JobState> states);

    /** One page of an owner's jobs, newest first. */
    List<JobRecord> list(String owner, int offset, int limit);

    /** How many jobs are in each state; states without jobs map to 0. */
    Map<JobState, Long> countByState();
}
