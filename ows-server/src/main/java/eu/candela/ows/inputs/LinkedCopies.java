package eu.candela.ows.inputs;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Places a local file (or a folder, file by file) into a job directory without copying its bytes when
 * the file system allows: a hard link shares the data, costs nothing for a multi-gigabyte scene and
 * is seen by whoever mounts the job directory. Where no link can be made (another file system, a
 * volume without hard links) the bytes are copied.
 */
public final class LinkedCopies {
    private LinkedCopies() {
    }

    /** Links or copies {@code source} to {@code target}, which must not exist yet. */
    public static void linkOrCopy(Path source, Path target) throws IOException {
        if (!Files.isDirectory(source)) {
            linkOrCopyFile(source, target);
            return;
        }
        List<Path> entries;
        try (Stream<Path> walk = Files.walk(source)) {
            entries = walk.toList();
        }
        for (Path entry : entries) {
            Path placed = target.resolve(source.relativize(entry).toString());
            if (Files.isDirectory(entry)) {
                Files.createDirectories(placed);
            } else {
                linkOrCopyFile(entry, placed);
            }
        }
    }

    private static void linkOrCopyFile(Path source, Path target) throws IOException {
        try {
            Files.createLink(target, source);
        } catch (UnsupportedOperationException | FileSystemException e) {
            Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }
}
