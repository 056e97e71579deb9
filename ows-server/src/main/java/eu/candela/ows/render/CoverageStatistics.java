package eu.candela.ows.render;

import eu.candela.eodata.grid.GridGeometry;
import eu.candela.eodata.grid.UnknownCrsException;
import eu.candela.eodata.raster.RasterBlock;
import eu.candela.eodata.raster.RasterSpec;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Computes a {@link CoverageSummary} from the coverage's smallest level (the smallest overview, or
 * the full resolution when there is none): range and histogram per band, nodata and NaN excluded.
 * Reads the level in row strips, so a big file without overviews never sits whole in memory.
 */
final class CoverageStatistics {
    /** Samples read at once: a whole small overview, or strips of a big full-resolution image. */
    private static final long SAMPLES_PER_READ = 4L << 20;

    private CoverageStatistics() {}

    static CoverageSummary summarize(OpenCoverage coverage) throws IOException {
        RasterSpec spec = coverage.info().spec();
        int level = coverage.levelCount() - 1;
        int bands = spec.bandCount();
        double[] min = new double[bands];
        double[] max = new double[bands];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        float nodata = spec.nodata() == null ? Float.NaN : spec.nodata().floatValue();
        Strips strips = new Strips(coverage, level);
        strips.scan(block -> {
            for (int b = 0; b < bands; b++) {
                for (float s : block.band(b)) {
                    if (valid(s, nodata)) {
                        min[b] = Math.min(min[b], s);
                        max[b] = Math.max(max[b], s);
                    }
                }
            }
        });
        long[][] histograms = new long[bands][BandSummary.BINS];
        strips.scan(block -> {
            for (int b = 0; b < bands; b++) {
                double span = max[b] - min[b];
                for (float s : block.band(b)) {
                    if (valid(s, nodata)) {
                        int bin = span > 0 ? (int) ((s - min[b]) / span * BandSummary.BINS) : 0;
                        histograms[b][Math.min(bin, BandSummary.BINS - 1)]++;
                    }
                }
            }
        });
        List<BandSummary> summaries = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int b = 0; b < bands; b++) {
            boolean any = min[b] <= max[b];
            summaries.add(new BandSummary(any ? min[b] : 0, any ? max[b] : 0, histograms[b]));
            names.add(bandName(spec, b));
        }
        return new CoverageSummary(spec.grid(), wgs84Bounds(spec.grid()), names, spec.nodata(), summaries,
                coverage.levelCount() - 1);
    }

    /** The file's band description, or band_N (1-based, as SLD channel names count). */
    static String bandName(RasterSpec spec, int band) {
        List<String> descriptions = spec.bandDescriptions();
        if (band < descriptions.size() && !descriptions.get(band).isBlank()) {
            return descriptions.get(band);
        }
        return "band_" + (band + 1);
    }

    static boolean valid(float sample, float nodata) {
        return !Float.isNaN(sample) && sample != nodata;
    }

    private static double[] wgs84Bounds(GridGeometry grid) {
        try {
            return grid.wgs84Bounds();
        } catch (UnknownCrsException e) {
            throw new UnsupportedCrsException(grid.epsg(), e.getMessage(), e);
        } catch (IllegalStateException e) {
            throw new UnsupportedCrsException(grid.epsg(), "the coverage's EPSG:" + grid.epsg()
                    + " cannot be transformed to WGS 84: " + e.getMessage(), e);
        }
    }

    private interface BlockVisitor {
        void visit(RasterBlock block);
    }

    /** The level as row strips; kept after the first scan when it is one strip (the usual small overview). */
    private static final class Strips {
        private final OpenCoverage coverage;
        private final int level;
        private final int width;
        private final int height;
        private final int rowsPerStrip;
        private RasterBlock whole;

        Strips(OpenCoverage coverage, int level) {
            this.coverage = coverage;
            this.level = level;
            this.width = coverage.levelWidth(level);
            this.height = coverage.levelHeight(level);
            long perRow = (long) width * coverage.info().bandCount();
            this.rowsPerStrip = (int) Math.max(1, Math.min(height, SAMPLES_PER_READ / perRow));
        }

        void scan(BlockVisitor visitor) throws IOException {
            if (whole != null) {
                visitor.visit(whole);
                return;
            }
            for (int y = 0; y < height; y += rowsPerStrip) {
                RasterBlock block = coverage.readWindow(level, 0, y, width, Math.min(rowsPerStrip, height - y));
                if (rowsPerStrip >= height) {
                    whole = block;
                }
                visitor.visit(block);
            }
        }
    }
}
