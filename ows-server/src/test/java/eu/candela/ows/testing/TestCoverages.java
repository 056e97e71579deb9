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
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The one place tests write coverages: real COGs (tiles and overviews) by eodata-store's
 * {@link CogWriter}, every sample a function of band, column and row, so a test computes what it
 * expects from the same formula rather than copying an output. {@link #coverage} writes any grid;
 * {@link Gradient} and {@link Ramps} are the presets several packages share. Package-specific
 * presets (WMS halves, WMTS scene, renderer coverages) keep their formulas next to their tests and
 * write through {@link #coverage}.
 */
public final class TestCoverages {
    private TestCoverages() {}

    /** The value of every sample: a pure function of its band (from 0), column and row. */
    @FunctionalInterface
    public interface Samples {
        float at(int band, int col, int row);
    }

    /** A writer of a coverage on {@code grid}: by default one Float32 band of zeros, no nodata, 512-pixel tiles. */
    public static Writer coverage(GridGeometry grid) {
        return new Writer(grid);
    }

    /** What to write, set step by step; {@link #write} writes it. */
    public static final class Writer {
        private RasterSpec spec;
        private int tileSize = CogOptions.defaults().tileSize();
        private Samples samples = (band, col, row) -> 0;
        private Predicate<BlockGrid.Window> tiles = tile -> true;

        private Writer(GridGeometry grid) {
            spec = RasterSpec.of(grid, 1, SampleType.FLOAT32);
        }

        public Writer bands(int count) {
            spec = spec.withBandCount(count);
            return this;
        }

        /** As many bands as names, the names written as band descriptions. */
        public Writer bands(String... names) {
            spec = spec.withBandCount(names.length).withBandDescriptions(List.of(names));
            return this;
        }

        public Writer type(SampleType type) {
            spec = spec.withSampleType(type);
            return this;
        }

        public Writer nodata(double nodata) {
            spec = spec.withNodata(nodata);
            return this;
        }

        /** Tile width and height, a multiple of 16. */
        public Writer tileSize(int pixels) {
            tileSize = pixels;
            return this;
        }

        public Writer samples(Samples values) {
            samples = Objects.requireNonNull(values, "values");
            return this;
        }

        /**
         * Writes only the tiles {@code written} accepts; the writer fills the others with nodata (0
         * without one). Keeps scene-sized files fast while their layout stays that of the full size.
         */
        public Writer onlyTiles(Predicate<BlockGrid.Window> written) {
            tiles = Objects.requireNonNull(written, "written");
            return this;
        }

        /** Writes the coverage to {@code target} (creating its directory) and returns {@code target}. */
        public Path write(Path target) {
            try {
                Files.createDirectories(target.toAbsolutePath().getParent());
                try (CogWriter writer = CogWriter.create(target, spec, CogOptions.defaults().withTileSize(tileSize))) {
                    for (BlockGrid.Window w : BlockGrid.of(spec.width(), spec.height(), tileSize)) {
                        if (tiles.test(w)) writer.write(block(w));
                    }
                }
                return target;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private RasterBlock block(BlockGrid.Window w) {
            RasterBlock block = new RasterBlock(w.x(), w.y(), w.width(), w.height(), spec.bandCount());
            for (int b = 0; b < spec.bandCount(); b++) {
                for (int row = 0; row < w.height(); row++) {
                    for (int col = 0; col < w.width(); col++) block.set(b, col, row, samples.at(b, w.x() + col, w.y() + row));
                }
            }
            return block;
        }
    }

    /** A {@code size}² Float32 band in UTM 30N, near Bordeaux: 0 at the top-left corner, 1 at the bottom-right. */
    public static final class Gradient {
        /** Upper-left corner, in EPSG:32630 metres. */
        public static final double MIN_X = 700_000, MAX_Y = 4_980_000;
        public static final int EPSG = 32630;
        public static final double NODATA = -9999;

        private Gradient() {}

        /** The value at ({@code col}, {@code row}) of a {@code size}² gradient. */
        public static float value(int col, int row, int size) {
            return (col + row) / (2f * (size - 1));
        }

        /** Writes a {@code size}² gradient of {@code pixel}-metre pixels (256-pixel tiles) to {@code file}. */
        public static Path write(Path file, int size, double pixel) {
            return coverage(GridGeometry.northUp(size, size, MIN_X, MAX_Y, pixel, EPSG))
                    .nodata(NODATA).tileSize(256)
                    .samples((band, col, row) -> value(col, row, size))
                    .write(file);
        }
    }

    /** Small UINT16 coverages in UTM 32N of 10 m pixels, each band a ramp: {@link #value}. */
    public static final class Ramps {
        /** Upper-left corner, in EPSG:32632 metres. */
        public static final double MIN_X = 500_000, MAX_Y = 5_000_000, PIXEL = 10;
        public static final int EPSG = 32632;

        private Ramps() {}

        public static float value(int band, int col, int row) {
            return (band + 1) * 1000 + (col + row) % 500;
        }

        /** Writes a {@code width} x {@code height} coverage of {@code bands} bands (16-pixel tiles) to {@code target}. */
        public static Path write(Path target, int width, int height, int bands) {
            return coverage(GridGeometry.northUp(width, height, MIN_X, MAX_Y, PIXEL, EPSG))
                    .bands(bands).type(SampleType.UINT16).tileSize(16)
                    .samples(Ramps::value)
                    .write(target);
        }
    }
}
