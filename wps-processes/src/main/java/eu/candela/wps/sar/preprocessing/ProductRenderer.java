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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes one product's sigma0 in dB on the common map grid as a Float32 COG with one band per
 * polarisation, output tile by output tile. A tile is cut into sub-windows small enough that the
 * image window behind each stays under about {@value #MAX_CELLS_ACROSS} multilooked cells across,
 * so memory stays flat whatever the pixel size and scene size.
 */
final class ProductRenderer {
    private static final int MAX_CELLS_ACROSS = 2048;

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
            boolean done = false;
            try {
                int sub = (int) Math.max(16, Math.min(writer.tileSize(), MAX_CELLS_ACROSS / (1.5 * cellsPerMapPixel)));
                List<BlockGrid.Window> tiles = BlockGrid.of(grid.width(), grid.height(), writer.tileSize());
                for (int i = 0; i < tiles.size(); i++) {
                    ctx.checkCancelled();
                    BlockGrid.Window w = tiles.get(i);
                    RasterBlock block = new RasterBlock(w.x(), w.y(), w.width(), w.height(), bands.size());
                    for (BlockGrid.Window s : BlockGrid.of(w.width(), w.height(), sub)) {
                        renderWindow(grid.window(w.x() + s.x(), w.y() + s.y(), s.width(), s.height()), s, mapping, renderers, block, times);
                    }
                    long t = System.nanoTime();
                    writer.write(block);
                    times.add(StepTimes.Step.WRITE, t);
                    ctx.progress(progressFrom + (int) ((progressTo - progressFrom) * (i + 1L) / tiles.size()),
                            product.manifest().productName() + ": tile " + (i + 1) + " of " + tiles.size());
                }
                long t = System.nanoTime();
                writer.close();
                times.add(StepTimes.Step.WRITE, t);
                done = true;
            } finally {
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
