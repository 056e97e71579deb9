package eu.candela.ows.jobs;

import java.time.Instant;
import java.util.UUID;

/** Job records for tests, one line each. */
final class JobRecords {
    static final String INPUTS = "{\"inputs\":{\"alpha\":0.05}}";
    static final String OUTPUTS = "{\"outputs\":[{\"name\":\"mask\",\"path\":\"outputs/mask.tif\"}]}";
    static final Instant T0 = Instant.parse("2026-11-22T10:15:30.123Z");

    private JobRecords() {
    }

    static JobRecord accepted(String owner, Instant created) {
        return JobRecord.accepted(UUID.randomUUID().toString(), "ChangeDetection", owner, created, INPUTS,
                "<wps:ResponseForm/>");
    }

    static JobRecord accepted() {
        return accepted("alice", T0);
    }

    static JobRecord running() {
        return accepted().withRunning(T0.plusSeconds(1));
    }

    static JobRecord inState(JobState state) {
        return switch (state) {
            case ACCEPTED -> accepted();
            case RUNNING -> running();
            case SUCCESSFUL -> running().withSuccess(OUTPUTS, "completed", T0.plusSeconds(2));
            case FAILED -> running().withFailure("no scene covers the area", T0.plusSeconds(2));
            case DISMISSED -> running().withDismissal("dismissed", T0.plusSeconds(2));
        };
    }
}
