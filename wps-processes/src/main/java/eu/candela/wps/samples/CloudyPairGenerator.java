package eu.candela.wps.samples;

import eu.candela.eodata.raster.BlockGrid;
import eu.candela.eodata.raster.CogOptions;
import eu.candela.eodata.raster.CogWriter;
import eu.candela.eodata.raster.GeoTiffReader;
import eu.candela.eodata.raster.OverviewResampling;
import eu.candela.eodata.raster.RasterBlock;
import eu.candela.eodata.raster.RasterSpec;
import eu.candela.eodata.raster.SampleType;
import eu.candela.wps.internal.CogWriterGroup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link SamplePairGenerator} pair as a Level-2A product pair would reach change detection
 * through Jpeg2Tiff: Float32 reflectance with nodata -9999, a {@code QUALITY} band (0 no data,
 * 1 clear, 2 cloud, 3 cloud shadow, 5 water) and the GDAL metadata of shared contract 3 (PRODUCT,
 * SPACECRAFT, PROCESSING_LEVEL, PROCESSING_BASELINE, TILE_ID, SENSING_TIME); and with clouds.
 *
 * <p>Clouds are bright discs with a soft edge, their shadows darker discs offset from them, and
 * the QUALITY band covers both exactly. One cloud of the second date sits over the large water
 * basin dug between the dates (a known change), so a test can show that a change under a cloud
 * is masked, not found and not counted; one cloud of the first date sits over unchanged land, so
 * a detector that ignored the mask would report false alarms there. The truth map is the clear
 * pair's: what changed on the ground, whatever the clouds hide.
 *
 * <p>Written tile by tile from the clear pair, so memory is independent of the size.
 */
public final class CloudyPairGenerator {

    public static final String BEFORE_FILE = "S2A_MSIL2A_20170419T105621_N0400_R094_T30TXQ.tif";
    public static final String AFTER_FILE = "S2A_MSIL2A_20170429T105621_N0400_R094_T30TXQ.tif";
    public static final String BEFORE_MASK_FILE = "clouds_2017-04-19.tif";
    public static final String AFTER_MASK_FILE = "clouds_2017-04-29.tif";
    public static final String TRUTH_FILE = SamplePairGenerator.TRUTH_FILE;
    public static final float NODATA = -9999f;
    public static final List<String> BANDS = List.of("B02", "B03", "B04", "B08");
    public static final String TILE_ID = "T30TXQ";

    /** One cloud, its centre and radius in fractions of the scene side, and its shadow's offset. */
    record Cloud(boolean afterDate, double x, double y, double radius, double shadowX, double shadowY) {
    }

    /** Over the basin of {@link SceneChanges} (centre 0.42, 0.58) on the second date; over land on the first. */
    static final List<Cloud> CLOUDS = List.of(
            new Cloud(true, 0.42, 0.58, 0.05, 0.06, 0.045),
            new Cloud(false, 0.75, 0.25, 0.06, 0.06, 0.045),
            new Cloud(true, 0.20, 0.30, 0.025, 0.04, 0.03));

    private static final float[] CLOUD_REFLECTANCE = {0.46f, 0.44f, 0.43f, 0.47f};
    private static final float SHADOW_FACTOR = 0.35f;
    private static final float WATER_NIR = 0.05f;

    private final int size;
    private final boolean qualityBand;

    private CloudyPairGenerator(int size, boolean qualityBand) {
        this.size = size;
        this.qualityBand = qualityBand;
    }

    /**
     * Writes the pair into {@code outDir}.
     *
     * @param qualityBand false leaves the QUALITY band out (four bands), for scenes masked only by the mask files
     */
    public static CloudyPair generate(Path outDir, int size, long seed, boolean qualityBand) throws IOException {
        Files.createDirectories(outDir);
        Path clearDir = Files.createTempDirectory(outDir, ".clear");
        try {
            SamplePair clear = SamplePairGenerator.generate(clearDir, size, seed);
            CloudyPair pair = new CloudyPair(outDir.resolve(BEFORE_FILE), outDir.resolve(AFTER_FILE),
                    outDir.resolve(BEFORE_MASK_FILE), outDir.resolve(AFTER_MASK_FILE), outDir.resolve(TRUTH_FILE));
            new CloudyPairGenerator(size, qualityBand).write(clear, pair);
            Files.move(clear.truth(), pair.truth(), StandardCopyOption.REPLACE_EXISTING);
            return pair;
        } finally {
            try (var files = Files.list(clearDir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(clearDir);
        }
    }

    /** {@code java -cp candela-processes.jar eu.candela.wps.samples.CloudyPairGenerator <out-dir> <size> [seed]}: for benchmarks. */
    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: CloudyPairGenerator <out-dir> <size> [seed]");
            System.exit(64);
        }
        CloudyPair pair = generate(Path.of(args[0]), Integer.parseInt(args[1]), args.length == 3 ? Long.parseLong(args[2]) : 20170419L,
                true);
        System.out.println(pair.before());
        System.out.println(pair.after());
        System.out.println(pair.truth());
    }

