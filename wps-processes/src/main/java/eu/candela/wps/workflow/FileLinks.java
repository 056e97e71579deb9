package eu.candela.wps.workflow;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Puts a file (or a folder's files) at a second place without copying when it can: a hard link,
 * which costs nothing and survives the original's deletion, or a copy where links are impossible
 * (another file system, a file system without them).
 */
final class FileLinks {

    private FileLinks() {
    }

    /** Links (or copies) {@code source} to {@code target}; a folder is mirrored file by file. */
    static void linkOrCopy(Path source, Path target) throws IOException {
        if (Files.isDirectory(source)) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(source)) {
                files = walk.filter(Files::isRegularFile).toList();
            }
            Files.createDirectories(target);
            for (Path file : files) {
                linkOrCopy(file, target.resolve(source.relativize(file).toString()));
            }
            return;
        }
        Files.createDirectories(target.getParent());
        try {
            Files.createLink(target, source);
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    /**
     * Whether {@code target} still shows {@code source}: the same file (a hard link), or a copy of the
     * same size not older than it. For a folder, every file of it.
     */
    static boolean isCurrent(Path source, Path target) throws IOException {
        if (Files.isDirectory(source)) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(source)) {
                files = walk.filter(Files::isRegularFile).toList();
            }
            for (Path file : files) {
                if (!isCurrent(file, target.resolve(source.relativize(file).toString()))) {
                    return false;
                }
            }
            return true;
        }
        if (!Files.isRegularFile(target) || !Files.isRegularFile(source)) {
            return false;
        }
        return Files.isSameFile(source, target)
                || Files.size(source) == Files.size(target)
                && Files.getLastModifiedTime(target).compareTo(Files.getLastModifiedTime(source)) >= 0;
    }
}
