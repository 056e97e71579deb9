package eu.candela.wps.samples;

import eu.candela.eodata.raster.BlockGrid;
import eu.candela.eodata.raster.CogWriter;
import eu.candela.eodata.raster.RasterBlock;
import java.io.IOException;
import java.util.List;
import java.util.function.Function;

/**
 * Writes generated rasters tile by tile: tiles are computed a few at a time in parallel and written in
 * order, so memory stays at a handful of tiles whatever the size, and the writers see one thread.
 */
final class ParallelTiles {
    private ParallelTiles() {
    }

    /**
     * @param tile    computes the blocks of one window, one per writer, in the order of {@code writers}
     * @param writers the rasters to write; block {@code k} of every tile goes to {@code writers[k]}
     */
    static void write(List<BlockGrid.Window> windows, Function<BlockGrid.Window, RasterBlock[]> tile, CogWriter... writers)
            throws IOException {
        int batch = 2 * Runtime.getRuntime().availableProcessors();
        for (int from = 0; from < windows.size(); from += batch) {
            List<RasterBlock[]> tiles = windows.subList(from, Math.min(from + batch, windows.size()))
                    .parallelStream().map(tile).toList();
            for (RasterBlock[] blocks : tiles) {
                for (int k = 0; k < writers.length; k++) {
                    writers[k].write(blocks[k]);
                }
            }
        }
    }
}
