package eu.candela.ows.jobs;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.junit.jupiter.api.io.TempDir;

class JdbcJobStoreOnH2InPostgresModeTest extends JobStoreContractTest {
    @TempDir
    Path directory;

    private H2Database database;

    @Override
    protected DataSource openEmptyDatabase() {
        database = H2Database.openInPostgresMode(directory.resolve("jobs"));
        return database.dataSource();
    }

    @Override
    protected void closeDatabase() {
        database.close();
    }
}
