package eu.candela.ows.testing;

import eu.candela.eodata.grid.GridGeometry;
import eu.candela.eodata.raster.BlockGrid;
import eu.candela.eodata.raster.CogOptions;
import eu.candela.eodata.raster.CogWriter;
import eu.candela.eodata.raster.RasterBlock;
import eu.candela.eodata.raster.RasterSpec;
import eu.candela.eodata.raster.SampleType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Coverages with values known at every pixel, written as real COGs (tiles and overviews), for map
 * tests whose expected colours are computed from the formula, not copied from an output.
 */
public final class TestCoverages {
    /** Upper-left corner of the test coverages: UTM 30N, near Bordeaux. */
    public static final double MIN_X = 700_000, MAX_Y = 4_980_000;
    public static final int UTM_30N = 32630;

    private TestCoverages() {}

    /** The value {@link #gradient} writes at ({@code col}, {@code row}): 0 at the top-left corner, 1 at the bottom-right. */
    public static float gradientValue(int col, int row, int size) {
        return (col + row) / (2f * (size - 1));
    }

    /** A {@code size}² Float32 band in EPSG:32630 of {@code pixel}-metre pixels holding {@link #gradientValue}. */
    public static Path gradient(Path file, int size, double pixel) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        GridGeometry grid = GridGeometry.northUp(size, size, MIN_X, MAX_Y, pixel, UTM_30N);
        RasterSpec spec = RasterSpec.of(grid, 1, SampleType.FLOAT32).withNodata(-9999d);
        try (CogWriter writer = CogWriter.create(file, spec, CogOptions.defaults().withTileSize(256))) {
            for (BlockGrid.Window w : BlockGrid.of(size, size, writer.tileSize())) {
                RasterBlock block = new RasterBlock(w.x(), w.y(), w.width(), w.height(), 1);
                for (int r = 0; r < w.height(); r++) {
                    for (int c = 0; c < w.width(); c++) {
                        block.set(0, c, r, gradientValue(w.x() + c, w.y() + r, size));
                    }
                }
                writer.write(block);
            }
        }
        return file;
    }
}
