package eu.candela.ows.jobs;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcConnectionPool;

/** An H2 file database for tests, pooled so that each call does not reopen the file. */
final class H2Database implements AutoCloseable {
    private final JdbcConnectionPool pool;

    private H2Database(String url) {
        this.pool = JdbcConnectionPool.create(url, "sa", "");
    }

    /** The embedded default: H2's own dialect. */
    static H2Database open(Path file) {
        return new H2Database("jdbc:h2:file:" + file.toAbsolutePath());
    }

    /** H2 emulating PostgreSQL, as a server configured for PostgreSQL-style SQL would open it. */
    static H2Database openInPostgresMode(Path file) {
        return new H2Database("jdbc:h2:file:" + file.toAbsolutePath() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
    }

    DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
