package eu.candela.wps.sar.preprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.candela.eodata.grid.GridGeometry;
import eu.candela.eodata.raster.CogOptions;
import eu.candela.eodata.raster.CogWriter;
import eu.candela.eodata.raster.GeoTiffReader;
import eu.candela.eodata.raster.RasterBlock;
import eu.candela.eodata.raster.RasterSpec;
import eu.candela.eodata.raster.SampleType;
import eu.candela.wps.samples.Sentinel1Pair;
import eu.candela.wps.samples.Sentinel1ProductGenerator;
import eu.candela.wps.spi.BoundingBox;
import eu.candela.wps.spi.InvalidInputException;
import eu.candela.wps.spi.ProcessCancelledException;
import eu.candela.wps.spi.ProductRef;
import eu.candela.wps.spi.RasterRef;
import eu.candela.wps.testing.RecordingContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Area, CRS, polarisations, filters, DEM, cancellation and bad inputs on a small generated pair. */
class SARChangeDetectionPreprocessingOptionsTest {
    @TempDir
    static Path dir;
    static Sentinel1Pair pair;
    static Sentinel1Pair elsewhere;

    @BeforeAll
    static void generate() throws IOException {
        var options = Sentinel1ProductGenerator.Options.dualPol(256, 192, 9);
        pair = Sentinel1ProductGenerator.generatePair(dir.resolve("pair"), options);
        elsewhere = Sentinel1ProductGenerator.generatePair(dir.resolve("elsewhere"), options.withCentre(45.0, 5.0));
    }

    static SARChangeDetectionPreprocessing.In in(Path before, Path after, BoundingBox area, String pols, SpeckleFilter filter,
                                                String crs, RasterRef dem) {
        return new SARChangeDetectionPreprocessing.In(new ProductRef(before), new ProductRef(after), area, pols, null, null, filter, 5, crs,
                20.0, dem);
    }

    private static SARChangeDetectionPreprocessing.Out run(SARChangeDetectionPreprocessing.In in, String job) throws IOException {
        return new SARChangeDetectionPreprocessing().run(in, new RecordingContext(dir.resolve(job)));
    }

    @Test
    void boundingBoxInLatitudeFirstEpsg4326GivesAGeographicGridOverThatArea() throws IOException {
        BoundingBox box = new BoundingBox(43.595, 1.435, 43.605, 1.445, "EPSG:4326");
        var out = run(in(pair.before(), pair.after(), box, "VH", SpeckleFilter.GAMMA_MAP, "EPSG:4326", null), "bbox");
        try (GeoTiffReader r = GeoTiffReader.open(out.after())) {
            GridGeometry g = r.info().spec().grid();
            assertEquals(4326, g.epsg());
            double[] env = g.envelope();
            assertEquals(1.435, env[0], g.pixelSizeX());
            assertEquals(43.605, env[3], g.pixelSizeY());
            assertEquals(List.of("VH"), r.info().spec().bandDescriptions());
            assertEquals(20.0 / 111_320, g.pixelSizeY(), 1e-12);
        }
    }

    @Test
    void eachFilterKeepsTheMeanAndLowersTheSpeckle() throws IOException {
        double unfiltered = spread(SpeckleFilter.NONE);
        for (SpeckleFilter f : List.of(SpeckleFilter.LEE, SpeckleFilter.REFINED_LEE, SpeckleFilter.GAMMA_MAP)) {
            double filtered = spread(f);
            System.out.printf("%s: median |error| %.3f dB, unfiltered %.3f dB%n", f, filtered, unfiltered);
            assertTrue(filtered < 0.9 * unfiltered, f + ": spread " + filtered + " dB against " + unfiltered + " unfiltered");
        }
    }

    /** Median absolute deviation in dB of VV from the truth: lower is less speckle. */
    private static double spread(SpeckleFilter filter) throws IOException {
        var out = run(in(pair.before(), pair.after(), null, "VV", filter, "UTM", null), "filter-" + filter);
        SARChangeDetectionPreprocessingTest.pair = pair;
        return SARChangeDetectionPreprocessingTest.scores(out.before(), 0, 0).medianError();
    }

