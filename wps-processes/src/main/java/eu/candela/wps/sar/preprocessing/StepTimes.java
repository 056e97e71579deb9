package eu.candela.wps.sar.preprocessing;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.atomic.LongAdder;

/**
 * Time spent in each step of the preprocessing, summed over blocks and worker threads (so with two
 * workers the sum can exceed the wall time); for the job log and the benchmark. Thread-safe.
 */
final class StepTimes {
    enum Step { GEOCODING, READ, CALIBRATION, MULTILOOK, SPECKLE_FILTER, RESAMPLING, WRITE }

    private final Map<Step, LongAdder> nanos = new EnumMap<>(Step.class);

    StepTimes() {
        for (Step s : Step.values()) {
            nanos.put(s, new LongAdder());
        }
    }

    void add(Step step, long startNanos) {
        nanos.get(step).add(System.nanoTime() - startNanos);
    }

    @Override
    public String toString() {
        StringJoiner j = new StringJoiner(", ");
        for (Step s : Step.values()) {
            j.add(s.name().toLowerCase(Locale.ROOT) + " " + String.format(Locale.ROOT, "%.2f s", nanos.get(s).sum() / 1e9));
        }
        return j.toString();
    }
}
