package eu.candela.wps.samples;

import eu.candela.eodata.sentinel1.MeasurementTiffWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes generated Sentinel-1 IW GRD products in the real SAFE layout: {@code manifest.safe},
 * {@code annotation/}, {@code annotation/calibration/} (calibration and noise with range and
 * azimuth vectors) and {@code measurement/} (uint16 amplitude, one strip per line, GCPs, no affine
 * georeferencing), over a landscape (near Toulouse unless told otherwise) with known changes
 * between two dates.
 *
 * <p>Each pixel's amplitude is {@code DN = sqrt(sigma0 * A^2 * S + noise * N)}, with sigma0 from
 * {@link SarScene} at the pixel's true ground position ({@link GrdGeometry}), A the sigma0
 * calibration constant and noise the thermal noise power that the annotations describe
 * ({@link GrdRadiometry}), and S and N independent gamma speckle of the chosen number of looks
 * (mean 1). A few columns at near and far range are 0, the GRD's no data. Lines are generated and
 * written in order, so memory does not depend on the image size; the same options always give
 * the same files.
 */
public final class Sentinel1ProductGenerator {
    /** Default centre of the first product, near Toulouse. */
    static final double DEFAULT_LAT = 43.60;
    static final double DEFAULT_LON = 1.44;
    private static final double HEADING = 347.8;
    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

    /**
     * What to generate.
     *
     * @param width         pixels per line (range), at least 64
     * @param height        lines (azimuth), at least 64
     * @param pixelSpacing  metres, both directions (10 for GRDH)
     * @param looks         equivalent number of looks of the speckle; {@code Double.POSITIVE_INFINITY} for none
     * @param polarisations {@code VV}, {@code VH} or both, in this order
     * @param seed          the same seed gives the same files
     * @param centreLatitude  latitude of the first product's centre, degrees
     * @param centreLongitude longitude of the first product's centre, degrees
     */
    public record Options(int width, int height, double pixelSpacing, double looks, List<String> polarisations, long seed,
                          double centreLatitude, double centreLongitude) {
        public Options {
            if (width < 64 || height < 64) {
                throw new IllegalArgumentException("image must be at least 64 x 64 pixels, got " + width + " x " + height);
            }
            if (!(pixelSpacing > 0)) {
                throw new IllegalArgumentException("pixelSpacing must be positive, got " + pixelSpacing);
            }
            if (!(looks > 0)) {
                throw new IllegalArgumentException("looks must be positive, got " + looks);
            }
            polarisations = List.copyOf(polarisations);
            if (polarisations.isEmpty() || !List.of("VV", "VH").containsAll(polarisations)) {
                throw new IllegalArgumentException("polarisations must be VV and / or VH, got " + polarisations);
            }
            if (Math.abs(centreLatitude) > 70 || Math.abs(centreLongitude) > 180) {
                throw new IllegalArgumentException("centre must be within 70 degrees of the equator, got " + centreLatitude + ", " + centreLongitude);
            }
        }

        /** Dual-polarisation 10 m GRDH-like products with 4.4 looks, the ENL of real IW GRDH. */
        public static Options dualPol(int width, int height, long seed) {
            return new Options(width, height, 10, 4.4, List.of("VV", "VH"), seed, DEFAULT_LAT, DEFAULT_LON);
        }

        public Options withLooks(double newLooks) {
            return new Options(width, height, pixelSpacing, newLooks, polarisations, seed, centreLatitude, centreLongitude);
        }

        public Options withPolarisations(List<String> newPolarisations) {
            return new Options(width, height, pixelSpacing, looks, newPolarisations, seed, centreLatitude, centreLongitude);
        }

        /** The same products centred elsewhere (the landscape is the same, relative to the centre). */
        public Options withCentre(double latitude, double longitude) {
            return new Options(width, height, pixelSpacing, looks, polarisations, seed, latitude, longitude);
        }
    }

    /** Names, times and orbit of one generated product. */
    record Identity(String mission, Instant start, Instant stop, int absoluteOrbit, int datatake, String productId, List<String> polarisations,
                    boolean ascending, double headingDegrees) {
        String productName() {
            String type = polarisations.size() == 2 ? "1SDV" : "1SSV";
            return mission + "_IW_GRDH_" + type + "_" + NAME_TIME.format(start) + "_" + NAME_TIME.format(stop) + "_"
                    + String.format(Locale.ROOT, "%06d_%06X_%s", absoluteOrbit, datatake, productId);
        }

        String fileBase(String pol) {
            return (mission + "-iw-grd-" + pol + "-" + NAME_TIME.format(start) + "-" + NAME_TIME.format(stop) + "-"
                    + String.format(Locale.ROOT, "%06d-%06x-%03d", absoluteOrbit, datatake, polarisations.indexOf(pol) + 1))
                    .toLowerCase(Locale.ROOT);
        }
    }

