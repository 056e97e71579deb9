package eu.candela.eodata.sentinel1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reader on real, unmodified ESA metadata (IPF 003.31 with azimuth noise vectors, IPF 002.36
 * with the old single noise vector); skipped when the shared data is absent. Expected values are
 * read off the XML files by hand.
 */
class Sentinel1RealMetadataTest {

    private static Path product(String name) {
        var dir = RealSafeProducts.find(name);
        assumeTrue(dir.isPresent(), "shared SAFE metadata absent: " + name);
        return dir.get();
    }

    @Test
    void readsTheManifestOfAnIpf331Product() throws IOException {
        Sentinel1Manifest m = Sentinel1Product.open(product(RealSafeProducts.IPF_331)).manifest();
        assertEquals("S1A", m.mission());
        assertEquals("Sentinel-1A", m.spacecraft());
        assertEquals("IW", m.mode());
        assertEquals("GRD", m.productType());
        assertEquals(List.of("VV", "VH"), m.polarisations());
        assertEquals(Instant.parse("2021-08-09T17:39:53.153776Z"), m.startTime());
        assertEquals(Instant.parse("2021-08-09T17:40:18.152800Z"), m.stopTime());
        assertEquals("003.31", m.ipfVersion());
        assertEquals("ASCENDING", m.pass());
        assertEquals("measurement/s1a-iw-grd-vv-20210809t173953-20210809t174018-039156-049f13-001.tiff", m.files().get("VV").measurement());
        assertEquals("annotation/calibration/noise-s1a-iw-grd-vh-20210809t173953-20210809t174018-039156-049f13-002.xml",
                m.files().get("VH").noise());
    }

    @Test
    void readsAnnotationAndGeolocationGrid() throws IOException {
        try (Sentinel1Band vv = Sentinel1Product.open(product(RealSafeProducts.IPF_331)).band("vv")) {
            ProductAnnotation a = vv.annotation();
            assertEquals("VV", a.polarisation());
            assertEquals(26144, a.width());
            assertEquals(16676, a.height());
            assertEquals(10.0, a.rangePixelSpacing());
            assertEquals(5, a.nominalLooks());
            assertEquals(210, a.geolocation().tiePoints().size());
            assertEquals(21, a.geolocation().columns());
            GeolocationGrid.Location first = a.geolocation().locate(0, 0);
            assertEquals(44.53525246605311, first.latitude(), 1e-12);
            assertEquals(1.929931301635841, first.longitude(), 1e-12);
            assertEquals(30.47481883903625, first.incidenceAngle(), 1e-12);
        }
    }

    @Test
    void inverseGeolocationReturnsTheImagePositionOnTheRealGrid() throws IOException {
        try (Sentinel1Band vv = Sentinel1Product.open(product(RealSafeProducts.IPF_331)).band("VV")) {
            GeolocationGrid grid = vv.annotation().geolocation();
            for (double line : new double[] {0, 123.4, 8000.5, 16675}) {
                for (double pixel : new double[] {0, 777.7, 13000, 26143}) {
                    GeolocationGrid.Location at = grid.locate(line, pixel);
                    double[] back = grid.imagePosition(at.latitude(), at.longitude());
                    assertEquals(line, back[0], 0.01, "line of " + line + "," + pixel);
                    assertEquals(pixel, back[1], 0.01, "pixel of " + line + "," + pixel);
                }
            }
        }
    }

    @Test
    void interpolatesCalibrationTablesBetweenVectors() throws IOException {
        try (Sentinel1Band vv = Sentinel1Product.open(product(RealSafeProducts.IPF_331)).band("VV")) {
            LineVectorLut sigma = vv.calibration().lut(CalibrationType.SIGMA0);
            assertEquals(27, sigma.vectorCount());
            assertEquals(662.8682, sigma.valueAt(0, 0), 1e-3);
            assertEquals((662.8682 + 662.5948) / 2, sigma.valueAt(0, 20), 1e-3);
            assertEquals(474.0, vv.calibration().lut(CalibrationType.BETA0).valueAt(5000, 9999), 1e-3);
            float[] window = new float[3 * 2];
            sigma.fill(20, 0, 3, 2, window);
            assertEquals(sigma.valueAt(0, 20), window[0], 1e-3);
            assertEquals(sigma.valueAt(1, 22), window[5], 1e-3);
        }
    }

    @Test
    void readsRangeAndAzimuthNoiseOfIpf3() throws IOException {
        try (Sentinel1Band vv = Sentinel1Product.open(product(RealSafeProducts.IPF_331)).band("VV")) {
            NoiseVectors noise = vv.noise();
            assertEquals(26, noise.range().vectorCount());
            assertEquals(3, noise.azimuth().size());
            NoiseVectors.AzimuthBlock iw2 = noise.azimuth().get(1);
            assertEquals("IW2", iw2.swath());
            assertEquals(8760, iw2.firstPixel());
            assertEquals(17560, iw2.lastPixel());
            assertEquals(16675, iw2.lastLine());
            float[] eta = new float[1];
            noise.fill(0, 0, 1, 1, eta);
            assertEquals(2392.147 * 1.040491, eta[0], 1e-2, "range noise times the IW1 azimuth noise at line 0");
        }
    }

    @Test
    void readsTheOldSingleNoiseVectorOfIpf236() throws IOException {
        Sentinel1Product product = Sentinel1Product.open(product(RealSafeProducts.IPF_236));
        assertEquals("002.36", product.manifest().ipfVersion());
        assertEquals("DESCENDING", product.manifest().pass());
        assertEquals(List.of("VV", "VH"), product.polarisations());
        try (Sentinel1Band vv = product.band("VV")) {
            assertEquals(27, vv.noise().range().vectorCount());
            assertTrue(vv.noise().azimuth().isEmpty());
            assertEquals(25562, vv.annotation().width());
            assertEquals(210, vv.annotation().geolocation().tiePoints().size());
        }
        SafeFormatException vhMissing = assertThrows(SafeFormatException.class, () -> product.band("VH"));
        assertTrue(vhMissing.getMessage().contains("missing"), vhMissing.getMessage());
    }

    @Test
    void reportsTheMissingMeasurementFile() throws IOException {
        try (Sentinel1Band vv = Sentinel1Product.open(product(RealSafeProducts.IPF_331)).band("VV")) {
            SafeFormatException e = assertThrows(SafeFormatException.class, () -> vv.readDigitalNumbers(0, 0, 8, 8));
            assertTrue(e.getMessage().contains("measurement file of VV is missing"), e.getMessage());
        }
    }

    @Test
    void rejectsAnUnknownPolarisationNamingIt() throws IOException {
        Sentinel1Product product = Sentinel1Product.open(product(RealSafeProducts.IPF_331));
        SafeFormatException e = assertThrows(SafeFormatException.class, () -> product.band("HH"));
        assertEquals(product.manifest().productName() + ": has no polarisation HH (it has VV, VH)", e.getMessage());
    }
}
