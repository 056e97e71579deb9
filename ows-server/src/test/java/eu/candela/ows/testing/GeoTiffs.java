package eu.candela.ows.testing;

import eu.candela.eodata.grid.GridGeometry;
import eu.candela.eodata.raster.BlockGrid;
import eu.candela.eodata.raster.CogOptions;
import eu.candela.eodata.raster.CogWriter;
import eu.candela.eodata.raster.RasterBlock;
import eu.candela.eodata.raster.RasterSpec;
import eu.candela.eodata.raster.SampleType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Small GeoTIFFs written with the platform's own {@link CogWriter}: UTM 32N, 10 m pixels, every
 * sample a pure function of band, column and row ({@link #value}), so tests can check what they read.
 */
public final class GeoTiffs {
    /** Upper-left corner of every fixture, in EPSG:32632 metres. */
    public static final double MIN_X = 500_000, MAX_Y = 5_000_000, PIXEL = 10;
    public static final int EPSG = 32632;

    private GeoTiffs() {}

    public static float value(int band, int col, int row) {
        return (band + 1) * 1000 + (col + row) % 500;
    }

    /** Writes a {@code width} x {@code height} UINT16 COG of {@code bands} bands (16-pixel tiles) to {@code target}. */
    public static Path write(Path target, int width, int height, int bands) {
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            RasterSpec spec = RasterSpec.of(GridGeometry.northUp(width, height, MIN_X, MAX_Y, PIXEL, EPSG), bands, SampleType.UINT16);
            CogOptions options = CogOptions.defaults().withTileSize(16);
            try (CogWriter writer = CogWriter.create(target, spec, options)) {
                for (BlockGrid.Window w : BlockGrid.of(width, height, options.tileSize())) {
                    RasterBlock block = new RasterBlock(w.x(), w.y(), w.width(), w.height(), bands);
                    for (int b = 0; b < bands; b++) {
                        for (int row = 0; row < w.height(); row++) {
                            for (int col = 0; col < w.width(); col++) block.set(b, col, row, value(b, w.x() + col, w.y() + row));
                        }
                    }
                    writer.write(block);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