    private Sentinel1ProductGenerator() {
    }

    /**
     * Command line for benchmarks: {@code java -cp candela-processes.jar eu.candela.wps.samples.Sentinel1ProductGenerator
     * OUT_DIR [WIDTH HEIGHT [SEED]]} writes a dual-polarisation pair (default 25000 x 16700, a full IW GRDH
     * scene) and prints the two product folders.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1 && args.length != 3 && args.length != 4) {
            System.err.println("usage: Sentinel1ProductGenerator OUT_DIR [WIDTH HEIGHT [SEED]]");
            System.exit(2);
        }
        int width = args.length > 1 ? Integer.parseInt(args[1]) : 25_000;
        int height = args.length > 1 ? Integer.parseInt(args[2]) : 16_700;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 1;
        long start = System.nanoTime();
        Sentinel1Pair pair = generatePair(Path.of(args[0]), Options.dualPol(width, height, seed));
        System.out.println("before " + pair.before());
        System.out.println("after " + pair.after());
        System.out.printf(Locale.ROOT, "generated %d x %d x 2 polarisations x 2 dates in %.1f s%n", width, height,
                (System.nanoTime() - start) / 1e9);
    }

    /**
     * Writes a pair twelve days apart over the same area (the second from a slightly different orbit,
     * so its image grid differs by a few hundred metres), and the truth of the changes.
     */
    public static Sentinel1Pair generatePair(Path directory, Options options) throws IOException {
        Files.createDirectories(directory);
        Instant first = Instant.parse("2021-08-09T17:39:53.153776Z");
        Duration length = Duration.ofNanos(Math.round((options.height() - 1) * GrdMetadataWriter.LINE_INTERVAL_SECONDS * 1e9));
        Identity before = new Identity("S1A", first, first.plus(length), 39156, 0x049F13, "6FF8", options.polarisations(), true, HEADING);
        Instant second = first.plus(Duration.ofDays(12)).plusMillis(1234);
        Identity after = new Identity("S1A", second, second.plus(length), 39331, 0x04A4B7, "1C2D", options.polarisations(), true,
                HEADING + 0.05);
        GrdGeometry g1 = pairGeometry(options, 0);
        GrdGeometry g2 = pairGeometry(options, 1);
        SarScene scene = new SarScene(Math.min(options.width(), options.height()) * options.pixelSpacing(), options.seed());
        Path p1 = write(directory, before, g1, scene, 0, options);
        Path p2 = write(directory, after, g2, scene, 1, options);
        SarChangeTruth truth = new SarChangeTruth(scene, g1, g2);
        Path geoJson = directory.resolve(SarChangeTruth.GEOJSON_FILE);
        truth.writeGeoJson(geoJson);
        return new Sentinel1Pair(p1, p2, geoJson, truth);
    }

    private static GrdGeometry geometry(Options o, double dEast, double dNorth, double heading) {
        return new GrdGeometry(o.width(), o.height(), o.pixelSpacing(), o.centreLatitude(), o.centreLongitude(), dEast, dNorth, heading);
    }

    /** Writes one product of the scene at {@code date} (0 or 1) and returns its folder. */
    static Path write(Path directory, Identity id, GrdGeometry geometry, SarScene scene, int date, Options options) throws IOException {
        GrdRadiometry radiometry = new GrdRadiometry(geometry);
        GrdMetadataWriter metadata = new GrdMetadataWriter(id, geometry, radiometry);
        Path safe = directory.resolve(id.productName() + ".SAFE");
        Files.createDirectories(safe.resolve("annotation").resolve("calibration"));
        Files.createDirectories(safe.resolve("measurement"));
        int looks = (int) Math.max(1, Math.min(99, Math.round(Double.isInfinite(options.looks()) ? 99 : options.looks())));
        List<MeasurementTiffWriter.Gcp> gcps = gcps(geometry, metadata);
        List<MeasurementTiffWriter> writers = new ArrayList<>();
        try {
            for (String pol : id.polarisations()) {
                int imageNumber = id.polarisations().indexOf(pol) + 1;
                String base = id.fileBase(pol);
                metadata.writeAnnotation(safe.resolve("annotation").resolve(base + ".xml"), pol, imageNumber, looks);
                metadata.writeCalibration(safe.resolve("annotation/calibration/calibration-" + base + ".xml"), pol, imageNumber);
                metadata.writeNoise(safe.resolve("annotation/calibration/noise-" + base + ".xml"), pol, imageNumber);
                writers.add(MeasurementTiffWriter.create(safe.resolve("measurement").resolve(base + ".tiff"),
                        geometry.width(), geometry.height(), gcps));
            }
            writeMeasurements(writers, id, geometry, radiometry, scene, date, options);
            for (MeasurementTiffWriter w : writers) {
                w.close();
            }
        } catch (IOException | RuntimeException e) {
            for (MeasurementTiffWriter w : writers) {
                try {
                    w.close();
                } catch (IOException | IllegalStateException ignored) {
                    // the first failure is the one to report
                }
            }
            throw e;
        }
        metadata.writeManifest(safe.resolve("manifest.safe"));
        return safe;
    }

