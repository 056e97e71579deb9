package eu.candela.ows.wmts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A pyramid of {@link TileMatrix} levels whose scale halves from one level to the next, as both
 * OGC well-known scale sets this server offers are.
 *
 * @param identifier        the TileMatrixSet name clients send
 * @param supportedCrs      CRS URN written into the capabilities
 * @param wellKnownScaleSet the well-known scale set URN, or null
 * @param epsg              the EPSG code maps are rendered in (4326 east-first stands for CRS84)
 * @param metersPerUnit     metres in one CRS unit, to turn scales into pixel sizes
 * @param originX           x (east) of the top-left corner
 * @param originY           y (north) of the top-left corner
 * @param tileSize          tile width and height in pixels
 * @param width0            tile columns at level 0
 * @param height0           tile rows at level 0
 * @param scaleDenominator0 scale denominator at level 0
 * @param maxLevel          the last level (inclusive)
 */
public record TileMatrixSet(String identifier, String supportedCrs, String wellKnownScaleSet, int epsg,
                            double metersPerUnit, double originX, double originY, int tileSize,
                            int width0, int height0, double scaleDenominator0, int maxLevel) {
    /** OGC's standard rendering pixel size, 0.28 mm (OGC 07-057r7 §6.1). */
    public static final double STANDARD_PIXEL_SIZE = 0.00028;

    public TileMatrixSet {
        if (maxLevel < 0 || maxLevel > 30) {
            throw new IllegalArgumentException("tile matrix set " + identifier + ": maxLevel must be 0..30, got " + maxLevel);
        }
    }

    public int levelCount() {
        return maxLevel + 1;
    }

    /** Level {@code z}; z must be 0..{@link #maxLevel}. */
    public TileMatrix level(int z) {
        if (z < 0 || z > maxLevel) {
            throw new IllegalArgumentException("tile matrix set " + identifier + " has levels 0.." + maxLevel + ", not " + z);
        }
        double scale = scaleDenominator0 / (1L << z);
        double pixelSize = scale * STANDARD_PIXEL_SIZE / metersPerUnit;
        return new TileMatrix(Integer.toString(z), scale, pixelSize, originX, originY, tileSize,
                width0 << z, height0 << z);
    }

    /** The level a TILEMATRIX value names: its identifier, optionally prefixed with "{identifier}:" as GeoServer writes it. */
    public Optional<TileMatrix> level(String identifier) {
        if (identifier == null) return Optional.empty();
        String id = identifier.startsWith(this.identifier + ":") ? identifier.substring(this.identifier.length() + 1) : identifier;
        if (!id.matches("\\d{1,2}")) return Optional.empty();
        int z = Integer.parseInt(id);
        return z <= maxLevel ? Optional.of(level(z)) : Optional.empty();
    }

    public List<TileMatrix> levels() {
        List<TileMatrix> levels = new ArrayList<>(levelCount());
        for (int z = 0; z <= maxLevel; z++) levels.add(level(z));
        return levels;
    }
}
