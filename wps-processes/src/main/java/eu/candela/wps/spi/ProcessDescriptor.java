package eu.candela.wps.spi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a process is, as every protocol front publishes it. Derived once at start-up; immutable.
 *
 * @param id          process identifier, for example {@code ChangeDetection}
 * @param version     process version, for example {@code 1.0}
 * @param title       short human title
 * @param description abstract
 * @param inputs      inputs in declaration order
 * @param outputs     outputs in declaration order
 */
public record ProcessDescriptor(String id, String version, String title, String description,
                                List<InputDescriptor> inputs, List<OutputDescriptor> outputs) {
    public ProcessDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        title = title == null ? id : title;
        description = description == null ? "" : description;
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    public Optional<InputDescriptor> input(String inputId) {
        return inputs.stream().filter(i -> i.id().equals(inputId)).findFirst();
    }

    public Optional<OutputDescriptor> output(String outputId) {
        return outputs.stream().filter(o -> o.id().equals(outputId)).findFirst();
    }
}
