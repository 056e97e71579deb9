package eu.candela.launcher.local;

import java.util.Objects;

/** How a local job ended; {@code reason} is a one-line message for FAILED, null otherwise. */
record JobOutcome(Kind kind, String reason) {
    enum Kind { SUCCEEDED, FAILED, CANCELLED }

    private static final int MAX_REASON_LENGTH = 1000;

    JobOutcome {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.FAILED) {
            reason = oneLine(Objects.requireNonNull(reason, "reason"));
        } else if (reason != null) {
            throw new IllegalArgumentException("only a failure has a reason");
        }
    }

    static JobOutcome succeeded() {
        return new JobOutcome(Kind.SUCCEEDED, null);
    }

    static JobOutcome cancelled() {
        return new JobOutcome(Kind.CANCELLED, null);
    }

    static JobOutcome failed(String reason) {
        return new JobOutcome(Kind.FAILED, reason);
    }

    /** A reason is shown to users: first line only, bounded, never a stack trace. */
    private static String oneLine(String text) {
        String stripped = text.strip();
        int newline = stripped.indexOf('\n');
        String first = (newline < 0 ? stripped : stripped.substring(0, newline)).strip();
        if (first.isEmpty()) {
            first = "the process failed without a message";
        }
        return first.length() <= MAX_REASON_LENGTH ? first : first.substring(0, MAX_REASON_LENGTH - 3) + "...";
    }
}
