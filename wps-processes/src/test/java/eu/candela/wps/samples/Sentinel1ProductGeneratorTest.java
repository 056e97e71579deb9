package eu.candela.wps.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.candela.eodata.raster.RasterBlock;
import eu.candela.eodata.raster.TiffImageReader;
import eu.candela.eodata.sentinel1.CalibrationType;
import eu.candela.eodata.sentinel1.GeolocationGrid;
import eu.candela.eodata.sentinel1.ProductAnnotation;
import eu.candela.eodata.sentinel1.Sentinel1Band;
import eu.candela.eodata.sentinel1.Sentinel1Manifest;
import eu.candela.eodata.sentinel1.Sentinel1Product;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The eodata-store reader on generated products: metadata, calibration against the sigma0 put in, geolocation. */
class Sentinel1ProductGeneratorTest {
    private static final int WIDTH = 360;
    private static final int HEIGHT = 240;

    @TempDir
    Path dir;

    @Test
    void writesTheSafeLayoutTheReaderReads() throws IOException {
        Sentinel1Pair pair = Sentinel1ProductGenerator.generatePair(dir, Sentinel1ProductGenerator.Options.dualPol(WIDTH, HEIGHT, 7));
        assertTrue(pair.before().getFileName().toString().startsWith("S1A_IW_GRDH_1SDV_20210809T173953_"), pair.before().toString());
        Sentinel1Product product = Sentinel1Product.open(pair.after().resolve("manifest.safe"));
        Sentinel1Manifest m = product.manifest();
        assertEquals(List.of("VV", "VH"), m.polarisations());
        assertEquals("IW", m.mode());
        assertEquals("003.31", m.ipfVersion());
        assertEquals("ASCENDING", m.pass());
        assertEquals("2021-08-21T17:39:54.387776Z", m.startTime().toString());
        try (Sentinel1Band vh = product.band("VH")) {
            ProductAnnotation a = vh.annotation();
            assertEquals(WIDTH, a.width());
            assertEquals(HEIGHT, a.height());
            assertEquals(10.0, a.rangePixelSpacing());
            assertEquals(4, a.nominalLooks());
            assertEquals(2, vh.noise().azimuth().size(), "a small image straddles the IW1 / IW2 boundary");
            assertEquals(10 * 21, a.geolocation().tiePoints().size());
            try (TiffImageReader tiff = TiffImageReader.open(vh.measurementFile())) {
                assertEquals(210, tiff.groundControlPoints().size());
                assertEquals(WIDTH, tiff.width());
            }
        }
        assertTrue(Files.readString(pair.truthGeoJson()).contains("\"kind\":\"new building\""));
    }

    /**
     * Without speckle, per pixel: calibration must undo the generator up to the rounding of DN to an
     * integer (|DN^2 - P| <= DN + 1/4) and the linear interpolation of the look-up tables between their
     * vectors (bounded here by 0.5 % of sigma0 and of the noise-equivalent sigma0).
     */
    @Test
    void calibratedSigma0MatchesWhatTheGeneratorPutInPixelByPixel() throws IOException {
        var options = Sentinel1ProductGenerator.Options.dualPol(WIDTH, HEIGHT, 11).withLooks(Double.POSITIVE_INFINITY);
        Sentinel1Pair pair = Sentinel1ProductGenerator.generatePair(dir, options);
        GrdGeometry geometry = Sentinel1ProductGenerator.pairGeometry(options, 0);
        GrdRadiometry radiometry = new GrdRadiometry(geometry);
        try (Sentinel1Band vv = Sentinel1Product.open(pair.before()).band("VV")) {
            RasterBlock dn = vv.readDigitalNumbers(0, 0, WIDTH, HEIGHT);
            RasterBlock sigma = vv.readCalibrated(0, 0, WIDTH, HEIGHT, CalibrationType.SIGMA0, true);
            int checked = 0;
            double worst = 0;
            for (int line = 0; line < HEIGHT; line++) {
                for (int pixel = 0; pixel < WIDTH; pixel++) {
                    float d = dn.get(0, pixel, line);
                    if (d == 0) {
                        assertTrue(Float.isNaN(sigma.get(0, pixel, line)), "DN 0 is no data");
                        continue;
                    }
                    double[] ll = pair.truth().location(0, line, pixel);
                    double truth = pair.truth().sigma0(0, "VV", ll[0], ll[1]);
                    double a2 = Math.pow(radiometry.sigma0Constant(pixel), 2);
                    double tolerance = (d + 0.25) / a2 + 0.005 * (truth + radiometry.noise(line, pixel) / a2);
                    double error = Math.abs(sigma.get(0, pixel, line) - truth);
                    assertTrue(error <= tolerance, "pixel " + pixel + " line " + line + ": " + sigma.get(0, pixel, line) + " vs " + truth);
                    worst = Math.max(worst, error / truth);
                    checked++;
                }
            }
            System.out.printf("noise-free calibration: %d pixels, worst relative error %.5f%n", checked, worst);
            assertTrue(checked > WIDTH * HEIGHT * 0.9, "checked " + checked);
            assertTrue(worst < 0.05, "worst relative error " + worst);
        }
    }

