package eu.candela.wps.spi;

import java.util.Objects;

/**
 * A checked process declaration: the published descriptor plus the record types the runner binds
 * inputs to and reads outputs from. Built by {@link ProcessDefinitions#derive(Class)}; immutable.
 * The input record's components are in the order of {@code descriptor.inputs()}, the output
 * record's in the order of {@code descriptor.outputs()}.
 *
 * @param descriptor    what the fronts publish
 * @param algorithmType the implementing class
 * @param inputType     the input record type
 * @param outputType    the output record type
 */
public record ProcessDefinition(ProcessDescriptor descriptor, Class<?> algorithmType,
                                Class<? extends Record> inputType, Class<? extends Record> outputType) {
    public ProcessDefinition {
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(algorithmType, "algorithmType");
        Objects.requireNonNull(inputType, "inputType");
        Objects.requireNonNull(outputType, "outputType");
    }

    public String id() { return descriptor.id(); }
}
