package eu.candela.wps.samples;

import eu.candela.eodata.grid.GridGeometry;
import eu.candela.eodata.jpeg2000.Jp2Writer;
import eu.candela.eodata.jpeg2000.OpenJpegWriter;
import eu.candela.eodata.jpeg2000.TileSource;
import eu.candela.eodata.raster.BlockGrid;
import eu.candela.eodata.raster.CogOptions;
import eu.candela.eodata.raster.CogWriter;
import eu.candela.eodata.raster.OverviewResampling;
import eu.candela.eodata.raster.RasterBlock;
import eu.candela.eodata.raster.RasterSpec;
import eu.candela.eodata.raster.SampleType;
import eu.candela.eodata.sentinel2.ProcessingLevel;
import eu.candela.eodata.sentinel2.Sentinel2Band;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes Sentinel-2 products in the real SAFE layout from a {@link SyntheticSentinel2Scene}: the
 * folder tree, {@code MTD_MSIL1C.xml} / {@code MTD_MSIL2A.xml}, {@code GRANULE/* /MTD_TL.xml}, a
 * manifest, the ten bands Jpeg2Tiff reads at their native resolution as lossless JPEG 2000, and
 * the masks: the scene classification (Level-2A), the classification mask {@code MSK_CLASSI_B00.jp2}
 * (baseline 04.00 on) or the GML cloud mask {@code MSK_CLOUDS_B00.gml} (Level-1C before 04.00).
 * From baseline 04.00 on, DN carry the offset of -1000. Tile T31TCJ (UTM 31N, near Toulouse).
 *
 * <p>The JPEG 2000 files are encoded by OpenJPEG ({@code opj_compress}) when it is installed, else by
 * JJ2000 with a read-back check; see {@link OpenJpegWriter} for why. Memory stays flat with size on
 * the Java side: every raster is computed tile by tile. A pair of full-size
 * (10980 x 10980) Level-2A products takes minutes; tests use a few hundred pixels.
 */
public final class Sentinel2ProductGenerator {
    /** The additive offset of DN from baseline 04.00 on, as ESA sets it. */
    public static final double OFFSET = -1000;
    public static final double QUANTIFICATION = 10000;
    public static final String TRUTH_FILE = "T31TCJ_change_truth.tif";
    public static final int TRUTH_NODATA = 255;

    private static final int EPSG = 32631;
    private static final double ULX = 300000;
    private static final double ULY = 4900020;
    private static final Instant[] SENSING = {Instant.parse("2023-06-10T10:50:31.024Z"), Instant.parse("2023-07-10T10:50:31.024Z")};
    private static final String[] SPACECRAFT = {"Sentinel-2A", "Sentinel-2B"};
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

    /** The two products of a pair and the change truth between them. */
    public record Sentinel2Pair(Path before, Path after, Path truth, SyntheticSentinel2Scene scene) {
    }

    /** Names and times of one generated product. */
    record Layout(ProcessingLevel level, String baseline, int date) {
        boolean l2a() { return level == ProcessingLevel.LEVEL_2A; }
        boolean hasOffset() { return baseline.compareTo("04.00") >= 0; }
        Instant sensingTime() { return SENSING[date]; }
        Instant generationTime() { return SENSING[date].plus(Duration.ofMinutes(191)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS); }
        String spacecraft() { return SPACECRAFT[date]; }
        String spacecraftCode() { return date == 0 ? "S2A" : "S2B"; }
        String datatake() { return COMPACT.format(sensingTime()); }
        String levelCode() { return l2a() ? "L2A" : "L1C"; }
        String baselineCode() { return "N" + baseline.replace(".", ""); }
        String name() {
            return spacecraftCode() + "_MSI" + levelCode() + "_" + datatake() + "_" + baselineCode() + "_R051_T31TCJ_"
                    + COMPACT.format(generationTime()) + ".SAFE";
        }
        String absoluteOrbit() { return date == 0 ? "A041234" : "A032917"; }
        String granule() { return levelCode() + "_T31TCJ_" + absoluteOrbit() + "_" + datatake(); }
        String granuleId() {
            return spacecraftCode() + "_OPER_MSI_" + levelCode() + "_TL_CAND_" + COMPACT.format(generationTime()) + "_"
                    + absoluteOrbit() + "_T31TCJ_N" + baseline;
        }
        String tileIdentifier() { return granuleId(); }
        int utmZone() { return 31; }
    }

    private final SyntheticSentinel2Scene scene;

    private Sentinel2ProductGenerator(SyntheticSentinel2Scene scene) {
        this.scene = scene;
    }

    /**
     * Writes the earlier and the later product of one tile into {@code archive}, and the change truth
     * ({@link #TRUTH_FILE}: UInt8 COG, 1 change, 0 no change, 255 no data) beside them.
     *
     * @param baseline processing baseline, for example {@code 04.00} (offsets) or {@code 02.14} (none)
     * @param size     tile side in 10 m pixels: a multiple of 6, 120 to 10980
     */
    public static Sentinel2Pair generatePair(Path archive, ProcessingLevel level, String baseline, int size, long seed) throws IOException {
        SyntheticSentinel2Scene scene = new SyntheticSentinel2Scene(size, seed);
        Path before = generate(archive, scene, 0, level, baseline);
        Path after = generate(archive, scene, 1, level, baseline);
        Path truth = archive.resolve(TRUTH_FILE);
        writeTruth(truth, scene);
        return new Sentinel2Pair(before, after, truth, scene);
    }

    /** Writes the product of {@code date} (0 earlier, 1 later) of {@code scene} into {@code archive}; returns its SAFE folder. */
    public static Path generate(Path archive, SyntheticSentinel2Scene scene, int date, ProcessingLevel level, String baseline)
            throws IOException {
        if (date != 0 && date != 1) throw new IllegalArgumentException("date must be 0 or 1, got " + date);
        if (!baseline.matches("\\d\\d\\.\\d\\d")) throw new IllegalArgumentException("baseline must look like 04.00, got " + baseline);
        return new Sentinel2ProductGenerator(scene).write(archive, new Layout(level, baseline, date));
    }

    /** The 10 m grid of the generated tile. */
    public static GridGeometry grid(SyntheticSentinel2Scene scene, int resolution) {
        return GridGeometry.northUp(scene.size() * 10 / resolution, scene.size() * 10 / resolution, ULX, ULY, resolution, EPSG);
    }

    /** The DN a reflectance is stored as: {@code round(r * 10000 - offset)}, within 1..65534; 0 for NaN (no data). */
    public static int dn(double reflectance, boolean withOffset) {
        if (Double.isNaN(reflectance)) return 0;
        long dn = Math.round(reflectance * QUANTIFICATION - (withOffset ? OFFSET : 0));
        return (int) Math.max(1, Math.min(65534, dn));
    }

    /** Scene classification value of 20 m pixel (i, j) on {@code date}. */
    public static int sceneClass(SyntheticSentinel2Scene scene, int date, int i, int j) {
        int x = 2 * i, y = 2 * j;
        if (scene.isNodata(x, y)) return 0;
        return switch (scene.sky(date, x, y)) {
            case CLOUD -> 9;
            case CLOUD_EDGE -> 8;
            case SHADOW -> 3;
            case CLEAR -> switch (scene.cover(date, x, y)) {
                case WATER -> 6;
                case FOREST, CROP -> 4;
                case BARE, URBAN -> 5;
            };
        };
    }

    /** Opaque-cloud layer of the 60 m classification mask at (i, j): 1 cloud, 0 not. */
    public static int opaqueCloud(SyntheticSentinel2Scene scene, int date, int i, int j) {
        int x = 6 * i + 3, y = 6 * j + 3;
        SyntheticSentinel2Scene.Sky sky = scene.sky(date, x, y);
        return !scene.isNodata(x, y) && (sky == SyntheticSentinel2Scene.Sky.CLOUD || sky == SyntheticSentinel2Scene.Sky.CLOUD_EDGE) ? 1 : 0;
    }

    private Path write(Path archive, Layout layout) throws IOException {
        Path safe = archive.resolve(layout.name());
        Path granule = safe.resolve("GRANULE").resolve(layout.granule());
        Path img = Files.createDirectories(granule.resolve("IMG_DATA"));
        Path qi = Files.createDirectories(granule.resolve("QI_DATA"));
        Files.createDirectories(safe.resolve("DATASTRIP"));
        Files.createDirectories(safe.resolve("AUX_DATA"));
        String prefix = "T31TCJ_" + layout.datatake() + "_";
        String granulePath = "GRANULE/" + layout.granule() + "/";
        List<String> imageFiles = new ArrayList<>();
        List<Writing> writings = new ArrayList<>();
        int tile10 = scene.size() >= 4096 ? 1024 : 128;
        for (int b = 0; b < SyntheticSentinel2Scene.BANDS.size(); b++) {
            Sentinel2Band band = SyntheticSentinel2Scene.BANDS.get(b);
            int res = band.resolution();
            String relative = layout.l2a() ? "IMG_DATA/R" + res + "m/" + prefix + band.name() + "_" + res + "m" : "IMG_DATA/" + prefix + band.name();
            imageFiles.add(granulePath + relative);
            int bandIndex = b;
            int factor = res / 10;
            writings.add(new Writing(granule.resolve(relative + ".jp2"), scene.size() / factor, 1, 16, tile10 / factor,
                    (x, y, w, h, component) -> bandSamples(layout, bandIndex, factor, x, y, w, h)));
        }
        List<String[]> masks = new ArrayList<>();
        if (layout.l2a()) {
            String relative = "IMG_DATA/R20m/" + prefix + "SCL_20m";
            imageFiles.add(granulePath + relative);
            writings.add(new Writing(granule.resolve(relative + ".jp2"), scene.size() / 2, 1, 8, tile10 / 2,
                    (x, y, w, h, component) -> window(x, y, w, h, (i, j) -> sceneClass(scene, layout.date(), i, j))));
        }
        if (layout.hasOffset()) {
            masks.add(new String[] {"MSK_CLASSI", granulePath + "QI_DATA/MSK_CLASSI_B00.jp2"});
            writings.add(new Writing(qi.resolve("MSK_CLASSI_B00.jp2"), scene.size() / 6, 3, 8, Math.max(32, tile10 / 6),
                    (x, y, w, h, component) -> window(x, y, w, h,
                            (i, j) -> component == 0 ? opaqueCloud(scene, layout.date(), i, j) : 0)));
        } else if (!layout.l2a()) {
            masks.add(new String[] {"MSK_CLOUDS", granulePath + "QI_DATA/MSK_CLOUDS_B00.gml"});
            CloudMaskGmlWriter.write(qi.resolve("MSK_CLOUDS_B00.gml"), scene, layout.date(), grid(scene, 10));
        }
        Files.createDirectories(img.resolve(layout.l2a() ? "R10m" : "."));
        if (layout.l2a()) Files.createDirectories(img.resolve("R20m"));
        runAll(writings);
        SafeMetadataWriter.writeProduct(safe.resolve(layout.l2a() ? "MTD_MSIL2A.xml" : "MTD_MSIL1C.xml"), layout, imageFiles);
        SafeMetadataWriter.writeTile(granule.resolve("MTD_TL.xml"), layout, grid(scene, 10), masks);
        SafeMetadataWriter.writeManifest(safe, layout);
        return safe;
    }

    private int[] bandSamples(Layout layout, int bandIndex, int factor, int x, int y, int w, int h) {
        return window(x, y, w, h, (i, j) -> dn(scene.reflectance(bandIndex, layout.date(), factor * i, factor * j), layout.hasOffset()));
    }

    private interface PixelFunction {
        int at(int i, int j);
    }

    private static int[] window(int x, int y, int w, int h, PixelFunction f) {
        int[] samples = new int[w * h];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) samples[r * w + c] = f.at(x + c, y + r);
        }
        return samples;
    }

    private record Writing(Path file, int size, int bands, int bitDepth, int tileSize, TileSource source) {
        void run() throws IOException {
            if (OPENJPEG) {
                OpenJpegWriter.writeLossless(file, size, size, bands, bitDepth, tileSize, source);
            } else {
                Jp2Writer.writeLossless(file, size, size, bands, bitDepth, tileSize, source);
            }
        }
    }

    /**
     * OpenJPEG's encoder when installed: JJ2000's is not lossless on every tile (see {@link Jp2Writer});
     * without OpenJPEG, JJ2000 writes and verifies each file and fails loudly if a tile is not exact.
     */
    private static final boolean OPENJPEG = OpenJpegWriter.available();

    /**
     * Encodes the files one after the other: two JJ2000 encoders running at once in one JVM corrupt
     * each other's output (seen here: whole wrong tiles), so the encoder is not thread-safe.
     */
    private static void runAll(List<Writing> writings) throws IOException {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Writing w : writings) {
                futures.add(pool.submit(() -> {
                    w.run();
                    return null;
                }));
            }
            for (Future<?> f : futures) f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            if (e.getCause() instanceof UncheckedIOException io) throw io.getCause();
            throw new IllegalStateException("writing a band failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing bands", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Writes the change truth of {@code scene}: UInt8 COG on the 10 m grid, 1 change, 0 none, 255 no data. */
    public static void writeTruth(Path file, SyntheticSentinel2Scene scene) throws IOException {
        RasterSpec spec = new RasterSpec(grid(scene, 10), 1, SampleType.UINT8, (double) TRUTH_NODATA, List.of("change"),
                Map.of("DESCRIPTION", "reference change map between the two generated products: 1 change, 0 no change, 255 no data"));
        try (CogWriter writer = CogWriter.create(file, spec, CogOptions.defaults().withOverviewResampling(OverviewResampling.NEAREST))) {
            for (BlockGrid.Window w : BlockGrid.of(scene.size(), scene.size(), writer.tileSize())) {
                RasterBlock block = new RasterBlock(w.x(), w.y(), w.width(), w.height(), 1);
                for (int r = 0; r < w.height(); r++) {
                    for (int c = 0; c < w.width(); c++) {
                        int x = w.x() + c, y = w.y() + r;
                        block.set(0, c, r, scene.isNodata(x, y) ? TRUTH_NODATA : scene.isChanged(x, y) ? 1 : 0);
                    }
                }
                writer.write(block);
            }
        }
    }
}
