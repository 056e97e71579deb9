package eu.candela.wps.testing;

import eu.candela.eodata.grid.GridGeometry;
import eu.candela.eodata.raster.BlockGrid;
import eu.candela.eodata.raster.CogOptions;
import eu.candela.eodata.raster.CogWriter;
import eu.candela.eodata.raster.RasterBlock;
import eu.candela.eodata.raster.RasterSpec;
import eu.candela.eodata.raster.SampleType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Small seeded rasters for tests that need a file but not a landscape. */
public final class TestRasters {

    private TestRasters() {
    }

    /** A UTM 30N grid of {@code width} x {@code height} 10 m pixels. */
    public static GridGeometry grid(int width, int height) {
        return GridGeometry.northUp(width, height, 690_000, 4_975_000, 10, 32630);
    }

    /** A uint16 raster of random reflectances on {@code grid}. */
    public static Path random(Path file, GridGeometry grid, int bands, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        RasterSpec spec = new RasterSpec(grid, bands, SampleType.UINT16, 0.0, List.of(), Map.of());
        try (CogWriter writer = CogWriter.create(file, spec, CogOptions.defaults().withTileSize(64))) {
            for (BlockGrid.Window w : BlockGrid.of(grid.width(), grid.height(), writer.tileSize())) {
                RasterBlock block = new RasterBlock(w.x(), w.y(), w.width(), w.height(), bands);
                for (int b = 0; b < bands; b++) {
                    float[] samples = block.band(b);
                    for (int i = 0; i < samples.length; i++) {
                        samples[i] = 500 + random.nextInt(3000);
                    }
                }
                writer.write(block);
            }
        }
        return file;
    }
}
