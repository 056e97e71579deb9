package eu.candela.ows.jobs;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Optional;

import org.junit.jupiter.api.Assumptions;

/**
 * Where the PostgreSQL tests find a server: environment variables {@code CANDELA_TEST_POSTGRES_URL},
 * {@code _USER}, {@code _PASSWORD} (printed by {@code .ci/postgres.sh}), or the system properties
 * {@code candela.test.postgres.url}, {@code .user}, {@code .password}. The only place tests read them.
 */
record PostgresSettings(String url, String user, String password) {

    /** The settings, or a skipped test when none are given; a failed one when {@code candela.requireExternalTools=true}. */
    static PostgresSettings requireOrSkip() {
        Optional<PostgresSettings> settings = fromEnvironment();
        if (settings.isPresent()) {
            return settings.get();
        }
        String missing = "PostgreSQL settings: set CANDELA_TEST_POSTGRES_URL, _USER and _PASSWORD "
                + "(run: eval \"$(.ci/postgres.sh)\")";
        if (Boolean.getBoolean("candela.requireExternalTools")) {
            fail("Required test tool missing: " + missing);
        }
        Assumptions.abort("skipped, not configured: " + missing);
        throw new IllegalStateException("unreachable");
    }

    private static Optional<PostgresSettings> fromEnvironment() {
        String url = setting("CANDELA_TEST_POSTGRES_URL", "candela.test.postgres.url");
        if (url == null) {
            return Optional.empty();
        }
        String user = setting("CANDELA_TEST_POSTGRES_USER", "candela.test.postgres.user");
        String password = setting("CANDELA_TEST_POSTGRES_PASSWORD", "candela.test.postgres.password");
        return Optional.of(new PostgresSettings(url, user, password == null ? "" : password));
    }

    private static String setting(String environmentVariable, String systemProperty) {
        String value = System.getenv(environmentVariable);
        if (value == null || value.isBlank()) {
            value = System.getProperty(systemProperty);
        }
        return value == null || value.isBlank() ? null : value;
    }
}
