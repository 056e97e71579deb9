package eu.candela.ows.jobs;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * The contract on a real PostgreSQL 15 ({@code eval "$(.ci/postgres.sh)"}). Each test gets its own
 * schema, dropped afterwards, so runs never see each other's rows.
 */
class JdbcJobStoreOnPostgresTest extends JobStoreContractTest {
    private PostgresSettings settings;
    private String schema;

    @Override
    protected DataSource openEmptyDatabase() throws SQLException {
        settings = PostgresSettings.requireOrSkip();
        schema = "jobs_test_" + UUID.randomUUID().toString().replace("-", "");
        execute("CREATE SCHEMA " + schema);
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(settings.url());
        dataSource.setUser(settings.user());
        dataSource.setPassword(settings.password());
        dataSource.setCurrentSchema(schema);
        return dataSource;
    }

    @Override
    protected void closeDatabase() throws SQLException {
        if (schema != null) {
            execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(settings.url(), settings.user(), settings.password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
