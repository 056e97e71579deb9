package eu.candela.launcher.kubernetes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import eu.candela.launcher.kubernetes.ProcessImage.ImageToleration;

/**
 * One entry of {@code images.yaml} as written: a null field is a key the entry leaves out. Values are
 * checked as they are parsed; {@link #toImage} checks what only the merged row can tell (an image).
 */
record ImageEntry(String image, List<String> command, List<String> args, Map<String, String> env,
                  Map<String, String> requests, Map<String, String> limits, Integer gpu,
                  Map<String, String> nodeSelector, List<ImageToleration> tolerations, String serviceAccount,
                  List<String> imagePullSecrets, Long activeDeadlineSeconds, Integer backoffLimit,
                  Integer ttlSecondsAfterFinished) {

    private static final Set<String> KEYS = Set.of("image", "command", "args", "env", "resources", "gpu",
            "nodeSelector", "tolerations", "serviceAccount", "imagePullSecrets", "activeDeadlineSeconds",
            "backoffLimit", "ttlSecondsAfterFinished");
    private static final Set<String> TOLERATION_KEYS = Set.of("key", "operator", "value", "effect",
            "tolerationSeconds");
    /** Kubernetes' resource.Quantity grammar: a decimal number and an optional binary/decimal suffix. */
    private static final Pattern QUANTITY = Pattern.compile(
            "[+]?(\\d+(\\.\\d*)?|\\.\\d+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\\d+)?");
    /** Registry (with an optional port) and repository path, before any tag or digest. */
    private static final Pattern IMAGE_NAME = Pattern.compile(
            "([A-Za-z0-9.-]+(:[0-9]+)?/)?[a-z0-9]+([._-]+[a-z0-9]+)*(/[a-z0-9]+([._-]+[a-z0-9]+)*)*");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}");
    private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");
    /** DNS-1123 subdomain: service accounts and secrets are named so. */
    private static final Pattern OBJECT_NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");
    private static final Set<String> OPERATORS = Set.of("Equal", "Exists");
    private static final Set<String> EFFECTS = Set.of("NoSchedule", "PreferNoSchedule", "NoExecute");

    static ImageEntry parse(YamlNode node) {
        Map<String, Object> map = node.map();
        node.allowOnly(map, KEYS);
        YamlNode resources = node.child("resources", map.get("resources"));
        Map<String, Object> resourceMap = resources.map();
        resources.allowOnly(resourceMap, Set.of("requests", "limits"));
        return new ImageEntry(
                optional(node, map, "image", ImageEntry::imageReference),
                optional(node, map, "command", YamlNode::stringList),
                optional(node, map, "args", YamlNode::stringList),
                optional(node, map, "env", ImageEntry::environment),
                optional(resources, resourceMap, "requests", ImageEntry::quantities),
                optional(resources, resourceMap, "limits", ImageEntry::quantities),
                optional(node, map, "gpu", n -> (int) n.wholeNumber(0)),
                optional(node, map, "nodeSelector", YamlNode::stringMap),
                optional(node, map, "tolerations", ImageEntry::tolerationList),
                optional(node, map, "serviceAccount", n -> objectName(n)),
                optional(node, map, "imagePullSecrets", ImageEntry::secretNames),
                optional(node, map, "activeDeadlineSeconds", n -> n.wholeNumber(1)),
                optional(node, map, "backoffLimit", n -> (int) n.wholeNumber(0)),
                optional(node, map, "ttlSecondsAfterFinished", n -> (int) n.wholeNumber(0)));
    }

    /** This entry with {@code override}'s keys on top; maps merge key by key. */
    ImageEntry overriddenBy(ImageEntry override) {
        return new ImageEntry(
                pick(override.image, image), pick(override.command, command), pick(override.args, args),
                merge(env, override.env), merge(requests, override.requests), merge(limits, override.limits),
                pick(override.gpu, gpu), merge(nodeSelector, override.nodeSelector),
                pick(override.tolerations, tolerations), pick(override.serviceAccount, serviceAccount),
                pick(override.imagePullSecrets, imagePullSecrets),
                pick(override.activeDeadlineSeconds, activeDeadlineSeconds),
                pick(override.backoffLimit, backoffLimit),
                pick(override.ttlSecondsAfterFinished, ttlSecondsAfterFinished));
    }

    /** The complete row; backoffLimit defaults to 0 because a process that failed once fails again. */
    ProcessImage toImage(YamlNode node) {
        if (image == null) {
            throw node.child("image", null).error("no image, neither here nor in defaults");
        }
        return new ProcessImage(image, orEmpty(command), orEmpty(args), orEmpty(env), orEmpty(requests),
                orEmpty(limits), gpu == null ? 0 : gpu, orEmpty(nodeSelector), orEmpty(tolerations),
                Optional.ofNullable(serviceAccount), orEmpty(imagePullSecrets),
                Optional.ofNullable(activeDeadlineSeconds), backoffLimit == null ? 0 : backoffLimit,
                Optional.ofNullable(ttlSecondsAfterFinished));
    }

    /** A tag or a digest is required: a bare name would float to whatever {@code latest} is today. */
    private static String imageReference(YamlNode node) {
        String reference = node.string();
        String name = reference;
        boolean pinned = false;
        int at = name.indexOf('@');
        if (at >= 0) {
            pinned = DIGEST.matcher(name.substring(at + 1)).matches();
            name = name.substring(0, at);
        }
        int colon = name.lastIndexOf(':');
        if (colon > name.lastIndexOf('/')) {
            pinned = pinned || at < 0;
            if (!TAG.matcher(name.substring(colon + 1)).matches()) {
                pinned = false;
            }
            name = name.substring(0, colon);
        }
        if (!pinned || !IMAGE_NAME.matcher(name).matches()) {
            throw node.error("\"" + reference + "\" is not an image reference with a tag or a sha256 digest");
        }
        return reference;
    }

    private static Map<String, String> environment(YamlNode node) {
        Map<String, String> env = node.stringMap();
        for (String name : env.keySet()) {
            if (!ENV_NAME.matcher(name).matches()) {
                throw node.child(name, null).error("not a valid environment variable name");
            }
        }
        return env;
    }

    private static Map<String, String> quantities(YamlNode node) {
        Map<String, String> quantities = node.stringMap();
        for (Map.Entry<String, String> entry : quantities.entrySet()) {
            if (!QUANTITY.matcher(entry.getValue()).matches()) {
                throw node.child(entry.getKey(), null)
                        .error("\"" + entry.getValue() + "\" is not a Kubernetes quantity (e.g. 500m, 2, 512Mi, 4Gi)");
            }
        }
        return quantities;
    }

    private static List<ImageToleration> tolerationList(YamlNode node) {
        List<ImageToleration> tolerations = new ArrayList<>();
        for (YamlNode item : node.list()) {
            Map<String, Object> map = item.map();
            item.allowOnly(map, TOLERATION_KEYS);
            String key = optional(item, map, "key", YamlNode::string);
            String operator = optional(item, map, "operator", YamlNode::string);
            String value = optional(item, map, "value", YamlNode::scalar);
            String effect = optional(item, map, "effect", YamlNode::string);
            Long seconds = optional(item, map, "tolerationSeconds", n -> n.wholeNumber(0));
            if (operator == null) {
                operator = "Equal";
            }
            if (!OPERATORS.contains(operator)) {
                throw item.child("operator", null).error("expected Equal or Exists, was \"" + operator + "\"");
            }
            if (effect != null && !EFFECTS.contains(effect)) {
                throw item.child("effect", null).error("expected one of " + EFFECTS + ", was \"" + effect + "\"");
            }
            if (operator.equals("Exists") && value != null) {
                throw item.child("value", null).error("must be empty with operator Exists");
            }
            if (key == null && !operator.equals("Exists")) {
                throw item.child("key", null).error("required unless operator is Exists");
            }
            tolerations.add(new ImageToleration(key, operator, value, effect, seconds));
        }
        return tolerations;
    }

    private static List<String> secretNames(YamlNode node) {
        List<String> names = new ArrayList<>();
        for (YamlNode item : node.list()) {
            names.add(objectName(item));
        }
        return names;
    }

    private static String objectName(YamlNode node) {
        String name = node.string();
        if (!OBJECT_NAME.matcher(name).matches()) {
            throw node.error("\"" + name + "\" is not a Kubernetes object name (lower case, digits, '-', '.')");
        }
        return name;
    }

    private static <T> T optional(YamlNode parent, Map<String, Object> map, String key,
                                  java.util.function.Function<YamlNode, T> reader) {
        Object value = map.get(key);
        return value == null ? null : reader.apply(parent.child(key, value));
    }

    private static <T> T pick(T override, T base) {
        return override != null ? override : base;
    }

    private static Map<String, String> merge(Map<String, String> base, Map<String, String> override) {
        if (base == null) {
            return override;
        }
        if (override == null) {
            return base;
        }
        Map<String, String> merged = new LinkedHashMap<>(base);
        merged.putAll(override);
        return merged;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
        return map == null ? Map.of() : map;
    }
}
