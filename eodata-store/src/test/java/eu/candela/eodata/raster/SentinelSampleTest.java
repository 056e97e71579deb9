package eu.candela.eodata.raster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Reads a real Sentinel-2 band (OSCD data set, UInt16, EPSG:4326, striped) when the shared data
 * directory is present, and compares with what GDAL reports. Skips when the data is absent.
 */
class SentinelSampleTest {

    @Test
    void readsARealSentinel2BandAsGdalDoes() throws IOException {
        Optional<Path> band = sentinelBand();
        assumeTrue(band.isPresent(), "no OSCD sample under ../shared/data/oscd/bordeaux/imgs_1 next to the reactor");
        GdalTools.assumeGdal();
        Map<String, String> gdal = GdalTools.describe(band.get(), 100, 200, 40, 30);
        try (GeoTiffReader reader = GeoTiffReader.open(band.get())) {
            RasterInfo info = reader.info();
            assertThat(info.grid().epsg()).isEqualTo(Integer.parseInt(gdal.get("epsg"))).isEqualTo(4326);
            assertThat(info.width() + "," + info.height()).isEqualTo(gdal.get("size"));
            assertThat(info.grid().geoTransform()).containsExactly(GdalTools.doubles(gdal.get("geotransform")));
            assertThat(info.spec().sampleType()).isEqualTo(SampleType.UINT16);
            RasterBlock window = reader.read(100, 200, 40, 30);
            double[] expected = GdalTools.doubles(gdal.get("window.0"));
            for (int i = 0; i < expected.length; i++) {
                assertThat(window.band(0)[i]).isEqualTo((float) expected[i]);
            }
        }
    }

    /** Walks up from the working directory to the reactor root (the pom listing eodata-store), then ../shared/data. */
    private static Optional<Path> sentinelBand() throws IOException {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path pom = dir.resolve("pom.xml");
            if (Files.isRegularFile(pom) && Files.readString(pom).contains("<module>eodata-store</module>")) {
                Path images = dir.resolveSibling("shared").resolve("data/oscd/bordeaux/imgs_1");
                if (!Files.isDirectory(images)) {
                    return Optional.empty();
                }
                try (Stream<Path> files = Files.list(images)) {
                    return files.filter(p -> p.getFileName().toString().endsWith("B02.tif")).findFirst();
                }
            }
        }
        return Optional.empty();
    }
}