    /** A DEM at the tie-point heights moves nothing; 100 m higher moves the image by 100 / tan(incidence) metres in range. */
    @Test
    void demShiftsPixelsInRangeByHeightOverTanIncidence() throws IOException {
        var annotation = eu.candela.eodata.sentinel1.Sentinel1Product.open(pair.before()).band("VV").annotation();
        GridGeometry grid = GridGeometry.northUp(40, 40, 1.43, 43.61, 0.0005, 4326);
        double[][] flat = new ImageMapping(annotation, 4326, null).positions(grid);
        Path demFile = dir.resolve("dem.tif");
        RasterSpec spec = new RasterSpec(GridGeometry.northUp(64, 64, 1.40, 43.64, 0.001, 4326), 1, SampleType.FLOAT32, -32768.0,
                List.of("height"), Map.of());
        try (CogWriter w = CogWriter.create(demFile, spec, CogOptions.defaults())) {
            RasterBlock b = new RasterBlock(0, 0, 64, 64, 1);
            b.fill(1000f);
            w.write(b);
        }
        double[][] raised;
        try (DemHeights dem = new DemHeights(GeoTiffReader.open(demFile))) {
            raised = new ImageMapping(annotation, 4326, dem).positions(grid);
        }
        for (int i = 0; i < flat[0].length; i += 97) {
            var at = annotation.geolocation().locate(flat[0][i], flat[1][i]);
            double expected = (1000 - at.height()) / Math.tan(Math.toRadians(at.incidenceAngle())) / annotation.rangePixelSpacing();
            assertEquals(flat[0][i], raised[0][i], 1e-9, "lines do not move");
            assertEquals(expected, flat[1][i] - raised[1][i], 0.05, "range shift towards near range");
        }
        var out = run(in(pair.before(), pair.after(), null, "VV", SpeckleFilter.LEE, "UTM", new RasterRef(demFile)), "dem");
        try (GeoTiffReader r = GeoTiffReader.open(out.before())) {
            assertEquals("range shift from DEM heights", r.info().spec().metadata().get("TERRAIN_CORRECTION"));
        }
    }

    @Test
    void stopsWhenCancelled() {
        var ctx = RecordingContext.cancelledAtProgress(dir.resolve("cancel"), 1);
        assertThrows(ProcessCancelledException.class, () -> new SARChangeDetectionPreprocessing()
                .run(in(pair.before(), pair.after(), null, null, SpeckleFilter.REFINED_LEE, "UTM", null), ctx));
        assertTrue(ctx.progress().stream().allMatch(p -> p <= 50), "stopped at the first block after the cancel: " + ctx.progress());
        assertTrue(Files.notExists(ctx.outputDirectory().resolve("sigma0_after.tif")), "the second product is not written");
    }

    static Stream<Arguments> badInputs() throws IOException {
        Path notGrd = Files.createDirectories(dir.resolve("S2A_MSIL1C_FAKE.SAFE"));
        Files.writeString(notGrd.resolve("manifest.safe"), "<?xml version=\"1.0\"?><xfdu:XFDU xmlns:xfdu=\"urn:ccsds:schema:xfdu:1\">"
                + "<safe:familyName xmlns:safe=\"http://www.esa.int/safe/sentinel/1.1\">SENTINEL-2</safe:familyName></xfdu:XFDU>");
        Path noManifest = Files.createDirectories(dir.resolve("EMPTY.SAFE"));
        return Stream.of(
                Arguments.of("not a Sentinel-1 product", in(notGrd, pair.after(), null, null, SpeckleFilter.LEE, "UTM", null), "before",
                        "not a Sentinel-1 product"),
                Arguments.of("no manifest", in(pair.before(), noManifest, null, null, SpeckleFilter.LEE, "UTM", null), "after", "no manifest.safe"),
                Arguments.of("no overlap", in(pair.before(), elsewhere.after(), null, null, SpeckleFilter.LEE, "UTM", null), "after",
                        "does not overlap"),
                Arguments.of("unknown polarisation", in(pair.before(), pair.after(), null, "VV,XX", SpeckleFilter.LEE, "UTM", null),
                        "polarisations", "unknown polarisation 'XX'"),
                Arguments.of("missing polarisation", in(pair.before(), pair.after(), null, "HH", SpeckleFilter.LEE, "UTM", null),
                        "polarisations", "does not have"),
                Arguments.of("area elsewhere", in(pair.before(), pair.after(), new BoundingBox(10, 10, 11, 11, "EPSG:4326"),
                        null, SpeckleFilter.LEE, "UTM", null), "area", "does not intersect"),
                Arguments.of("unknown CRS", in(pair.before(), pair.after(), null, null, SpeckleFilter.LEE, "EPSG:3857", null), "targetCrs",
                        "must be UTM"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void rejectsBadInputNamingIt(String label, SARChangeDetectionPreprocessing.In in, String inputId, String message) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> run(in, "bad"));
        assertEquals(inputId, e.inputId(), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
