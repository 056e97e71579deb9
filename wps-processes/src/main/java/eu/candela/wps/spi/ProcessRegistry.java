package eu.candela.wps.spi;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Collections;

/**
 * The processes available in this runtime, each with its checked definition. Built once at
 * start-up; immutable and thread-safe afterwards.
 */
public final class ProcessRegistry {

    /** An algorithm and its definition, kept together so callers never derive a definition twice. */
    public record Entry(ProcessDefinition definition, Algorithm<?, ?> algorithm) {
    }

    private final Map<String, Entry> entries;

    private ProcessRegistry(Map<String, Entry> entries) {
        this.entries = entries;
    }

    /**
     * Finds every {@link Algorithm} listed in {@code META-INF/services/eu.candela.wps.spi.Algorithm}
     * on the class path, the way GeoServer finds process factories in the jars it is given.
     *
     * @throws InvalidProcessDefinitionException when one of them is declared inconsistently or two share an id
     */
    @SuppressWarnings("rawtypes")
    public static ProcessRegistry discover() {
        return of(ServiceLoader.load(Algorithm.class).stream()
                .map(provider -> (Algorithm<?, ?>) provider.get())
                .toList());
    }

    /**
     * A registry of the given algorithms.
     *
     * @throws InvalidProcessDefinitionException when one of them is declared inconsistently or two share an id
     */
    public static ProcessRegistry of(List<? extends Algorithm<?, ?>> algorithms) {
        Map<String, Entry> byId = new LinkedHashMap<>();
        algorithms.stream()
                .map(a -> new Entry(ProcessDefinitions.derive(a.getClass()), a))
                .sorted(Comparator.comparing(e -> e.definition().id()))
                .forEach(e -> {
                    Entry previous = byId.putIfAbsent(e.definition().id(), e);
                    if (previous != null) {
                        throw new InvalidProcessDefinitionException(e.definition().id(), null,
                                "the id is declared by both " + previous.algorithm().getClass().getName()
                                        + " and " + e.algorithm().getClass().getName());
                    }
                });
        return new ProcessRegistry(Collections.unmodifiableMap(byId));
    }

    /** Every descriptor, sorted by process id. */
    public List<ProcessDescriptor> descriptors() {
        return entries.values().stream().map(e -> e.definition().descriptor()).toList();
    }

    public Optional<ProcessDescriptor> descriptor(String processId) {
        return entry(processId).map(e -> e.definition().descriptor());
    }

    public Optional<Algorithm<?, ?>> algorithm(String processId) {
        return entry(processId).map(Entry::algorithm);
    }

    public Optional<Entry> entry(String processId) {
        return Optional.ofNullable(entries.get(processId));
    }
}
