package eu.candela.wps.cli;

import eu.candela.eodata.raster.BandStatistics;
import eu.candela.eodata.raster.BlockGrid;
import eu.candela.eodata.raster.GeoTiffReader;
import eu.candela.eodata.raster.RasterBlock;
import eu.candela.eodata.raster.RasterInfo;
import eu.candela.eodata.raster.StatisticsAccumulator;
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
            StatisticsAccumulator[] accumulators = new StatisticsAccumulator[bands];
            for (int b = 0; b < bands; b++) {
                accumulators[b] = new StatisticsAccumulator();
            }
            // Tile-aligned windows for tiled files (the outputs are COGs); bounded windows otherwise.
            boolean tiled = info.tileWidth() < info.width() && info.tileWidth() == info.tileHeight() && info.tileWidth() <= 2048;
            int blockSize = tiled ? info.tileWidth() : DEFAULT_BLOCK;
            for (BlockGrid.Window w : BlockGrid.of(info.width(), info.height(), blockSize)) {
                RasterBlock block = reader.read(w.x(), w.y(), w.width(), w.height());
                for (int b = 0; b < bands; b++) {
                    accumulators[b].add(block.band(b), block.band(b).length, nodataValue);
                }
            }
            List<BandStatistics> result = new ArrayList<>(bands);
            for (StatisticsAccumulator a : accumulators) {
                result.add(a.result());
            }
            return result;
        }
    }
}
