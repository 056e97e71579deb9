package eu.candela.wps.sar.preprocessing;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/** Wall time spent in each step of the preprocessing, summed over blocks; for the job log and the benchmark. Not thread-safe. */
final class StepTimes {
    enum Step { GEOCODING, READ, CALIBRATION, MULTILOOK, SPECKLE_FILTER, RESAMPLING, WRITE }

    private final Map<Step, Long> nanos = new EnumMap<>(Step.class);

    void add(Step step, long startNanos) {
        nanos.merge(step, System.nanoTime() - startNanos, Long::sum);
    }

    @Override
    public String toString() {
        StringJoiner j = new StringJoiner(", ");
        for (Step s : Step.values()) {
            j.add(s.name().toLowerCase(Locale.ROOT) + " " + String.format(Locale.ROOT, "%.2f s", nanos.getOrDefault(s, 0L) / 1e9));
        }
        return j.toString();
    }
}
