package eu.candela.eodata.raster;

import eu.candela.eodata.grid.GridGeometry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Seeded raster fixtures: every pixel value is a pure function of (seed, band, col, row). */
final class TestRasters {
    /** Integer nodata used by the fixtures; 0 is a common real-world choice and exercises "0 is not valid". */
    static final double INTEGER_NODATA = 0;
    static final double FLOAT_NODATA = -9999;

    private TestRasters() {
    }

    /** A UTM 30N spec with nodata, one description per band and two metadata items. */
    static RasterSpec spec(int width, int height, int bands, SampleType type) {
        GridGeometry grid = GridGeometry.northUp(width, height, 499980, 4600020, 10, 32630);
        List<String> descriptions = new ArrayList<>();
        for (int b = 0; b < bands; b++) {
            descriptions.add("band " + (b + 1) + " <B0" + (b + 2) + "> & more");
        }
        double nodata = type == SampleType.FLOAT32 ? FLOAT_NODATA : INTEGER_NODATA;
        return new RasterSpec(grid, bands, type, nodata, descriptions,
                Map.of("ACQUISITION_DATE", "2016-05-04T10:50:32Z", "PROCESSING", "CANDELA test"));
    }

    /**
     * The fixture value of a pixel: spread over the type's range, a fraction for floats, and nodata at
     * about one pixel in 23 so nodata handling is always exercised.
     */
    static float value(RasterSpec spec, int band, int col, int row) {
        int h = mix(band * 0x9E3779B1 ^ col * 0x85EBCA77 ^ row * 0xC2B2AE3D);
        if (Integer.remainderUnsigned(h, 23) == 0 && spec.nodata() != null) {
            return spec.nodata().floatValue();
        }
        return switch (spec.sampleType()) {
            case UINT8 -> 1 + Integer.remainderUnsigned(h, 255);
            case UINT16 -> 1 + Integer.remainderUnsigned(h, 65535);
            case INT16 -> (short) h == 0 ? 1 : (short) h;
            case FLOAT32 -> (Integer.remainderUnsigned(h, 2_000_000) - 1_000_000) / 64f + 0.125f * band;
        };
    }

    /** Writes the fixture raster tile by tile, in shuffled tile order. */
    static CogWriter write(Path target, RasterSpec spec, CogOptions options) throws IOException {
        return write(target, spec, options, false);
    }

    static CogWriter write(Path target, RasterSpec spec, CogOptions options, boolean forceBigTiff) throws IOException {
        List<BlockGrid.Window> windows = new ArrayList<>(BlockGrid.of(spec.width(), spec.height(), options.tileSize()));
        Collections.shuffle(windows, new java.util.Random(42));
        CogWriter writer = CogWriter.create(target, spec, options, forceBigTiff);
        try (writer) {
            for (BlockGrid.Window w : windows) {
                writer.write(block(spec, w.x(), w.y(), w.width(), w.height()));
            }
        }
        return writer;
    }

    /** The fixture values of a window. */
    static RasterBlock block(RasterSpec spec, int x, int y, int width, int height) {
        RasterBlock block = new RasterBlock(x, y, width, height, spec.bandCount());
        for (int b = 0; b < spec.bandCount(); b++) {
            for (int row = 0; row < height; row++) {
                for (int col = 0; col < width; col++) {
                    block.set(b, col, row, value(spec, b, x + col, y + row));
                }
            }
        }
        return block;
    }

    private static int mix(int x) {
        x ^= x >>> 16;
        x *= 0x7FEB352D;
        x ^= x >>> 15;
        x *= 0x846CA68B;
        x ^= x >>> 16;
        return x;
    }
}
