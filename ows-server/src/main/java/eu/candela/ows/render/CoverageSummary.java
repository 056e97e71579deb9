package eu.candela.ows.render;

import eu.candela.eodata.grid.GridGeometry;

import java.util.List;

/**
 * What the map services need to know of a coverage file: its grid, its extent in WGS 84, its bands.
 *
 * @param grid        full-resolution grid and native CRS
 * @param wgs84Bounds {minLon, minLat, maxLon, maxLat}
 * @param bandNames   one name per band: the file's band description, or {@code band_N}
 * @param nodata      the nodata value, null for none
 * @param bands       one summary per band, for contrast stretches
 * @param overviews   number of reduced-resolution levels in the file
 */
public record CoverageSummary(GridGeometry grid, double[] wgs84Bounds, List<String> bandNames, Double nodata,
                              List<BandSummary> bands, int overviews) {
    public CoverageSummary {
        wgs84Bounds = wgs84Bounds.clone();
        bandNames = List.copyOf(bandNames);
        bands = List.copyOf(bands);
        if (bandNames.size() != bands.size()) {
            throw new IllegalArgumentException("one name per band summary: " + bandNames.size() + " vs " + bands.size());
        }
    }

    public int bandCount() { return bands.size(); }

    @Override
    public double[] wgs84Bounds() { return wgs84Bounds.clone(); }
}
