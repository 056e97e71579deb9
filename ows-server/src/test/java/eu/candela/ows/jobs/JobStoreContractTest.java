package eu.candela.ows.jobs;

import static eu.candela.ows.jobs.JobRecords.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link JobStore} backend must do, run by one subclass per database. A subclass
 * provides a fresh, empty database; the schema comes from the migrations.
 */
abstract class JobStoreContractTest {
    private DataSource dataSource;
    private JobStore store;

    /** A data source on a fresh, empty database. */
    protected abstract DataSource openEmptyDatabase() throws Exception;

    protected abstract void closeDatabase() throws Exception;

    @BeforeEach
    void migrateAndOpenStore() throws Exception {
        dataSource = openEmptyDatabase();
        JobStoreMigrations.migrate(dataSource);
        store = new JdbcJobStore(dataSource);
    }

    @AfterEach
    void close() throws Exception {
        closeDatabase();
    }

    @Test
    void insertedJobIsFoundWithEveryField() {
        JobRecord job = JobRecords.inState(JobState.SUCCESSFUL);

        store.insert(job);

        assertThat(store.find(job.jobId())).contains(job);
    }

    @Test
    void roundTripsLargeUnicodeTextsAndNulls() {
        String bigInputs = "{\"aoi\":\"" + "POLYGON((1 2,3 4)) é ü 中 ".repeat(20_000) + "\"}";
        JobRecord job = JobRecord.accepted(JobRecords.accepted().jobId(), "Triplify", "bob", T0, bigInputs, null);

        store.insert(job);

        assertThat(store.find(job.jobId())).contains(job);
    }

    @Test
    void instantsRoundTripToTheMillisecond() {
        Instant precise = Instant.parse("2026-11-22T23:59:59.999Z");
        JobRecord job = JobRecords.accepted("alice", precise);

        store.insert(job);

        assertThat(store.find(job.jobId()).orElseThrow().created()).isEqualTo(precise);
    }

    @Test
    void findOfUnknownJobIsEmpty() {
        assertThat(store.find(JobRecords.accepted().jobId())).isEmpty();
    }

    @Test
    void insertOfAnExistingIdIsRefused() {
        JobRecord job = JobRecords.accepted();
        store.insert(job);

        assertThatThrownBy(() -> store.insert(job))
                .isInstanceOf(JobStoreException.class)
                .hasMessageContaining(job.jobId());
    }

    @Test
    void updateAppliesWhenTheStoredStateIsTheExpectedOne() {
        JobRecord accepted = JobRecords.accepted();
        store.insert(accepted);
        JobRecord running = accepted.withRunning(T0.plusSeconds(1)).withProgress(42, "tile 3 of 7", T0.plusSeconds(2));

        assertThat(store.update(running, JobState.ACCEPTED)).isTrue();

        assertThat(store.find(accepted.jobId())).contains(running);
    }

    @Test
    void updateIsRefusedWhenTheStoredStateMovedOn() {
        JobRecord running = JobRecords.running();
        store.insert(running);
        store.update(running.withDismissal("dismissed", T0.plusSeconds(3)), JobState.RUNNING);

        boolean updated = store.update(running.withFailure("too late", T0.plusSeconds(4)), JobState.RUNNING);

        assertThat(updated).isFalse();
        assertThat(store.find(running.jobId()).orElseThrow().state()).isEqualTo(JobState.DISMISSED);
    }

    @Test
    void updateOfAnUnknownJobReturnsFalse() {
        assertThat(store.update(JobRecords.running(), JobState.ACCEPTED)).isFalse();
    }

