package eu.candela.ows.jobs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

/**
 * The job store on a relational database: H2 2.x (file mode, any compatibility mode) for the
 * embedded server, PostgreSQL 15 in a cluster. The same SQL runs on both; the schema comes from
 * {@link JobStoreMigrations}. Each call is one auto-committed statement, so the optimistic
 * {@link #update} relies on the row lock of a single UPDATE: of two conflicting updates one wins.
 */
public final class JdbcJobStore implements JobStore {
    private static final String COLUMNS = "job_id, process_id, owner, state, percent_completed, message, "
            + "created_at, started_at, finished_at, updated_at, inputs, outputs, front_request";
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;

    public JdbcJobStore(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public void insert(JobRecord job) {
        String sql = "INSERT INTO jobs (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, job.jobId());
            statement.setString(2, job.processId());
            statement.setString(3, job.owner());
            statement.setString(4, job.state().id());
            statement.setInt(5, job.percentCompleted());
            statement.setString(6, job.message());
            setInstant(statement, 7, job.created());
            setInstant(statement, 8, job.started());
            setInstant(statement, 9, job.finished());
            setInstant(statement, 10, job.updated());
            statement.setString(11, job.inputs());
            statement.setString(12, job.outputs());
            statement.setString(13, job.frontRequest());
            statement.executeUpdate();
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new JobStoreException("job " + job.jobId() + " is already stored", e);
            }
            throw failure("insert job " + job.jobId(), e);
        }
    }

    @Override
    public Optional<JobRecord> find(String jobId) {
        List<JobRecord> found = query("SELECT " + COLUMNS + " FROM jobs WHERE job_id = ?", List.of(jobId));
        return found.stream().findFirst();
    }

    @Override
    public boolean update(JobRecord next, JobState expectedCurrent) {
        String sql = "UPDATE jobs SET state = ?, percent_completed = ?, message = ?, started_at = ?, "
                + "finished_at = ?, updated_at = ?, outputs = ? WHERE job_id = ? AND state = ?";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, next.state().id());
            statement.setInt(2, next.percentCompleted());
            statement.setString(3, next.message());
            setInstant(statement, 4, next.started());
            setInstant(statement, 5, next.finished());
            setInstant(statement, 6, next.updated());
            statement.setString(7, next.outputs());
            statement.setString(8, next.jobId());
            statement.setString(9, expectedCurrent.id());
            return statement.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failure("update job " + next.jobId(), e);
        }
    }

    @Override
    public List<JobRecord> findByStates(Set<JobState> states) {
        if (states.isEmpty()) {
            return List.of();
        }
        String placeholders = String.join(", ", Collections.nCopies(states.size(), "?"));
        List<String> ids = states.stream().map(JobState::id).toList();
        return query("SELECT " + COLUMNS + " FROM jobs WHERE state IN (" + placeholders + ")"
                + " ORDER BY created_at, job_id", ids);
    }

    @Override
    public List<JobRecord> list(String owner, int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative, were " + offset + ", " + limit);
        }
        return query("SELECT " + COLUMNS + " FROM jobs WHERE owner = ?"
                + " ORDER BY created_at DESC, job_id DESC LIMIT ? OFFSET ?", List.of(owner, limit, offset));
    }

    @Override
    public Map<JobState, Long> countByState() {
        Map<JobState, Long> counts = new EnumMap<>(JobState.class);
        for (JobState state : JobState.values()) {
            counts.put(state, 0L);
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT state, COUNT(*) FROM jobs GROUP BY state");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                counts.put(JobState.fromId(rows.getString(1)), rows.getLong(2));
            }
        } catch (SQLException e) {
            throw failure("count jobs by state", e);
        }
        return counts;
    }

    private List<JobRecord> query(String sql, List<?> parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                List<JobRecord> records = new ArrayList<>();
                while (rows.next()) {
                    records.add(toRecord(rows));
                }
                return records;
            }
        } catch (SQLException e) {
            throw failure("read jobs", e);
        }
    }

    private static JobRecord toRecord(ResultSet row) throws SQLException {
        return new JobRecord(
                row.getString("job_id"),
                row.getString("process_id"),
                row.getString("owner"),
                JobState.fromId(row.getString("state")),
                row.getInt("percent_completed"),
                row.getString("message"),
                getInstant(row, "created_at"),
                getInstant(row, "started_at"),
                getInstant(row, "finished_at"),
                getInstant(row, "updated_at"),
                row.getString("inputs"),
                row.getString("outputs"),
                row.getString("front_request"));
    }

    private static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        }
    }

    private static Instant getInstant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static JobStoreException failure(String action, SQLException e) {
        return new JobStoreException("cannot " + action + ": " + e.getMessage(), e);
    }
}
