package eu.candela.launcher.manifests;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The repository's files the manifest tests read: Surefire runs in the module directory, so the
 * repository root is found by walking up to the folder that holds both {@code k8s/} and {@code docker/}.
 */
final class RepositoryFiles {
    private static final Path ROOT = findRoot();

    private RepositoryFiles() {}

    static Path root() {
        return ROOT;
    }

    static Path resolve(String relative) {
        return ROOT.resolve(relative);
    }

    private static Path findRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("k8s")) && Files.isDirectory(dir.resolve("docker"))
                    && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no folder above " + Path.of("").toAbsolutePath() + " holds k8s/ and docker/");
    }
}
