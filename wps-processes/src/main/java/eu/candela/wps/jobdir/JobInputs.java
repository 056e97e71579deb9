package eu.candela.wps.jobdir;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The content of {@code inputs.json}: which process to run and the values of its inputs, keyed by
 * input id, each a list because an input may occur more than once. Inputs the client omitted are
 * absent; the runner applies defaults.
 *
 * @param processId the process identifier
 * @param inputs    values by input id, in the order given (copied)
 */
public record JobInputs(String processId, Map<String, List<InputValue>> inputs) {
    public JobInputs {
        Objects.requireNonNull(processId, "processId");
        Map<String, List<InputValue>> copy = new LinkedHashMap<>();
        (inputs == null ? Map.<String, List<InputValue>>of() : inputs)
                .forEach((id, values) -> copy.put(Objects.requireNonNull(id, "input id"), List.copyOf(values)));
        inputs = Collections.unmodifiableMap(copy);
    }

    /** The values given for {@code inputId}; empty when the client omitted it. */
    public List<InputValue> values(String inputId) {
        return inputs.getOrDefault(inputId, List.of());
    }

    /** These inputs plus one more input (replacing its values if present). */
    public JobInputs with(String inputId, InputValue... values) {
        Map<String, List<InputValue>> copy = new LinkedHashMap<>(inputs);
        copy.put(inputId, List.of(values));
        return new JobInputs(processId, copy);
    }
}
