package eu.candela.wps.cli;

import eu.candela.eodata.raster.BandStatistics;
import eu.candela.eodata.raster.BlockGrid;
import eu.candela.eodata.raster.GeoTiffReader;
import eu.candela.eodata.raster.RasterBlock;
import eu.candela.eodata.raster.RasterInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Exact per-band statistics of a GeoTIFF output, for {@code result.json}, in one pass tile by tile.
 * Read back from the file rather than taken from the algorithm so every process gets them without
 * doing anything, and they describe what was actually written.
 */
final class RasterStatistics {

    private static final int DEFAULT_BLOCK = 512;

    private RasterStatistics() {
    }

    static List<BandStatistics> of(Path file) throws IOException {
        try (GeoTiffReader reader = GeoTiffReader.open(file)) {
            RasterInfo info = reader.info();
            int bands = info.bandCount();
            Double nodata = info.spec().nodata();
            float nodataValue = nodata == null ? Float.NaN : nodata.floatValue();
            Accumulator[] accumulators = new Accumulator[bands];
            for (int b = 0; b < bands; b++) {
                accumulators[b] = new Accumulator();
            }
            // Tile-aligned windows for tiled files (the outputs are COGs); bounded windows otherwise.
            boolean tiled = info.tileWidth() < info.width() && info.tileWidth() == info.tileHeight() && info.tileWidth() <= 2048;
            int blockSize = tiled ? info.tileWidth() : DEFAULT_BLOCK;
            for (BlockGrid.Window w : BlockGrid.of(info.width(), info.height(), blockSize)) {
                RasterBlock block = reader.read(w.x(), w.y(), w.width(), w.height());
                for (int b = 0; b < bands; b++) {
                    accumulators[b].add(block.band(b), nodata != null, nodataValue);
                }
            }
            List<BandStatistics> result = new ArrayList<>(bands);
            for (Accumulator a : accumulators) {
                result.add(a.statistics());
            }
            return result;
        }
    }

    private static final class Accumulator {
        private long count;
        private double min = Double.POSITIVE_INFINITY;
        private double max = Double.NEGATIVE_INFINITY;
        private double mean;
        private double m2;

        void add(float[] samples, boolean hasNodata, float nodata) {
            for (float s : samples) {
                if (Float.isNaN(s) || (hasNodata && s == nodata)) {
                    continue;
                }
                count++;
                // Welford: stable for a few hundred million samples where sum-of-squares is not.
                double delta = s - mean;
                mean += delta / count;
                m2 += delta * (s - mean);
                min = Math.min(min, s);
                max = Math.max(max, s);
            }
        }

        BandStatistics statistics() {
            if (count == 0) {
                return new BandStatistics(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
            }
            return new BandStatistics(min, max, mean, Math.sqrt(m2 / count), count);
        }
    }
}
