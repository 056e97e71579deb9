package eu.candela.ows.wmts;

import eu.candela.ows.render.MapRenderer;
import eu.candela.ows.render.UnsupportedCrsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Coverage extents in each tile matrix set's CRS, clipped to the set's world, remembered until
 * {@link #evict}: every tile request asks whether its tile touches the layer.
 */
public final class LayerExtents {
    private static final Logger LOG = LoggerFactory.getLogger(LayerExtents.class);

    private record Key(Path coverage, String tileMatrixSet) {}

    private final MapRenderer renderer;
    private final Map<Key, Optional<double[]>> extents = new ConcurrentHashMap<>();

    public LayerExtents(MapRenderer renderer) {
        this.renderer = renderer;
    }

    /**
     * {minX, minY, maxX, maxY} of {@code coverage} in {@code tms}'s CRS, clipped to the level-0
     * matrix; empty when the coverage cannot be shown in that CRS.
     *
     * @throws IOException when the coverage cannot be read
     */
    public Optional<double[]> in(Path coverage, TileMatrixSet tms) throws IOException {
        Key key = new Key(coverage, tms.identifier());
        Optional<double[]> known = extents.get(key);
        if (known != null) return known.map(double[]::clone);
        Optional<double[]> computed = compute(coverage, tms);
        extents.put(key, computed);
        return computed.map(double[]::clone);
    }

    /** Forgets what is known of {@code coverage}. */
    public void evict(Path coverage) {
        extents.keySet().removeIf(k -> k.coverage().equals(coverage));
    }

    private Optional<double[]> compute(Path coverage, TileMatrixSet tms) throws IOException {
        double[] e;
        try {
            e = renderer.envelopeIn(coverage, tms.epsg());
        } catch (UnsupportedCrsException x) {
            LOG.info("Coverage {} cannot be shown in {}: {}", coverage.getFileName(), tms.identifier(), x.getMessage());
            return Optional.empty();
        }
        TileMatrix level0 = tms.level(0);
        double minX = level0.originX();
        double maxY = level0.originY();
        double maxX = minX + level0.matrixWidth() * level0.tileSpan();
        double minY = maxY - level0.matrixHeight() * level0.tileSpan();
        // a projection may send far edges to infinity or NaN: the world's edge stands in for them
        double[] clipped = {
                clip(e[0], minX, maxX, minX), clip(e[1], minY, maxY, minY),
                clip(e[2], minX, maxX, maxX), clip(e[3], minY, maxY, maxY)};
        if (!(clipped[0] < clipped[2] && clipped[1] < clipped[3])) return Optional.empty();
        return Optional.of(clipped);
    }

    private static double clip(double v, double min, double max, double ifUnknown) {
        if (Double.isNaN(v)) return ifUnknown;
        return Math.max(min, Math.min(max, v));
    }
}
