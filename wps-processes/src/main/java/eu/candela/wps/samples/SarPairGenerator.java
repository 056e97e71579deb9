package eu.candela.wps.samples;

import eu.candela.eodata.grid.GridGeometry;
import eu.candela.eodata.raster.BlockGrid;
import eu.candela.eodata.raster.CogOptions;
import eu.candela.eodata.raster.CogWriter;
import eu.candela.eodata.raster.OverviewResampling;
import eu.candela.eodata.raster.RasterBlock;
import eu.candela.eodata.raster.RasterSpec;
import eu.candela.eodata.raster.SampleType;
import eu.candela.wps.internal.CogWriterGroup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a synthetic pair of geocoded Sentinel-1 backscatter images as SARChangeDetectionPreprocessing
 * outputs them (shared contract: Float32 COG, bands VV and VH, sigma0 in dB, nodata -9999, both
 * dates on one UTM grid, 20 m pixels), with known changes and a truth map.
 *
 * <p>The ground is a smooth mosaic of fields, forest and towns (VV from about -17 to -5 dB, VH
 * 6-8 dB lower). Between the dates: a flood (backscatter falls to that of calm water, about
 * -22 dB VV: decrease), a harvested field (-6 dB: decrease) and new buildings (+9 dB: increase);
 * the truth map marks them 2, 2 and 1. Each date carries independent multiplicative speckle,
 * gamma distributed with {@code looks} looks (mean 1), on the linear intensity. A swath edge of no
 * data cuts the lower left corner.
 *
 * <p>Every pixel is a pure function of its coordinates and the seed, so the files are written tile
 * by tile whatever their size.
 */
public final class SarPairGenerator {

    public static final String BEFORE_FILE = "s1_sigma0_2024-05-02.tif";
    public static final String AFTER_FILE = "s1_sigma0_2024-05-14.tif";
    public static final String TRUTH_FILE = "s1_change_truth.tif";
    public static final float NODATA = -9999f;
    public static final int TRUTH_NODATA = 255;

    private static final double ULX = 400_000;
    private static final double ULY = 5_200_000;
    private static final double PIXEL = 20;
    private static final int EPSG_UTM_32N = 32632;

    private final int width;
    private final int height;
    private final int looks;
    private final Noise noise;

    private SarPairGenerator(int width, int height, int looks, long seed) {
        this.width = width;
        this.height = height;
        this.looks = looks;
        this.noise = new Noise(seed);
    }

    /**
     * Writes {@link #BEFORE_FILE}, {@link #AFTER_FILE} and {@link #TRUTH_FILE} into {@code outDir}.
     *
     * @param looks equivalent number of looks of the speckle, 1 (single look) or more
     */
    public static SarPair generate(Path outDir, int width, int height, int looks, long seed) throws IOException {
        if (width < 64 || height < 64) {
            throw new IllegalArgumentException("the pair must be at least 64 x 64 pixels, got " + width + " x " + height);
        }
        if (looks < 1 || looks > 64) {
            throw new IllegalArgumentException("looks must be between 1 and 64, got " + looks);
        }
        Files.createDirectories(outDir);
        SarPair pair = new SarPair(outDir.resolve(BEFORE_FILE), outDir.resolve(AFTER_FILE), outDir.resolve(TRUTH_FILE));
        new SarPairGenerator(width, height, looks, seed).write(pair);
        return pair;
    }

