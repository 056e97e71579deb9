package eu.candela.wps.jobdir;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The EO data archive as one runtime sees it. {@code inputs.json} names a file or a folder (a
 * {@code *.SAFE} product) of the archive as {@code eodata:<path relative to the archive root>}, never
 * by the server's own path, because each runtime mounts the archive elsewhere: the server's
 * {@code <data-dir>/eodata} for the local launcher, {@code /eodata} in a Kubernetes pod. The runner
 * resolves such a reference against the root its runtime gives (in-process, or the
 * {@value #ROOT_VARIABLE} environment variable the Job spec sets).
 *
 * @param root the archive's root directory in this runtime
 */
public record EoArchive(Path root) {
    /** What starts a path of {@code inputs.json} that lies in the EO archive. */
    public static final String PREFIX = "eodata:";
    /** The environment variable that gives a container the archive's mount point. */
    public static final String ROOT_VARIABLE = "CANDELA_EODATA";

    public EoArchive {
        Objects.requireNonNull(root, "root");
        root = root.toAbsolutePath().normalize();
    }

    /** The archive named by {@value #ROOT_VARIABLE} in {@code environment}, or empty when unset or blank. */
    public static Optional<EoArchive> fromEnvironment(Map<String, String> environment) {
        String root = environment.get(ROOT_VARIABLE);
        return root == null || root.isBlank() ? Optional.empty() : Optional.of(new EoArchive(Path.of(root.strip())));
    }

    /** True when {@code path}, as written in a job file, names something in the archive. */
    public static boolean isReference(String path) {
        return path.startsWith(PREFIX);
    }

    /**
     * How a job file names {@code relative}, a path relative to the archive root ('/' separators).
     *
     * @throws IllegalArgumentException when {@code relative} is absolute, empty or leads out of the archive
     */
    public static String reference(Path relative) {
        Path normalized = relative.normalize();
        if (relative.isAbsolute() || normalized.toString().isEmpty() || normalized.startsWith("..")) {
            throw new IllegalArgumentException("'" + relative + "' is not a path inside the EO archive");
        }
        return PREFIX + normalized.toString().replace(java.io.File.separatorChar, '/');
    }

    /** The reference of {@code file} when it lies inside this archive. */
    public Optional<String> referenceOf(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (!absolute.startsWith(root) || absolute.equals(root)) {
            return Optional.empty();
        }
        return Optional.of(reference(root.relativize(absolute)));
    }

    /**
     * The file or folder a reference names in this runtime.
     *
     * @throws IllegalArgumentException when {@code reference} is not an archive reference or leads out of the archive
     */
    public Path resolve(String reference) {
        if (!isReference(reference)) {
            throw new IllegalArgumentException("'" + reference + "' does not start with " + PREFIX);
        }
        String relative = reference.substring(PREFIX.length());
        Path resolved = root.resolve(relative).normalize();
        if (relative.isEmpty() || Path.of(relative).isAbsolute() || !resolved.startsWith(root) || resolved.equals(root)) {
            throw new IllegalArgumentException("'" + reference + "' is not a path inside the EO archive");
        }
        return resolved;
    }
}
