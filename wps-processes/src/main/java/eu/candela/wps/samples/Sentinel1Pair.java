package eu.candela.wps.samples;

import java.nio.file.Path;

/**
 * A generated Sentinel-1 GRD pair: the two {@code *.SAFE} folders (earlier, later), the GeoJSON of
 * the changed areas, and the exact truth to score results against.
 */
public record Sentinel1Pair(Path before, Path after, Path truthGeoJson, SarChangeTruth truth) {
}