    private void write(SamplePair clear, CloudyPair pair) throws IOException {
        try (GeoTiffReader before = GeoTiffReader.open(clear.before()); GeoTiffReader after = GeoTiffReader.open(clear.after());
             CogWriterGroup group = new CogWriterGroup()) {
            var grid = before.info().grid();
            List<String> descriptions = new ArrayList<>(BANDS);
            if (qualityBand) {
                descriptions.add("QUALITY");
            }
            RasterSpec scene = new RasterSpec(grid, descriptions.size(), SampleType.FLOAT32, (double) NODATA, descriptions, Map.of());
            RasterSpec maskSpec = new RasterSpec(grid, 1, SampleType.UINT8, null, List.of("cloud mask: 0 clear, 1 cloud, 2 cloud shadow"),
                    Map.of());
            CogOptions nearest = CogOptions.defaults().withOverviewResampling(OverviewResampling.NEAREST);
            CogWriter[] scenes = {
                group.add(CogWriter.create(pair.before(), scene.withMetadata(metadata("20170419", "2017-04-19T10:56:21.024Z")),
                        CogOptions.defaults())),
                group.add(CogWriter.create(pair.after(), scene.withMetadata(metadata("20170429", "2017-04-29T10:56:21.024Z")),
                        CogOptions.defaults()))};
            CogWriter[] masks = {group.add(CogWriter.create(pair.beforeMask(), maskSpec, nearest)),
                group.add(CogWriter.create(pair.afterMask(), maskSpec, nearest))};
            GeoTiffReader[] sources = {before, after};
            for (BlockGrid.Window w : BlockGrid.of(size, size, scenes[0].tileSize())) {
                for (int date = 0; date < 2; date++) {
                    RasterBlock source = sources[date].read(w.x(), w.y(), w.width(), w.height());
                    RasterBlock out = new RasterBlock(w.x(), w.y(), w.width(), w.height(), descriptions.size());
                    RasterBlock mask = new RasterBlock(w.x(), w.y(), w.width(), w.height(), 1);
                    fill(source, out, mask, date == 1);
                    scenes[date].write(out);
                    masks[date].write(mask);
                }
            }
            group.commit();
        }
    }

    private void fill(RasterBlock source, RasterBlock out, RasterBlock mask, boolean afterDate) {
        float[] pixel = new float[BANDS.size()];
        for (int row = 0; row < source.height(); row++) {
            for (int col = 0; col < source.width(); col++) {
                int x = source.x() + col;
                int y = source.y() + row;
                if (source.get(0, col, row) == 0f) {
                    for (int b = 0; b < out.bandCount(); b++) {
                        out.set(b, col, row, b < BANDS.size() ? NODATA : 0);
                    }
                    continue;
                }
                for (int b = 0; b < pixel.length; b++) {
                    pixel[b] = source.get(b, col, row) / 10_000f;
                }
                int quality = pixel[3] < WATER_NIR ? 5 : 1;
                for (Cloud cloud : CLOUDS) {
                    if (cloud.afterDate() != afterDate) {
                        continue;
                    }
                    double shadow = cover(x, y, cloud.x() + cloud.shadowX(), cloud.y() + cloud.shadowY(), cloud.radius());
                    if (shadow > 0 && quality != 2) {
                        for (int b = 0; b < pixel.length; b++) {
                            pixel[b] *= (float) (1 - (1 - SHADOW_FACTOR) * shadow);
                        }
                        quality = 3;
                    }
                }
                for (Cloud cloud : CLOUDS) {
                    double opacity = cloud.afterDate() == afterDate ? cover(x, y, cloud.x(), cloud.y(), cloud.radius()) : 0;
                    if (opacity > 0) {
                        for (int b = 0; b < pixel.length; b++) {
                            pixel[b] = (float) (opacity * CLOUD_REFLECTANCE[b] + (1 - opacity) * pixel[b]);
                        }
                        quality = 2;
                    }
                }
                for (int b = 0; b < pixel.length; b++) {
                    out.set(b, col, row, pixel[b]);
                }
                if (qualityBand) {
                    out.set(BANDS.size(), col, row, quality);
                }
                mask.set(0, col, row, quality == 2 ? 1 : quality == 3 ? 2 : 0);
            }
        }
    }

    /** Opacity of a disc at (cx, cy) of radius r (fractions of the side): 1 in the core, fading to 0.15 at the rim, 0 outside. */
    private double cover(int x, int y, double cx, double cy, double r) {
        double d = Math.hypot(x + 0.5 - cx * size, y + 0.5 - cy * size) / (r * size);
        if (d >= 1) {
            return 0;
        }
        return d <= 0.6 ? 1 : 1 - 0.85 * (d - 0.6) / 0.4;
    }

    private static Map<String, String> metadata(String day, String sensingTime) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("PRODUCT", "S2A_MSIL2A_" + day + "T105621_N0400_R094_" + TILE_ID + "_" + day + "T120000.SAFE");
        metadata.put("SPACECRAFT", "Sentinel-2A");
        metadata.put("PROCESSING_LEVEL", "Level-2A");
        metadata.put("PROCESSING_BASELINE", "04.00");
        metadata.put("TILE_ID", TILE_ID);
        metadata.put("SENSING_TIME", sensingTime);
        return metadata;
    }
}
