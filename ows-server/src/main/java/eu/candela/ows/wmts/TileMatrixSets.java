package eu.candela.ows.wmts;

import java.util.List;
import java.util.Optional;

/** The tile matrix sets this server offers: OGC's two well-known scale sets (OGC 07-057r7 annex E). */
public final class TileMatrixSets {
    /** Spherical Mercator as Google, OSM and Bing tile it. */
    public static final TileMatrixSet GOOGLE_MAPS_COMPATIBLE = new TileMatrixSet("GoogleMapsCompatible",
            "urn:ogc:def:crs:EPSG::3857", "urn:ogc:def:wkss:OGC:1.0:GoogleMapsCompatible", 3857, 1.0,
            -20037508.3427892, 20037508.3427892, 256, 1, 1, 559082264.0287178, 20);

    /**
     * Plate carrée in longitude / latitude: two tiles (west, east hemisphere) at level 0. Its scales
     * are not those of OGC's GoogleCRS84Quad (one tile at level 0), so it names no well-known scale set.
     */
    public static final TileMatrixSet WORLD_CRS84_QUAD = new TileMatrixSet("WorldCRS84Quad",
            "urn:ogc:def:crs:OGC:1.3:CRS84", null, 4326,
            6378137.0 * 2 * Math.PI / 360, -180, 90, 256, 2, 1, 279541132.0143589, 18);

    private static final List<TileMatrixSet> ALL = List.of(GOOGLE_MAPS_COMPATIBLE, WORLD_CRS84_QUAD);

    private TileMatrixSets() {}

    public static List<TileMatrixSet> all() {
        return ALL;
    }

    public static Optional<TileMatrixSet> byIdentifier(String identifier) {
        return ALL.stream().filter(t -> t.identifier().equals(identifier)).findFirst();
    }
}
