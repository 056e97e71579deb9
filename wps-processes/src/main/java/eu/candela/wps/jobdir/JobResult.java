package eu.candela.wps.jobdir;

import java.util.List;
import java.util.Optional;

/**
 * The content of {@code result.json}, written once when a job succeeds.
 *
 * @param outputs in the order the process declares them (copied)
 */
public record JobResult(List<OutputValue> outputs) {
    public JobResult {
        outputs = List.copyOf(outputs);
    }

    public Optional<OutputValue> output(String id) {
        return outputs.stream().filter(o -> o.id().equals(id)).findFirst();
    }
}
