package eu.candela.launcher.internal;

/**
 * What a process last wrote to its job directory's {@code status.json}.
 *
 * @param percentCompleted 0 to 100 inclusive
 * @param message          the process's last message, or null when it wrote none
 */
public record StatusSnapshot(int percentCompleted, String message) {
    public StatusSnapshot {
        if (percentCompleted < 0 || percentCompleted > 100) {
            throw new IllegalArgumentException("percentCompleted must be in 0..100, was " + percentCompleted);
        }
    }
}