    @Test
    void updateNeverChangesTheImmutableFields() {
        JobRecord accepted = JobRecords.accepted();
        store.insert(accepted);
        JobRecord tampered = new JobRecord(accepted.jobId(), "Other", "mallory", JobState.RUNNING, 5, null,
                T0.plusSeconds(60), T0.plusSeconds(61), null, T0.plusSeconds(61), "{}", null, "other");

        store.update(tampered, JobState.ACCEPTED);

        JobRecord stored = store.find(accepted.jobId()).orElseThrow();
        assertThat(stored.processId()).isEqualTo(accepted.processId());
        assertThat(stored.owner()).isEqualTo(accepted.owner());
        assertThat(stored.created()).isEqualTo(accepted.created());
        assertThat(stored.inputs()).isEqualTo(accepted.inputs());
        assertThat(stored.frontRequest()).isEqualTo(accepted.frontRequest());
        assertThat(stored.state()).isEqualTo(JobState.RUNNING);
    }

    @Test
    void ofConcurrentConflictingUpdatesExactlyOneWins() throws Exception {
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            for (int round = 0; round < 5; round++) {
                JobRecord running = JobRecords.running();
                store.insert(running);
                CyclicBarrier start = new CyclicBarrier(writers);
                List<Future<Boolean>> outcomes = new ArrayList<>();
                for (int writer = 0; writer < writers; writer++) {
                    JobRecord next = running.withFailure("writer " + writer, T0.plusSeconds(10 + writer));
                    Callable<Boolean> update = () -> {
                        start.await(10, TimeUnit.SECONDS);
                        return store.update(next, JobState.RUNNING);
                    };
                    outcomes.add(pool.submit(update));
                }
                List<Integer> winners = new ArrayList<>();
                for (int writer = 0; writer < writers; writer++) {
                    if (outcomes.get(writer).get(30, TimeUnit.SECONDS)) {
                        winners.add(writer);
                    }
                }
                assertThat(winners).hasSize(1);
                assertThat(store.find(running.jobId()).orElseThrow().message()).isEqualTo("writer " + winners.get(0));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void findByStatesReturnsTheJobsInThoseStatesOnly() {
        for (JobState state : JobState.values()) {
            store.insert(JobRecords.inState(state));
        }

        List<JobRecord> open = store.findByStates(EnumSet.of(JobState.ACCEPTED, JobState.RUNNING));

        assertThat(open).extracting(JobRecord::state).containsExactlyInAnyOrder(JobState.ACCEPTED, JobState.RUNNING);
    }

    @Test
    void findByNoStatesIsEmpty() {
        store.insert(JobRecords.accepted());

        assertThat(store.findByStates(EnumSet.noneOf(JobState.class))).isEmpty();
    }

    @Test
    void listPagesAnOwnersJobsNewestFirst() {
        List<JobRecord> alices = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            JobRecord job = JobRecords.accepted("alice", T0.plusSeconds(i));
            alices.add(0, job);
            store.insert(job);
        }
        store.insert(JobRecords.accepted("bob", T0.plusSeconds(100)));

        assertThat(store.list("alice", 0, 2)).containsExactlyElementsOf(alices.subList(0, 2));
        assertThat(store.list("alice", 2, 2)).containsExactlyElementsOf(alices.subList(2, 4));
        assertThat(store.list("alice", 4, 2)).containsExactlyElementsOf(alices.subList(4, 5));
        assertThat(store.list("alice", 6, 2)).isEmpty();
    }

    @Test
    void countByStateCountsEveryStateIncludingEmptyOnes() {
        store.insert(JobRecords.inState(JobState.RUNNING));
        store.insert(JobRecords.inState(JobState.RUNNING));
        store.insert(JobRecords.inState(JobState.FAILED));

        Map<JobState, Long> counts = store.countByState();

        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of(
                JobState.ACCEPTED, 0L, JobState.RUNNING, 2L, JobState.SUCCESSFUL, 0L,
                JobState.FAILED, 1L, JobState.DISMISSED, 0L));
    }

    @Test
    void migrationsAreIdempotentOnASecondStart() {
        JobRecord job = JobRecords.inState(JobState.FAILED);
        store.insert(job);

        int applied = JobStoreMigrations.migrate(dataSource);

        assertThat(applied).isZero();
        assertThat(new JdbcJobStore(dataSource).find(job.jobId())).contains(job);
    }
}
