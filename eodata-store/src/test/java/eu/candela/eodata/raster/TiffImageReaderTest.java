package eu.candela.eodata.raster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.candela.eodata.sentinel1.MeasurementTiffWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sentinel-1-style measurement files (uint16, one strip per line, GCPs, no affine grid): written by
 * {@link MeasurementTiffWriter}, read back by windows with {@link TiffImageReader}, and read by GDAL
 * with the same GCPs. {@link GeoTiffReader} refuses them, as it must: there is no grid to give.
 */
class TiffImageReaderTest {
    @TempDir
    Path dir;

    private Path write(int width, int height) throws IOException {
        Path file = dir.resolve("s1a-iw-grd-vv-test.tiff");
        List<MeasurementTiffWriter.Gcp> gcps = List.of(new MeasurementTiffWriter.Gcp(0, 0, 1.5, 43.5, 120),
                new MeasurementTiffWriter.Gcp(width - 1, 0, 1.8, 43.55, 130), new MeasurementTiffWriter.Gcp(0, height - 1, 1.45, 43.7, 90),
                new MeasurementTiffWriter.Gcp(width - 1, height - 1, 1.75, 43.75, 100));
        try (MeasurementTiffWriter w = MeasurementTiffWriter.create(file, width, height, gcps)) {
            float[] line = new float[width];
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    line[x] = (x * 7 + y * 13) % 65536;
                }
                w.writeLine(line);
            }
        }
        return file;
    }

    @Test
    void readsWindowsAndGroundControlPointsOfAStripTiffWithoutGeoreferencing() throws IOException {
        Path file = write(300, 200);
        try (TiffImageReader r = TiffImageReader.open(file)) {
            assertEquals(300, r.width());
            assertEquals(200, r.height());
            assertEquals(4, r.groundControlPoints().size());
            TiffImageReader.GroundControlPoint last = r.groundControlPoints().get(3);
            assertEquals(299, last.pixel());
            assertEquals(199, last.line());
            assertEquals(1.75, last.x());
            assertEquals(43.75, last.y());
            assertEquals(100, last.z());
            RasterBlock b = r.read(17, 33, 40, 25);
            for (int y = 0; y < 25; y++) {
                for (int x = 0; x < 40; x++) {
                    assertEquals(((17 + x) * 7 + (33 + y) * 13) % 65536, b.get(0, x, y));
                }
            }
        }
        assertThrows(RasterFormatException.class, () -> GeoTiffReader.open(file).close());
    }

    @Test
    void gdalReadsTheMeasurementFileAndItsGcps() throws IOException {
        GdalTools.assumeGdal();
        Path file = write(120, 80);
        String info = GdalTools.run("gdalinfo", file.toString());
        assertTrue(info.contains("Size is 120, 80"), info);
        assertTrue(info.contains("Type=UInt16"), info);
        assertTrue(info.contains("GCP Projection"), info);
        assertTrue(info.contains("(119,79) -> (1.75,43.75,100)"), info);
        assertEquals(Integer.toString(5 * 7 + 7 * 13), GdalTools.run("gdallocationinfo", "-valonly", file.toString(), "5", "7").trim());
    }
}
