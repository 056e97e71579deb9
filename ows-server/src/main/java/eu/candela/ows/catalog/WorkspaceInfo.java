package eu.candela.ows.catalog;

/** A workspace: the namespace of layers and stores; layer names are {@code workspace:layer}. */
public record WorkspaceInfo(String name) {
    public WorkspaceInfo {
        CatalogNames.check("workspace", name);
    }
}