    private static List<MeasurementTiffWriter.Gcp> gcps(GrdGeometry geometry, GrdMetadataWriter metadata) {
        List<MeasurementTiffWriter.Gcp> gcps = new ArrayList<>();
        double[] en = new double[2];
        for (int line : metadata.gridLines()) {
            for (int pixel : metadata.gridPixels()) {
                geometry.toEastNorth(line, pixel, en);
                double[] ll = geometry.toLatLon(en[0], en[1]);
                gcps.add(new MeasurementTiffWriter.Gcp(pixel, line, ll[1], ll[0], GrdGeometry.terrainHeight(en[0], en[1])));
            }
        }
        return gcps;
    }

    private static void writeMeasurements(List<MeasurementTiffWriter> writers, Identity id, GrdGeometry geometry, GrdRadiometry radiometry,
                                          SarScene scene, int date, Options options) throws IOException {
        int width = geometry.width();
        int bands = writers.size();
        int[] polIndex = new int[bands];
        for (int b = 0; b < bands; b++) {
            polIndex[b] = "VV".equals(id.polarisations().get(b)) ? 0 : 1;
        }
        double[] calibration2 = new double[width];
        double[] rangeNoise = new double[width];
        int[] swath = new int[width];
        for (int p = 0; p < width; p++) {
            double a = radiometry.sigma0Constant(p);
            calibration2[p] = a * a;
            rangeNoise[p] = radiometry.rangeNoise(p);
            swath[p] = radiometry.swath(p);
        }
        float[][] lines = new float[bands][width];
        double[] quantiles = GammaSpeckle.quantiles(options.looks());
        double[] sigma0 = new double[2];
        double[] start = new double[2];
        double[] next = new double[2];
        int border = Math.max(1, width / 300);
        for (int line = 0; line < geometry.height(); line++) {
            geometry.toEastNorth(line, 0, start);
            geometry.toEastNorth(line, 1, next);
            double dEast = next[0] - start[0];
            double dNorth = next[1] - start[1];
            double[] azimuth = new double[GrdRadiometry.SWATHS];
            for (int s = 0; s < azimuth.length; s++) {
                azimuth[s] = radiometry.azimuthNoise(s, line);
            }
            GammaSpeckle speckle = new GammaSpeckle(options.looks(), quantiles, options.seed() * 31 + line * 0x9E3779B97F4A7C15L + date);
            int edge = border + (line / 97) % 3;
            for (int p = 0; p < width; p++) {
                boolean nodata = p < edge || p >= width - edge;
                double east = start[0] + p * dEast;
                double north = start[1] + p * dNorth;
                double eta = rangeNoise[p] * azimuth[swath[p]];
                if (!nodata) {
                    scene.sigma0(east, north, date, sigma0);
                }
                for (int b = 0; b < bands; b++) {
                    if (nodata) {
                        lines[b][p] = 0;
                        continue;
                    }
                    double power = sigma0[polIndex[b]] * calibration2[p] * speckle.next() + eta * speckle.next();
                    lines[b][p] = (float) Math.max(1, Math.sqrt(power));
                }
            }
            for (int b = 0; b < bands; b++) {
                writers.get(b).writeLine(lines[b]);
            }
        }
    }

    /** The geometry of product {@code date} (0 or 1) of {@link #generatePair}. */
    static GrdGeometry pairGeometry(Options options, int date) {
        return date == 0 ? geometry(options, 0, 0, HEADING) : geometry(options, 150, -300, HEADING + 0.05);
    }
}
