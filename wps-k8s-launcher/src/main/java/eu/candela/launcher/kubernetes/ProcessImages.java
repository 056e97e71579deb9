package eu.candela.launcher.kubernetes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The process-to-image table of the data directory ({@code processes/images.yaml}): which image,
 * command, resources and scheduling each process gets as a Kubernetes Job.
 *
 * <pre>
 * defaults:                       # every process, unless it overrides
 *   image: candela/processing:0.1.0
 *   command: [java, -jar, /opt/candela/candela-processes.jar]
 *   resources: { requests: { cpu: "1", memory: 2Gi }, limits: { memory: 4Gi } }
 * processes:
 *   ChangeDetection:              # a process id
 *     gpu: 1
 *     nodeSelector: { candela.eu/gpu: "true" }
 *     tolerations: [ { key: nvidia.com/gpu, operator: Exists, effect: NoSchedule } ]
 * </pre>
 *
 * Keys: {@code image, command, args, env, resources.requests, resources.limits, gpu, nodeSelector,
 * tolerations, serviceAccount, imagePullSecrets, activeDeadlineSeconds, backoffLimit,
 * ttlSecondsAfterFinished}. A process entry overrides the defaults key by key; the maps ({@code env},
 * {@code nodeSelector}, {@code resources.requests}, {@code resources.limits}) merge entry by entry
 * instead, so a process can raise its memory limit and keep the default CPU. Every entry is merged and
 * checked at load, so a bad table stops startup with the entry and the key named, not the first Job.
 * Immutable and thread-safe.
 */
public final class ProcessImages {
    /** Where the table lives, relative to the data directory. */
    public static final String DATA_DIRECTORY_FILE = "processes/images.yaml";

    private final Optional<ProcessImage> defaults;
    private final Map<String, ProcessImage> processes;

    private ProcessImages(Optional<ProcessImage> defaults, Map<String, ProcessImage> processes) {
        this.defaults = defaults;
        this.processes = processes;
    }

    /** Reads and checks a table file. */
    public static ProcessImages load(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.getFileName().toString());
    }

    /**
     * Parses and checks a table.
     *
     * @param source the file name for messages
     * @throws InvalidProcessImagesException naming the entry and the key at fault
     */
    public static ProcessImages parse(String yamlText, String source) {
        Object root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            root = new Yaml(new SafeConstructor(options)).load(yamlText);
        } catch (YAMLException e) {
            throw new InvalidProcessImagesException(source + ": not valid YAML: " + e.getMessage(), e);
        }
        YamlNode top = new YamlNode(source, "", root == null ? Map.of() : root);
        Map<String, Object> sections = top.map();
        top.allowOnly(sections, Set.of("defaults", "processes"));
        YamlNode defaultsNode = top.child("defaults", sections.get("defaults"));
        ImageEntry defaults = ImageEntry.parse(defaultsNode);
        Map<String, ProcessImage> processes = new LinkedHashMap<>();
        YamlNode processesNode = top.child("processes", sections.get("processes"));
        for (Map.Entry<String, Object> entry : processesNode.map().entrySet()) {
            YamlNode processNode = processesNode.child(entry.getKey(), entry.getValue());
            ImageEntry merged = defaults.overriddenBy(ImageEntry.parse(processNode));
            processes.put(entry.getKey(), merged.toImage(processNode));
        }
        Optional<ProcessImage> defaultImage = defaults.image() == null
                ? Optional.empty()
                : Optional.of(defaults.toImage(defaultsNode));
        return new ProcessImages(defaultImage, Collections.unmodifiableMap(processes));
    }

    /**
     * The image row of a process: its own entry merged over the defaults, or the defaults alone for a
     * process the table does not list. Empty when neither names an image.
     */
    public Optional<ProcessImage> find(String processId) {
        ProcessImage listed = processes.get(processId);
        if (listed != null) {
            return Optional.of(listed);
        }
        return defaults;
    }

    /** The process ids with an entry of their own. */
    public Set<String> listedProcesses() {
        return processes.keySet();
    }
}
