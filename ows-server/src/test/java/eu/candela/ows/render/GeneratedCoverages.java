package eu.candela.ows.render;

import eu.candela.eodata.grid.GridGeometry;
import eu.candela.ows.testing.TestCoverages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Coverages with values known analytically, written as COGs by {@link TestCoverages}, so map
 * pixels can be checked against the source pixel they must come from.
 */
final class GeneratedCoverages {
    /** The big coverage: 2048 x 2048 pixels of 10 m in UTM 30N, west of Bordeaux. */
    static final int SIZE = 2048;
    static final int TILE = 256;
    static final double X0 = 600_000;
    static final double Y0 = 5_000_000;
    static final double PIXEL = 10;
    static final int EPSG = 32630;
    /** Overviews of the big coverage: 1024, 512, 256 (factors 2, 4, 8). */
    static final int OVERVIEWS = 3;

    /** The nodata coverage: 64 x 64 pixels, no overviews; nodata in every 8th column, NaN in every 8th row. */
    static final int SMALL = 64;
    static final double NODATA = -9999;

    private static Path shared;

    private GeneratedCoverages() {}

    /**
     * The big coverage, written once per test JVM (it takes seconds) into a temporary directory
     * removed at exit. Tests must not modify it.
     */
    static synchronized Path sharedBig() throws IOException {
        if (shared == null) {
            Path directory = Files.createTempDirectory("candela-render-test");
            Path file = big(directory.resolve("big.tif"), 0);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try (var files = Files.list(directory)) {
                    for (Path f : (Iterable<Path>) files::iterator) {
                        Files.deleteIfExists(f);
                    }
                    Files.deleteIfExists(directory);
                } catch (IOException ignored) {
                    // a temporary directory left behind is harmless
                }
            }));
            shared = file;
        }
        return shared;
    }

    /** Band 1 ("id") of the big coverage: unique per pixel and exact in float. */
    static float id(int column, int row) {
        return row * (float) SIZE + column;
    }

    /** Band 2 ("column") of the big coverage. */
    static float column(int column, int row) {
        return column;
    }

    static GridGeometry bigGrid() {
        return GridGeometry.northUp(SIZE, SIZE, X0, Y0, PIXEL, EPSG);
    }

    /** Writes the big two-band coverage; {@code offset} is added to band 1 (to tell a replaced file apart). */
    static Path big(Path file, float offset) {
        return TestCoverages.coverage(bigGrid()).bands("id", "column").tileSize(TILE)
                .samples((band, c, r) -> band == 0 ? id(c, r) + offset : column(c, r))
                .write(file);
    }

    /** Value of the nodata coverage at a pixel: nodata, NaN, or column + 100 row. */
    static float small(int column, int row) {
        if (column % 8 == 0) {
            return (float) NODATA;
        }
        if (row % 8 == 0) {
            return Float.NaN;
        }
        return column + 100f * row;
    }

    static GridGeometry smallGrid() {
        return GridGeometry.northUp(SMALL, SMALL, X0, Y0, PIXEL, EPSG);
    }

    static Path withNodata(Path file) {
        return withNodata(file, 0);
    }

    /** The nodata coverage with {@code offset} added to its valid samples (to tell a replaced file apart). */
    static Path withNodata(Path file, float offset) {
        return TestCoverages.coverage(smallGrid()).nodata(NODATA).tileSize(SMALL)
                .samples((band, c, r) -> {
                    float value = small(c, r);
                    return value == (float) NODATA ? value : value + offset;
                })
                .write(file);
    }
}
