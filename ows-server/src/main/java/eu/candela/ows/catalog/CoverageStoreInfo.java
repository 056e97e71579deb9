package eu.candela.ows.catalog;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A coverage store: one GeoTIFF file.
 *
 * @param workspace   the workspace it belongs to
 * @param name        unique within the workspace
 * @param file        absolute path of the GeoTIFF (inside the data directory)
 * @param description free text, may be empty
 * @param enabled     false hides its layers from every service
 */
public record CoverageStoreInfo(String workspace, String name, Path file, String description, boolean enabled) {
    public CoverageStoreInfo {
        CatalogNames.check("workspace", workspace);
        CatalogNames.check("coverage store", name);
        Objects.requireNonNull(file, "file");
        if (!file.isAbsolute()) throw new IllegalArgumentException("coverage store file must be absolute: " + file);
        description = description == null ? "" : description;
    }
}
