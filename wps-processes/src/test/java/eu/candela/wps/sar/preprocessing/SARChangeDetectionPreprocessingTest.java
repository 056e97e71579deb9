package eu.candela.wps.sar.preprocessing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.candela.eodata.grid.GridGeometry;
import eu.candela.eodata.grid.PointTransform;
import eu.candela.eodata.raster.GeoTiffReader;
import eu.candela.eodata.raster.RasterBlock;
import eu.candela.eodata.raster.RasterInfo;
import eu.candela.eodata.sentinel1.Sentinel1Product;
import eu.candela.wps.samples.SarChangeTruth;
import eu.candela.wps.samples.Sentinel1Pair;
import eu.candela.wps.samples.Sentinel1ProductGenerator;
import eu.candela.wps.spi.ProductRef;
import eu.candela.wps.testing.RecordingContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preprocessing on a generated pair (600 x 400 pixels of 10 m, 4.4 looks) with the defaults
 * (20 m UTM grid, 2 x 2 looks, refined Lee 7 x 7), scored against the generator's truth.
 */
class SARChangeDetectionPreprocessingTest {
    @TempDir
    static Path dir;
    static Sentinel1Pair pair;
    static SARChangeDetectionPreprocessing.Out out;
    static RecordingContext ctx;

    static SARChangeDetectionPreprocessing.In defaults(Path before, Path after) {
        return new SARChangeDetectionPreprocessing.In(new ProductRef(before), new ProductRef(after), null, null, null, null,
                SpeckleFilter.REFINED_LEE, 7, "UTM", 20.0, null);
    }

    @BeforeAll
    static void run() throws IOException {
        pair = Sentinel1ProductGenerator.generatePair(dir.resolve("pair"), Sentinel1ProductGenerator.Options.dualPol(600, 400, 3));
        ctx = new RecordingContext(dir.resolve("job"));
        out = new SARChangeDetectionPreprocessing().run(defaults(pair.before(), pair.after()), ctx);
    }

    @Test
    void writesBothDatesOnOneUtmGridWithTheContractMetadata() throws IOException {
        try (GeoTiffReader a = GeoTiffReader.open(out.before()); GeoTiffReader b = GeoTiffReader.open(out.after())) {
            GridGeometry ga = a.info().spec().grid();
            GridGeometry gb = b.info().spec().grid();
            assertEquals(32631, ga.epsg(), "UTM zone 31N for 1.44 E");
            assertEquals(ga.width(), gb.width());
            assertEquals(ga.height(), gb.height());
            assertArrayEquals(ga.geoTransform(), gb.geoTransform());
            assertEquals(20.0, ga.pixelSizeX());
            RasterInfo info = b.info();
            assertEquals(List.of("VV", "VH"), info.spec().bandDescriptions());
            assertEquals(-9999.0, info.spec().nodata());
            assertEquals("VV,VH", info.spec().metadata().get("POLARISATIONS"));
            assertEquals("Sentinel-1A", info.spec().metadata().get("SPACECRAFT"));
            assertEquals(Sentinel1Product.open(pair.after()).manifest().startTime().toString(), info.spec().metadata().get("SENSING_TIME"));
            assertEquals(pair.after().getFileName().toString().replace(".SAFE", ""), info.spec().metadata().get("PRODUCT"));
            assertEquals("REFINED_LEE 7x7", info.spec().metadata().get("SPECKLE_FILTER"));
            assertEquals("16", info.spec().metadata().get("LOOKS"), "4 nominal looks x 2 x 2 multilook");
        }
        assertEquals(100, ctx.progress().get(ctx.progress().size() - 1));
    }

    /** Filtered sigma0 within 1 dB of the truth (median absolute error) and no bias beyond 0.5 dB, per date and polarisation. */
    @Test
    void valuesAreTheTrueSigma0InDecibels() throws IOException {
        for (int date = 0; date < 2; date++) {
            for (int band = 0; band < 2; band++) {
                Scores s = scores(date == 0 ? out.before() : out.after(), date, band);
                System.out.printf("date %d band %d: valid %d of %d, median |error| %.3f dB, bias %.3f dB%n", date, band, s.valid, s.total,
                        s.medianError, s.bias);
                assertTrue(s.valid > 0.8 * s.total, "valid pixels " + s.valid + " of " + s.total);
                assertTrue(Math.abs(s.medianError) < 1.0, "date " + date + " band " + band + " median |error| " + s.medianError);
                assertTrue(Math.abs(s.bias) < 0.5, "date " + date + " band " + band + " bias " + s.bias);
            }
        }
    }