    /** With 4.4-look speckle the calibrated mean over the image matches the mean sigma0 put in within 2 %. */
    @Test
    void speckledSigma0IsUnbiasedOnAverage() throws IOException {
        Sentinel1Pair pair = Sentinel1ProductGenerator.generatePair(dir, Sentinel1ProductGenerator.Options.dualPol(WIDTH, HEIGHT, 5));
        for (String pol : List.of("VV", "VH")) {
            try (Sentinel1Band band = Sentinel1Product.open(pair.after()).band(pol)) {
                RasterBlock sigma = band.readCalibrated(0, 0, WIDTH, HEIGHT, CalibrationType.SIGMA0, true);
                double sum = 0;
                double truthSum = 0;
                for (int line = 0; line < HEIGHT; line++) {
                    for (int pixel = 0; pixel < WIDTH; pixel++) {
                        float s = sigma.get(0, pixel, line);
                        if (!Float.isNaN(s)) {
                            double[] ll = pair.truth().location(1, line, pixel);
                            sum += s;
                            truthSum += pair.truth().sigma0(1, pol, ll[0], ll[1]);
                        }
                    }
                }
                System.out.printf("%s speckled: mean calibrated / mean true sigma0 = %.4f%n", pol, sum / truthSum);
                assertEquals(1.0, sum / truthSum, 0.02, pol + " mean calibrated / mean true sigma0");
            }
        }
    }

    /**
     * The tie-point grid of a full-size IW GRD (25000 x 16700, 10 x 21 points) against the generator's
     * exact geometry: forward and inverse geolocation within 0.35 pixel everywhere (measured 0.29: the
     * bilinear cells of 1855 lines x 1250 pixels miss the second-order terms of the sphere).
     */
    @Test
    void tiePointInterpolationFollowsTheTrueGeometryOfAFullScene() {
        var options = Sentinel1ProductGenerator.Options.dualPol(25_000, 16_700, 1);
        GrdGeometry g = Sentinel1ProductGenerator.pairGeometry(options, 1);
        GrdMetadataWriter writer = new GrdMetadataWriter(null, g, new GrdRadiometry(g));
        List<GeolocationGrid.TiePoint> points = new ArrayList<>();
        for (int line : writer.gridLines()) {
            for (int pixel : writer.gridPixels()) {
                double[] ll = g.latLon(line, pixel);
                points.add(new GeolocationGrid.TiePoint(line, pixel, ll[0], ll[1], 0, g.incidenceAngle(pixel)));
            }
        }
        GeolocationGrid grid = new GeolocationGrid(points);
        double worst = 0;
        for (double line = 3.3; line < 16_700; line += 997.1) {
            for (double pixel = 1.7; pixel < 25_000; pixel += 1234.5) {
                double[] ll = g.latLon(line, pixel);
                double[] back = grid.imagePosition(ll[0], ll[1]);
                worst = Math.max(worst, Math.hypot(back[0] - line, back[1] - pixel));
                GeolocationGrid.Location at = grid.locate(line, pixel);
                double[] en = g.fromLatLon(at.latitude(), at.longitude());
                double[] exact = g.imagePosition(en[0], en[1]);
                worst = Math.max(worst, Math.hypot(exact[0] - line, exact[1] - pixel));
            }
        }
        System.out.printf("full-scene tie-point geolocation: worst error %.3f pixel%n", worst);
        assertTrue(worst < 0.35, "worst geolocation error " + worst + " pixel");
    }
}
