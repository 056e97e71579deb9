package eu.candela.wps.spi;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Derives and checks a process declaration from an {@link Algorithm} class: {@link EoProcess} on
 * the class, {@link Param} and friends on the input record's components, {@link Result} on the
 * output record's. Done once per class at start-up; any inconsistency is an
 * {@link InvalidProcessDefinitionException} naming the process and the parameter, so a broken
 * declaration stops start-up instead of surfacing as a confusing request error later.
 */
public final class ProcessDefinitions {

    /** Ids become XML identifiers, URL path segments and file names, so keep them plain. */
    private static final Pattern PROCESS_ID = Pattern.compile("[A-Za-z][A-Za-z0-9._-]*");

    private ProcessDefinitions() {
    }

    /** The checked definition of {@code algorithmClass}. */
    public static ProcessDefinition derive(Class<?> algorithmClass) {
        EoProcess process = algorithmClass.getAnnotation(EoProcess.class);
        if (process == null) {
            throw new InvalidProcessDefinitionException(algorithmClass.getName(), null,
                    "the class has no @EoProcess annotation");
        }
        String id = process.id();
        if (!PROCESS_ID.matcher(id).matches()) {
            throw new InvalidProcessDefinitionException(id, null,
                    "the id must start with a letter and contain only letters, digits, '.', '_' and '-'");
        }
        if (process.version().isBlank() || process.title().isBlank()) {
            throw new InvalidProcessDefinitionException(id, null, "@EoProcess needs a non-blank version and title");
        }
        Class<?>[] types = recordTypes(algorithmClass, id);
        Class<? extends Record> inputType = types[0].asSubclass(Record.class);
        Class<? extends Record> outputType = types[1].asSubclass(Record.class);

        List<InputDescriptor> inputs = new ArrayList<>();
        for (RecordComponent component : inputType.getRecordComponents()) {
            inputs.add(new InputDerivation(id, component).derive());
        }
        List<OutputDescriptor> outputs = new ArrayList<>();
        for (RecordComponent component : outputType.getRecordComponents()) {
            outputs.add(OutputDerivation.derive(id, component));
        }
        if (outputs.isEmpty()) {
            throw new InvalidProcessDefinitionException(id, null, "the output record " + outputType.getSimpleName()
                    + " declares no outputs");
        }
        ProcessDescriptor descriptor = new ProcessDescriptor(id, process.version(), process.title(),
                process.description(), inputs, outputs);
        return new ProcessDefinition(descriptor, algorithmClass, inputType, outputType);
    }

    /** Shorthand for {@code derive(algorithmClass).descriptor()}. */
    public static ProcessDescriptor describe(Class<?> algorithmClass) {
        return derive(algorithmClass).descriptor();
    }

    /**
     * The Java type of one value of an input component: the component's type, or {@code X} for a
     * {@code List<X>}. For callers that bind values to input records.
     */
    public static Class<?> valueType(RecordComponent inputComponent) {
        return InputDerivation.elementType(inputComponent);
    }

    /**
     * The concrete {@code I} and {@code O} of {@code Algorithm<I, O>} (or of {@code Workflow<I, O>},
     * which extends it), looked up the class hierarchy.
     */
    private static Class<?>[] recordTypes(Class<?> algorithmClass, String id) {
        if (!Algorithm.class.isAssignableFrom(algorithmClass)) {
            throw new InvalidProcessDefinitionException(id, null, algorithmClass.getName() + " does not implement Algorithm");
        }
        for (Class<?> c = algorithmClass; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Type t : c.getGenericInterfaces()) {
                if (t instanceof ParameterizedType p && (p.getRawType() == Algorithm.class || p.getRawType() == Workflow.class)) {
                    Type[] args = p.getActualTypeArguments();
                    if (args[0] instanceof Class<?> in && in.isRecord() && args[1] instanceof Class<?> out && out.isRecord()) {
                        return new Class<?>[] {in, out};
                    }
                    break;
                }
            }
        }
        throw new InvalidProcessDefinitionException(id, null,
                "the class must implement Algorithm<In, Out> naming concrete record types");
    }
}
