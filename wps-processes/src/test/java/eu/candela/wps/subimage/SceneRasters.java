package eu.candela.wps.subimage;

import eu.candela.eodata.grid.GridGeometry;
import eu.candela.eodata.raster.BlockGrid;
import eu.candela.eodata.raster.CogOptions;
import eu.candela.eodata.raster.CogWriter;
import eu.candela.eodata.raster.RasterBlock;
import eu.candela.eodata.raster.RasterSpec;
import eu.candela.eodata.raster.SampleType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small Float32 scenes whose every value is a known function of band, column and row, with chosen metadata. */
final class SceneRasters {

    private SceneRasters() {
    }

    static GridGeometry grid(int width, int height) {
        return GridGeometry.northUp(width, height, 600_000, 5_000_000, 10, 32630);
    }

    /** The value written at (band, col, row) for {@code salt}: distinct everywhere, so a misplaced pixel shows. */
    static float value(int band, int col, int row, int salt) {
        return salt * 1_000_000f + band * 100_000f + row * 300f + col;
    }

    static Path write(Path file, GridGeometry grid, int bands, int salt, String tileId, String sensingTime) throws IOException {
        Map<String, String> metadata = new LinkedHashMap<>();
        if (tileId != null) {
            metadata.put("TILE_ID", tileId);
        }
        if (sensingTime != null) {
            metadata.put("SENSING_TIME", sensingTime);
        }
        List<String> descriptions = bands == 2 ? List.of("B04", "QUALITY") : List.of();
        RasterSpec spec = new RasterSpec(grid, bands, SampleType.FLOAT32, -9999.0, descriptions, metadata);
        try (CogWriter writer = CogWriter.create(file, spec, CogOptions.defaults().withTileSize(64))) {
            for (BlockGrid.Window w : BlockGrid.of(grid.width(), grid.height(), writer.tileSize())) {
                RasterBlock block = new RasterBlock(w.x(), w.y(), w.width(), w.height(), bands);
                for (int b = 0; b < bands; b++) {
                    for (int r = 0; r < w.height(); r++) {
                        for (int c = 0; c < w.width(); c++) {
                            block.set(b, c, r, value(b, w.x() + c, w.y() + r, salt));
                        }
                    }
                }
                writer.write(block);
            }
        }
        return file;
    }
}
