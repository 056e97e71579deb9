package eu.candela.eodata.raster;

import eu.candela.eodata.grid.GridGeometry;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a raster is, independent of its file layout: grid, bands, sample type, nodata and metadata.
 *
 * @param grid             pixel grid and CRS
 * @param bandCount        number of bands, at least 1
 * @param sampleType       type of every band's samples
 * @param nodata           the value marking missing pixels, or {@code null} for none
 * @param bandDescriptions empty, or one description per band (GDAL's band DESCRIPTION)
 * @param metadata         dataset-level items (GDAL_METADATA), for example ACQUISITION_DATE; insertion order kept
 */
public record RasterSpec(GridGeometry grid, int bandCount, SampleType sampleType, Double nodata,
                         List<String> bandDescriptions, Map<String, String> metadata) {

    public RasterSpec {
        Objects.requireNonNull(grid, "grid");
        Objects.requireNonNull(sampleType, "sampleType");
        if (bandCount < 1 || bandCount > 65535) {
            throw new IllegalArgumentException("bandCount must be between 1 and 65535, got " + bandCount);
        }
        bandDescriptions = List.copyOf(Objects.requireNonNull(bandDescriptions, "bandDescriptions"));
        if (!bandDescriptions.isEmpty() && bandDescriptions.size() != bandCount) {
            throw new IllegalArgumentException("bandDescriptions must be empty or have one entry per band: "
                    + bandDescriptions.size() + " descriptions for " + bandCount + " bands");
        }
        Objects.requireNonNull(metadata, "metadata");
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            if (e.getKey() == null || e.getKey().isBlank() || e.getValue() == null) {
                throw new IllegalArgumentException("metadata keys must be non-blank and values non-null: " + e);
            }
        }
        // Unmodifiable but ordered, so files are written (and compared) deterministically.
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** A spec with no nodata, no band descriptions and no metadata. */
    public static RasterSpec of(GridGeometry grid, int bandCount, SampleType sampleType) {
        return new RasterSpec(grid, bandCount, sampleType, null, List.of(), Map.of());
    }

    public int width() { return grid.width(); }

    public int height() { return grid.height(); }

    public RasterSpec withGrid(GridGeometry newGrid) {
        return new RasterSpec(newGrid, bandCount, sampleType, nodata, bandDescriptions, metadata);
    }

    /** A spec with {@code newBandCount} bands; band descriptions are dropped when the count changes. */
    public RasterSpec withBandCount(int newBandCount) {
        List<String> descriptions = newBandCount == bandCount ? bandDescriptions : List.of();
        return new RasterSpec(grid, newBandCount, sampleType, nodata, descriptions, metadata);
    }

    public RasterSpec withSampleType(SampleType newSampleType) {
        return new RasterSpec(grid, bandCount, newSampleType, nodata, bandDescriptions, metadata);
    }

    public RasterSpec withNodata(Double newNodata) {
        return new RasterSpec(grid, bandCount, sampleType, newNodata, bandDescriptions, metadata);
    }

    public RasterSpec withBandDescriptions(List<String> newDescriptions) {
        return new RasterSpec(grid, bandCount, sampleType, nodata, newDescriptions, metadata);
    }

    public RasterSpec withMetadata(Map<String, String> newMetadata) {
        return new RasterSpec(grid, bandCount, sampleType, nodata, bandDescriptions, newMetadata);
    }
}
