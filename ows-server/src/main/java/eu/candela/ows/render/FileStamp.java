package eu.candela.ows.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/**
 * What identifies one version of a file: a replaced coverage (new inode from an atomic move, new
 * modification time or new size) gets a different stamp, so its cached state is dropped.
 */
record FileStamp(Object fileKey, FileTime lastModified, long size) {

    static FileStamp of(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        return new FileStamp(attributes.fileKey(), attributes.lastModifiedTime(), attributes.size());
    }
}
