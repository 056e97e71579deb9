package eu.candela.ows.jobs;

import java.util.Arrays;

/**
 * The state of a job, named by the OGC API - Processes status codes ({@link #id()}). The state
 * owns the legal transitions: accepted may move to any other state, running to a terminal one,
 * and a terminal state to nothing. Staying in a non-terminal state (a progress update) is not a
 * transition.
 */
public enum JobState {
    ACCEPTED("accepted"),
    RUNNING("running"),
    SUCCESSFUL("successful"),
    FAILED("failed"),
    DISMISSED("dismissed");

    private final String id;

    JobState(String id) {
        this.id = id;
    }

    /** The OGC API - Processes status code, lower case. */
    public String id() {
        return id;
    }

    public boolean isTerminal() {
        return this == SUCCESSFUL || this == FAILED || this == DISMISSED;
    }

    /** True when a job in this state may move to {@code next}; false for {@code next == this}. */
    public boolean canMoveTo(JobState next) {
        return switch (this) {
            case ACCEPTED -> next != ACCEPTED;
            case RUNNING -> next.isTerminal();
            case SUCCESSFUL, FAILED, DISMISSED -> false;
        };
    }

    /** The state of an OGC API status code such as {@code "running"}. */
    public static JobState fromId(String id) {
        return Arrays.stream(values())
                .filter(state -> state.id.equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown job state '" + id + "'"));
    }
}