    /** {@code java -cp candela-processes.jar eu.candela.wps.samples.SarPairGenerator DIR WIDTH HEIGHT [LOOKS [SEED]]}: for benchmarks. */
    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: SarPairGenerator DIR WIDTH HEIGHT [LOOKS (4) [SEED (1)]]");
            System.exit(2);
        }
        SarPair pair = generate(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                args.length > 3 ? Integer.parseInt(args[3]) : 4, args.length > 4 ? Long.parseLong(args[4]) : 1);
        System.out.println(pair.before() + "\n" + pair.after() + "\n" + pair.truth());
    }

    private void write(SarPair pair) throws IOException {
        GridGeometry grid = new GridGeometry(width, height, new double[] {ULX, PIXEL, 0, ULY, 0, -PIXEL}, EPSG_UTM_32N);
        RasterSpec image = new RasterSpec(grid, 2, SampleType.FLOAT32, (double) NODATA, List.of("VV", "VH"), Map.of());
        RasterSpec truthSpec = new RasterSpec(grid, 1, SampleType.UINT8, (double) TRUTH_NODATA, List.of("change"),
                Map.of("DESCRIPTION", "changes made: 0 none, 1 increase, 2 decrease, 255 no data"));
        try (CogWriterGroup group = new CogWriterGroup()) {
            CogWriter before = group.add(CogWriter.create(pair.before(), image.withMetadata(metadata("2024-05-02T05:43:12Z")), CogOptions.defaults()));
            CogWriter after = group.add(CogWriter.create(pair.after(), image.withMetadata(metadata("2024-05-14T05:43:13Z")), CogOptions.defaults()));
            CogWriter truth = group.add(CogWriter.create(pair.truth(), truthSpec,
                    CogOptions.defaults().withOverviewResampling(OverviewResampling.NEAREST)));
            ParallelTiles.write(BlockGrid.of(width, height, before.tileSize()), this::tile, before, after, truth);
            group.commit();
        }
    }

    /** The before, after and truth blocks of one window. */
    private RasterBlock[] tile(BlockGrid.Window w) {
        RasterBlock b = new RasterBlock(w.x(), w.y(), w.width(), w.height(), 2);
        RasterBlock a = new RasterBlock(w.x(), w.y(), w.width(), w.height(), 2);
        RasterBlock t = new RasterBlock(w.x(), w.y(), w.width(), w.height(), 1);
        for (int r = 0; r < w.height(); r++) {
            for (int c = 0; c < w.width(); c++) {
                t.set(0, c, r, pixel(w.x() + c, w.y() + r, b, a, c, r));
            }
        }
        return new RasterBlock[] {b, a, t};
    }

    /** Fills one pixel of both dates (VV, VH); returns its truth code. */
    private int pixel(int x, int y, RasterBlock before, RasterBlock after, int c, int r) {
        if (x + (height - 1 - y) < 0.1 * Math.min(width, height)) {
            for (int band = 0; band < 2; band++) {
                before.set(band, c, r, NODATA);
                after.set(band, c, r, NODATA);
            }
            return TRUTH_NODATA;
        }
        double vv = -11 + 5 * noise.fractal(x, y, 0.15 * width, 1);
        double crossPolGap = 7 + noise.value(x, y, 0.2 * width, 2);
        double afterVv = vv;
        double afterCrossGap = crossPolGap;
        int truth = 0;
        double u = x / (double) width;
        double v = y / (double) height;
        if (inEllipse(u, v, 0.30, 0.35, 0.14, 0.09)) { // flood: calm water
            afterVv = -22;
            afterCrossGap = 6;
            truth = 2;
        } else if (u > 0.62 && u < 0.80 && v > 0.20 && v < 0.34) { // harvest
            afterVv = vv - 6;
            truth = 2;
        } else if (inEllipse(u, v, 0.70, 0.72, 0.08, 0.07)) { // new buildings: double bounce
            afterVv = vv + 9;
            afterCrossGap = crossPolGap - 2;
            truth = 1;
        }
        before.set(0, c, r, speckled(vv, x, y, 10));
        before.set(1, c, r, speckled(vv - crossPolGap, x, y, 20));
        after.set(0, c, r, speckled(afterVv, x, y, 30));
        after.set(1, c, r, speckled(afterVv - afterCrossGap, x, y, 40));
        return truth;
    }

    private static boolean inEllipse(double u, double v, double cu, double cv, double ru, double rv) {
        double du = (u - cu) / ru;
        double dv = (v - cv) / rv;
        return du * du + dv * dv <= 1;
    }

    /** The dB value with gamma speckle of {@link #looks} looks applied to its intensity. */
    private float speckled(double db, int x, int y, int salt) {
        double sum = 0;
        for (int k = 0; k < looks; k++) {
            sum -= Math.log(1 - noise.uniform(x, y, salt * 100L + k)); // exponential, mean 1
        }
        return (float) (db + 10 * Math.log10(sum / looks));
    }

    private Map<String, String> metadata(String sensingTime) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("PRODUCT", "synthetic");
        metadata.put("SPACECRAFT", "SENTINEL-1A");
        metadata.put("SENSING_TIME", sensingTime);
        metadata.put("POLARISATIONS", "VV,VH");
        metadata.put("SPECKLE_FILTER", "NONE");
        metadata.put("LOOKS", Integer.toString(looks));
        return metadata;
    }
}
