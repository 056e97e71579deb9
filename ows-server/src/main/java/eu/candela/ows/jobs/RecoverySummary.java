package eu.candela.ows.jobs;

/**
 * What {@link JobService#recoverAfterRestart()} did with the jobs a stopped server left open.
 *
 * @param succeeded   finished before the restart (a complete {@code result.json}): now successful
 * @param requeued    accepted with their inputs: submitted to the launcher again
 * @param failed      interrupted while running, or refused by a busy launcher: now failed
 * @param stillActive known to the launcher, left as they are
 */
public record RecoverySummary(int succeeded, int requeued, int failed, int stillActive) {
    public RecoverySummary {
        if (succeeded < 0 || requeued < 0 || failed < 0 || stillActive < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    public int total() {
        return succeeded + requeued + failed + stillActive;
    }
}
