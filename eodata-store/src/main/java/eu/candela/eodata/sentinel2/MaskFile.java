package eu.candela.eodata.sentinel2;

import java.util.Objects;

/**
 * One {@code MASK_FILENAME} entry of the tile metadata.
 *
 * @param type   for example {@code MSK_CLASSI} (JPEG 2000, baseline 04.00 on) or {@code MSK_CLOUDS} (GML, before)
 * @param band   the band it belongs to, or null for a mask of the whole tile
 * @param path   path in the SAFE, with its extension
 */
public record MaskFile(String type, Sentinel2Band band, String path) {
    public MaskFile {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(path, "path");
    }
}
