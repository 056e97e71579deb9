package eu.candela.ows.rest;

/**
 * The addresses of REST resources, from the server's public base URL (no trailing slash). Like
 * GeoServer, hrefs in JSON documents name the {@code .json} representation.
 */
record RestLinks(String base) {
    RestLinks {
        base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    String root() { return base + "/rest"; }

    String openApi() { return root() + "/openapi.yaml"; }

    String workspaces() { return root() + "/workspaces"; }

    String workspace(String ws) { return workspaces() + "/" + ws; }

    String stores(String ws) { return workspace(ws) + "/coveragestores"; }

    String store(String ws, String cs) { return stores(ws) + "/" + cs; }

    String coverages(String ws, String cs) { return store(ws, cs) + "/coverages"; }

    String coverage(String ws, String cs, String c) { return coverages(ws, cs) + "/" + c; }

    String layers() { return root() + "/layers"; }

    String layer(String qualifiedName) { return layers() + "/" + qualifiedName; }

    String styles() { return root() + "/styles"; }

    String style(String name) { return styles() + "/" + name; }

    static String json(String href) { return href + ".json"; }
}
