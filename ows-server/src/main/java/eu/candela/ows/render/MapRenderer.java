package eu.candela.ows.render;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Draws maps of GeoTIFF coverages in any supported CRS, reading only the overview level and the
 * window a map needs. Thread-safe; readers and decoded blocks are shared between requests.
 */
public interface MapRenderer {

    /**
     * Renders {@code request}.
     *
     * @throws UnsupportedCrsException when the map CRS is unknown or cannot be reached from the coverage's CRS
     * @throws IOException when the coverage cannot be read
     */
    MapImage render(MapRequest request) throws IOException;

    /**
     * The coverage's samples under map pixel ({@code i}, {@code j}) of a map of {@code extent} at
     * {@code width} x {@code height}; empty when that pixel falls outside the coverage.
     */
    Optional<PixelValues> valuesAt(Path coverage, MapExtent extent, int width, int height, int i, int j) throws IOException;

    /**
     * Grid, WGS 84 extent and band summaries of {@code coverage}; cached until {@link #evict}.
     *
     * @throws IOException when the file cannot be read or is not a GeoTIFF this server reads
     */
    CoverageSummary summary(Path coverage) throws IOException;

    /**
     * {minX, minY, maxX, maxY} of {@code coverage}'s extent in EPSG:{@code epsg}, east axis first
     * (densified edges, so projections that bend them are covered).
     *
     * @throws UnsupportedCrsException when the CRS is unknown or cannot be reached
     */
    double[] envelopeIn(Path coverage, int epsg) throws IOException;

    /** Forgets open readers and cached blocks of {@code coverage}, after it was replaced or removed. */
    void evict(Path coverage);
}
