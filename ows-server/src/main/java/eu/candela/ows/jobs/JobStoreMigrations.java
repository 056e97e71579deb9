package eu.candela.ows.jobs;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * Brings the job store's schema up to date with the versioned Flyway migrations in
 * {@code db/migration} ({@code V1__create_jobs.sql}, ...). Safe to run at every start: applied
 * migrations are skipped.
 */
public final class JobStoreMigrations {
    public static final String LOCATION = "classpath:db/migration";

    private JobStoreMigrations() {
    }

    /** @return how many migrations this call applied (0 when the schema was current) */
    public static int migrate(DataSource dataSource) {
        return Flyway.configure(JobStoreMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION)
                .failOnMissingLocations(true)
                .load()
                .migrate()
                .migrationsExecuted;
    }
}
