package eu.candela.ows.jobs;

import java.util.UUID;

/** Job ids are canonical lower-case UUID strings; anything else names no job. */
final class JobIds {
    private JobIds() {
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    static boolean isValid(String jobId) {
        if (jobId == null || jobId.length() != 36) {
            return false;
        }
        try {
            return UUID.fromString(jobId).toString().equals(jobId);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
