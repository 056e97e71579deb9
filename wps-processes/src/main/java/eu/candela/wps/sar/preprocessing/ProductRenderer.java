package eu.candela.wps.sar.preprocessing;

import eu.candela.eodata.grid.GridGeometry;
import eu.candela.eodata.raster.BlockGrid;
import eu.candela.eodata.raster.CogOptions;
import eu.candela.eodata.raster.CogWriter;
import eu.candela.eodata.raster.RasterBlock;
import eu.candela.eodata.raster.RasterSpec;
import eu.candela.eodata.raster.SampleType;
import eu.candela.eodata.sentinel1.Sentinel1Band;
import eu.candela.eodata.sentinel1.Sentinel1Product;
import eu.candela.wps.spi.ProcessContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes one product's sigma0 in dB on the common map grid as a Float32 COG with one band per
 * polarisation, output tile by output tile: a few worker threads render tiles, this thread writes
 * them in order and checks for cancellation between tiles. A tile is cut into sub-windows small enough that the
 * image window behind each stays under about {@value #MAX_CELLS_ACROSS} multilooked cells across,
 * so memory stays flat whatever the pixel size and scene size.
 */
final class ProductRenderer {
    private static final int MAX_CELLS_ACROSS = 2048;
    /** Tiles rendered at once: one per core, at most 4, so memory stays a few tiles' worth. */
    private static final int WORKERS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    /** How to render: multilook factors, filter, window and the equivalent number of looks after multilooking. */
    record Settings(int azimuthLooks, int rangeLooks, SpeckleFilter filter, int window, double enl) {
    }

    private ProductRenderer() {
    }

    static void render(Sentinel1Product product, List<String> polarisations, GridGeometry grid, Settings settings, DemHeights dem,
                       Map<String, String> metadata, Path target, ProcessContext ctx, int progressFrom, int progressTo,
                       StepTimes times) throws IOException {
        List<Sentinel1Band> bands = new ArrayList<>();
        try {
            for (String p : polarisations) {
                bands.add(product.band(p));
            }
            List<BandRenderer> renderers = new ArrayList<>();
            for (Sentinel1Band b : bands) {
                renderers.add(new BandRenderer(b, settings.azimuthLooks(), settings.rangeLooks(), settings.filter(), settings.window(),
                        settings.enl(), times));
            }
            ImageMapping mapping = new ImageMapping(bands.get(0).annotation(), grid.epsg(), dem);
            RasterSpec spec = new RasterSpec(grid, bands.size(), SampleType.FLOAT32, (double) BandRenderer.NODATA, polarisations, metadata);
            double cellSize = Math.min(bands.get(0).annotation().rangePixelSpacing() * settings.rangeLooks(),
                    bands.get(0).annotation().azimuthPixelSpacing() * settings.azimuthLooks());
            double cellsPerMapPixel = Math.max(grid.pixelSizeX(), grid.pixelSizeY()) * metresPerUnit(grid) / cellSize;
            CogWriter writer = CogWriter.create(target, spec, CogOptions.defaults());
            ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
            boolean done = false;
            try {
                int sub = (int) Math.max(16, Math.min(writer.tileSize(), MAX_CELLS_ACROSS / (1.5 * cellsPerMapPixel)));
                List<BlockGrid.Window> tiles = BlockGrid.of(grid.width(), grid.height(), writer.tileSize());
                // Tiles are rendered by the workers, at most 2 per worker in flight, and written here in order.
                Deque<Future<RasterBlock>> inFlight = new ArrayDeque<>();
                int next = 0;
                for (int written = 0; written < tiles.size(); written++) {
                    while (next < tiles.size() && inFlight.size() < 2 * WORKERS) {
                        BlockGrid.Window w = tiles.get(next++);
                        inFlight.add(workers.submit(() -> renderTile(grid, w, sub, mapping, renderers, times)));
                    }
                    ctx.checkCancelled();
                    RasterBlock block = result(inFlight.poll());
                    long t = System.nanoTime();
                    writer.write(block);
                    times.add(StepTimes.Step.WRITE, t);
                    ctx.progress(progressFrom + (int) ((progressTo - progressFrom) * (written + 1L) / tiles.size()),
                            product.manifest().productName() + ": tile " + (written + 1) + " of " + tiles.size());
                }
                long t = System.nanoTime();
                writer.close();
                times.add(StepTimes.Step.WRITE, t);
                done = true;
            } finally {
                workers.shutdownNow();
                if (!done) {
                    writer.abort();
                }
            }
        } finally {
            for (Sentinel1Band b : bands) {
                b.close();
            }
        }
    }

    private static RasterBlock renderTile(GridGeometry grid, BlockGrid.Window w, int sub, ImageMapping mapping,
                                          List<BandRenderer> renderers, StepTimes times) throws IOException {
        RasterBlock block = new RasterBlock(w.x(), w.y(), w.width(), w.height(), renderers.size());
        for (BlockGrid.Window s : BlockGrid.of(w.width(), w.height(), sub)) {
            renderWindow(grid.window(w.x() + s.x(), w.y() + s.y(), s.width(), s.height()), s, mapping, renderers, block, times);
        }
        return block;
    }

    private static RasterBlock result(Future<RasterBlock> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while rendering a tile", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException("rendering a tile failed: " + e.getCause(), e.getCause());
        }
    }

    private static void renderWindow(GridGeometry window, BlockGrid.Window at, ImageMapping mapping, List<BandRenderer> renderers,
                                     RasterBlock block, StepTimes times) throws IOException {
        long t = System.nanoTime();
        double[][] positions = mapping.positions(window);
        times.add(StepTimes.Step.GEOCODING, t);
        for (int b = 0; b < renderers.size(); b++) {
            float[] values = renderers.get(b).render(positions[0], positions[1]);
            float[] band = block.band(b);
            for (int r = 0; r < at.height(); r++) {
                System.arraycopy(values, r * at.width(), band, (at.y() + r) * block.width() + at.x(), at.width());
            }
        }
    }

    /** Metres per map unit, about: degrees of EPSG:4326 are about 111 km. */
    private static double metresPerUnit(GridGeometry grid) {
        return grid.epsg() == 4326 ? 111_320 : 1;
    }
}
