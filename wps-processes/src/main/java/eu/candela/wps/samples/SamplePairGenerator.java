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
 * Writes a synthetic but realistic Sentinel-2 pair near Bordeaux (UTM 30N, 10 m pixels, B02, B03,
 * B04, B08 as uint16 reflectance x 10000, nodata 0) ten days apart, with a reference change map.
 *
 * <p>Between the dates the scene differs by what a change detector must ignore: a per-band
 * gain and offset with a smooth haze gradient (illumination and atmosphere), crop and forest
 * growth (phenology), and independent sensor noise; and by what it must find: the changes of
 * {@link SceneChanges}, which the truth map marks 1. A swath edge of no data cuts the lower-left
 * corner of all three files.
 *
 * <p>Every pixel is a pure function of its coordinates and the seed, so the files are written tile
 * by tile with memory independent of the size, and the same seed always gives the same files.
 */
public final class SamplePairGenerator {

    public static final String BEFORE_FILE = "bordeaux_2017-04-19.tif";
    public static final String AFTER_FILE = "bordeaux_2017-04-29.tif";
    public static final String TRUTH_FILE = "bordeaux_change_truth.tif";
    public static final int TRUTH_NODATA = 255;

    private static final double ULX = 690_000;
    private static final double ULY = 4_975_000;
    private static final double PIXEL = 10;
    private static final int EPSG_UTM_30N = 32630;
    private static final List<String> BANDS = List.of("B02 blue", "B03 green", "B04 red", "B08 NIR");
    /** Second date against the first: a brighter, hazier blue and a slightly darker NIR. */
    private static final double[] GAIN = {0.92, 0.95, 0.97, 1.06};
    private static final double[] OFFSET = {160, 120, 70, -60};
    private static final double[] HAZE = {30, 21, 15, 6};

    private final int size;
    private final Noise noise;
    private final Landscape landscape;
    private final SceneChanges changes;

    private SamplePairGenerator(int size, long seed) {
        this.size = size;
        this.noise = new Noise(seed);
        this.landscape = new Landscape(size, noise);
        this.changes = new SceneChanges(size, noise, landscape);
    }

    /**
     * Writes {@link #BEFORE_FILE}, {@link #AFTER_FILE} and {@link #TRUTH_FILE} into {@code outDir}.
     *
     * @param size width and height in pixels, at least 64
     * @param seed the same seed gives the same files
     */
    public static SamplePair generate(Path outDir, int size, long seed) throws IOException {
        if (size < 64 || size > 65_536) {
            throw new IllegalArgumentException("size must be between 64 and 65536 pixels, got " + size);
        }
        Files.createDirectories(outDir);
        SamplePair pair = new SamplePair(outDir.resolve(BEFORE_FILE), outDir.resolve(AFTER_FILE), outDir.resolve(TRUTH_FILE));
        new SamplePairGenerator(size, seed).write(pair);
        return pair;
    }

    private void write(SamplePair pair) throws IOException {
        GridGeometry grid = new GridGeometry(size, size, new double[] {ULX, PIXEL, 0, ULY, 0, -PIXEL}, EPSG_UTM_30N);
        RasterSpec scene = new RasterSpec(grid, 4, SampleType.UINT16, 0.0, BANDS, Map.of());
        RasterSpec truthSpec = new RasterSpec(grid, 1, SampleType.UINT8, (double) TRUTH_NODATA,
                List.of("change"), Map.of("DESCRIPTION", "reference change map: 1 change, 0 no change, 255 no data"));
        CogOptions truthOptions = CogOptions.defaults().withOverviewResampling(OverviewResampling.NEAREST);
        try (CogWriterGroup group = new CogWriterGroup()) {
            CogWriter before = group.add(CogWriter.create(pair.before(), scene.withMetadata(metadata("2017-04-19")), CogOptions.defaults()));
            CogWriter after = group.add(CogWriter.create(pair.after(), scene.withMetadata(metadata("2017-04-29")), CogOptions.defaults()));
            CogWriter truth = group.add(CogWriter.create(pair.truth(), truthSpec, truthOptions));
            ParallelTiles.write(BlockGrid.of(size, size, before.tileSize()), this::tile, before, after, truth);
            group.commit();
        }
    }

    /** The before, after and truth blocks of one window. */
    private RasterBlock[] tile(BlockGrid.Window w) {
        RasterBlock before = new RasterBlock(w.x(), w.y(), w.width(), w.height(), 4);
        RasterBlock after = new RasterBlock(w.x(), w.y(), w.width(), w.height(), 4);
        RasterBlock truth = new RasterBlock(w.x(), w.y(), w.width(), w.height(), 1);
        Site site = new Site();
        float[] changed = new float[4];
        for (int row = 0; row < w.height(); row++) {
            for (int col = 0; col < w.width(); col++) {
                truth.set(0, col, row, pixel(w.x() + col, w.y() + row, site, changed, before, after, col, row));
            }
        }
        return new RasterBlock[] {before, after, truth};
    }

    /** Fills one pixel of both dates; returns its truth value. */
    private int pixel(int col, int row, Site site, float[] changed, RasterBlock before, RasterBlock after, int bc, int br) {
        if (col + (size - 1 - row) < 0.12 * size) {
            return TRUTH_NODATA;
        }
        landscape.describe(col, row, site);
        boolean isChange = changes.apply(col, row, site, changed);
        if (!isChange) {
            grow(site, changed);
        }
        double haze = noise.value(col, row, 0.4 * size, 90);
        for (int band = 0; band < 4; band++) {
            before.set(band, bc, br, sense(site.surface[band], col, row, 100 + band));
            after.set(band, bc, br, sense(GAIN[band] * changed[band] + OFFSET[band] + HAZE[band] * haze, col, row, 200 + band));
        }
        return isChange ? 1 : 0;
    }

    /**
     * Ten days of spring growth: a greener canopy with a little more NIR and less red, in proportion
     * to the canopy and at a pace that varies from parcel to parcel.
     */
    private static void grow(Site site, float[] after) {
        double k = site.vegetation * site.growth;
        after[0] = (float) (site.surface[0] * (1 - 0.005 * k));
        after[1] = (float) (site.surface[1] * (1 + 0.01 * k));
        after[2] = (float) (site.surface[2] * (1 - 0.03 * k));
        after[3] = (float) (site.surface[3] * (1 + 0.03 * k));
    }

    /**
     * Sensor noise, independent per date through {@code salt}, and quantisation to valid uint16
     * counts. Read noise plus photon noise growing with the signal: about 8 counts over water,
     * 11 at 1000 and 18 at 3500, in line with Sentinel-2's signal-to-noise ratios at 10 m.
     */
    private float sense(double radiance, int col, int row, int salt) {
        double sigma = Math.sqrt(36 + 0.08 * Math.max(radiance, 0));
        double value = radiance + sigma * noise.gaussian(col, row, salt);
        return (float) Math.max(1, Math.min(65_535, Math.round(value)));
    }

    private static Map<String, String> metadata(String date) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("ACQUISITION_DATE", date);
        metadata.put("SENSOR", "Sentinel-2 MSI (synthetic)");
        metadata.put("PRODUCT_TYPE", "synthetic L1C-like TOA reflectance x 10000");
        return metadata;
    }
}
