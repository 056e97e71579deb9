package eu.candela.launcher.manifests;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One overlay of {@code k8s/overlays/}, rendered by {@code kubectl kustomize} and parsed into
 * fabric8's typed model. Rendered once per overlay and test run: kubectl takes about a second.
 */
final class RenderedOverlay {
    static final List<String> OVERLAYS = List.of("dev", "prod");

    private static final Map<String, RenderedOverlay> RENDERED = new ConcurrentHashMap<>();
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private final String name;
    private final List<HasMetadata> objects;

    private RenderedOverlay(String name, List<HasMetadata> objects) {
        this.name = name;
        this.objects = List.copyOf(objects);
    }

    static RenderedOverlay of(String overlay) {
        Kubectl.require();
        return RENDERED.computeIfAbsent(overlay, o ->
                new RenderedOverlay(o, parse(Kubectl.kustomize(RepositoryFiles.resolve("k8s/overlays/" + o)))));
    }

    /** Every document of a YAML stream as a typed object; an unknown kind stays a GenericKubernetesResource. */
    static List<HasMetadata> parse(String yamlStream) {
        List<HasMetadata> parsed = new ArrayList<>();
        for (String document : yamlStream.split("(?m)^---\\s*$")) {
            if (document.isBlank()) continue;
            parsed.add(SERIALIZATION.unmarshal(document, HasMetadata.class));
        }
        return parsed;
    }

    String name() {
        return name;
    }

    List<HasMetadata> objects() {
        return objects;
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String objectName) {
        return all(type).stream().filter(o -> objectName.equals(o.getMetadata().getName())).findFirst();
    }

    <T extends HasMetadata> T one(Class<T> type, String objectName) {
        return find(type, objectName).orElseThrow(() -> new NoSuchElementException(
                name + " renders no " + type.getSimpleName() + " named " + objectName));
    }

    /**
     * The name a generated ConfigMap or Secret has after rendering: kustomize appends a content
     * hash to {@code candela-processes} and rewrites every reference to it.
     */
    <T extends HasMetadata> T generated(Class<T> type, String baseName) {
        List<T> matches = all(type).stream()
                .filter(o -> o.getMetadata().getName().matches(java.util.regex.Pattern.quote(baseName) + "-[a-z0-9]{10}"))
                .toList();
        if (matches.size() != 1) {
            throw new NoSuchElementException(name + " renders " + matches.size() + " " + type.getSimpleName()
                    + "s generated from " + baseName);
        }
        return matches.get(0);
    }

    /** The long-running workloads: every pod the overlay makes comes from one of these. */
    List<Workload> workloads() {
        List<Workload> workloads = new ArrayList<>();
        for (Deployment d : all(Deployment.class)) {
            workloads.add(new Workload("Deployment", d.getMetadata().getName(), d.getSpec().getReplicas(), d.getSpec().getTemplate()));
        }
        for (StatefulSet s : all(StatefulSet.class)) {
            workloads.add(new Workload("StatefulSet", s.getMetadata().getName(), s.getSpec().getReplicas(), s.getSpec().getTemplate()));
        }
        return workloads;
    }

    Workload workload(String workloadName) {
        return workloads().stream().filter(w -> w.name().equals(workloadName)).findFirst()
                .orElseThrow(() -> new NoSuchElementException(name + " renders no workload " + workloadName));
    }

    @Override
    public String toString() {
        return name;
    }

    /** A Deployment or StatefulSet reduced to what the invariants look at. */
    record Workload(String kind, String name, Integer replicas, PodTemplateSpec template) {
        @Override
        public String toString() {
            return kind + "/" + name;
        }
    }
}