    /** After minus before, in dB, averaged over the truth classes: the changes are where they were put. */
    @Test
    void changesAreVisibleWhereTheGeneratorPutThem() throws IOException {
        try (GeoTiffReader a = GeoTiffReader.open(out.before()); GeoTiffReader b = GeoTiffReader.open(out.after())) {
            GridGeometry g = a.info().spec().grid();
            RasterBlock va = a.read(0, 0, g.width(), g.height());
            RasterBlock vb = b.read(0, 0, g.width(), g.height());
            double[][] lonLat = centres(g);
            double[] sum = new double[3];
            int[] n = new int[3];
            for (int i = 0; i < g.width() * g.height(); i++) {
                int truth = pair.truth().changeAt(lonLat[1][i], lonLat[0][i]);
                float x = va.band(0)[i];
                float y = vb.band(0)[i];
                if (truth == SarChangeTruth.NODATA || x == -9999f || y == -9999f) {
                    continue;
                }
                sum[truth] += y - x;
                n[truth]++;
            }
            System.out.printf("mean after - before VV: no change %.2f dB (%d), increase %.2f dB (%d), decrease %.2f dB (%d)%n",
                    sum[0] / n[0], n[0], sum[1] / n[1], n[1], sum[2] / n[2], n[2]);
            assertTrue(n[1] > 100 && n[2] > 100, "changed pixels " + n[1] + " / " + n[2]);
            assertTrue(Math.abs(sum[0] / n[0]) < 0.5, "no change: " + sum[0] / n[0] + " dB");
            assertTrue(sum[1] / n[1] > 3, "increase: " + sum[1] / n[1] + " dB");
            assertTrue(sum[2] / n[2] < -6, "decrease: " + sum[2] / n[2] + " dB");
        }
    }

    /** The truth rasterised on the output grid (what SARChangeDetection is scored against) holds both change classes. */
    @Test
    void truthChangeMapIsWrittenOnTheOutputGrid() throws IOException {
        Path truthFile = dir.resolve("truth.tif");
        try (GeoTiffReader a = GeoTiffReader.open(out.before())) {
            GridGeometry g = a.info().spec().grid();
            pair.truth().writeChangeMap(truthFile, g);
            try (GeoTiffReader t = GeoTiffReader.open(truthFile)) {
                assertArrayEquals(g.geoTransform(), t.info().spec().grid().geoTransform());
                RasterBlock classes = t.read(0, 0, g.width(), g.height());
                int[] counts = new int[256];
                for (float v : classes.band(0)) {
                    counts[(int) v]++;
                }
                assertTrue(counts[SarChangeTruth.INCREASE] > 100 && counts[SarChangeTruth.DECREASE] > 100,
                        "increase " + counts[1] + ", decrease " + counts[2]);
                assertTrue(counts[SarChangeTruth.NODATA] > 0, "corners outside a footprint are no data");
            }
        }
    }

    /** Inverse geocoding of the output grid against the generator's exact geometry: within 0.1 pixel. */
    @Test
    void geocodingFindsTheTrueImagePositions() throws IOException {
        try (GeoTiffReader a = GeoTiffReader.open(out.after())) {
            GridGeometry grid = a.info().spec().grid().window(0, 0, 100, 80);
            var annotation = Sentinel1Product.open(pair.after()).band("VV").annotation();
            double[][] positions = new ImageMapping(annotation, grid.epsg(), null).positions(grid);
            double[][] lonLat = centres(grid);
            double worst = 0;
            for (int i = 0; i < grid.width() * grid.height(); i++) {
                double[] exact = pair.truth().imagePosition(1, lonLat[1][i], lonLat[0][i]);
                worst = Math.max(worst, Math.hypot(exact[0] - positions[0][i], exact[1] - positions[1][i]));
            }
            System.out.printf("worst geocoding error %.4f pixel%n", worst);
            assertTrue(worst < 0.1, "worst geocoding error " + worst + " pixel");
        }
    }

    record Scores(int total, int valid, double medianError, double bias) {
    }

    static Scores scores(Path file, int date, int band) throws IOException {
        try (GeoTiffReader r = GeoTiffReader.open(file)) {
            GridGeometry g = r.info().spec().grid();
            RasterBlock v = r.read(0, 0, g.width(), g.height());
            double[][] lonLat = centres(g);
            String pol = band == 0 ? "VV" : "VH";
            java.util.List<Double> errors = new java.util.ArrayList<>();
            double sum = 0;
            int inside = 0;
            for (int i = 0; i < g.width() * g.height(); i++) {
                if (pair.truth().changeAt(lonLat[1][i], lonLat[0][i]) == SarChangeTruth.NODATA) {
                    continue;
                }
                inside++;
                float x = v.band(band)[i];
                if (x == -9999f) {
                    continue;
                }
                double truth = 10 * Math.log10(pair.truth().sigma0(date, pol, lonLat[1][i], lonLat[0][i]));
                errors.add(Math.abs(x - truth));
                sum += x - truth;
            }
            java.util.Collections.sort(errors);
            return new Scores(inside, errors.size(), errors.get(errors.size() / 2), sum / errors.size());
        }
    }

    /** {longitudes, latitudes} of the pixel centres of {@code g}. */
    static double[][] centres(GridGeometry g) {
        int n = g.width() * g.height();
        double[] p = new double[2 * n];
        for (int r = 0; r < g.height(); r++) {
            for (int c = 0; c < g.width(); c++) {
                double[] xy = g.pixelToMap(c + 0.5, r + 0.5);
                p[2 * (r * g.width() + c)] = xy[0];
                p[2 * (r * g.width() + c) + 1] = xy[1];
            }
        }
        PointTransform.between(g.epsg(), 4326).transform(p, n);
        double[] lon = new double[n];
        double[] lat = new double[n];
        for (int i = 0; i < n; i++) {
            lon[i] = p[2 * i];
            lat[i] = p[2 * i + 1];
        }
        return new double[][] {lon, lat};
    }
}
