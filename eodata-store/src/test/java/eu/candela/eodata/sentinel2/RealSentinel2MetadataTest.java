package eu.candela.eodata.sentinel2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import eu.candela.eodata.grid.GridGeometry;
import eu.candela.eodata.jpeg2000.Jp2Reader;
import eu.candela.eodata.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The reader on real, unmodified ESA metadata (../shared/data/safe, see its README); skipped when absent. */
class RealSentinel2MetadataTest {
    private static final String L2A_N0400 = "S2A_MSIL2A_20221005T115411_N0400_R023_T29UNU_20221005T164454.SAFE";
    private static final String L2A_N0214 = "S2B_MSIL2A_20210122T133229_N0214_R081_T22HBD_20210122T155500.SAFE";
    private static final String L1C_N0510 = "S2A_MSIL1C_20240101T102431_N0510_R065_T30NWM_20240101T122107.SAFE";
    private static final String L1C_N0301 = "S2A_MSIL1C_20210908T042701_N0301_R133_T46RER_20210908T070248.SAFE";

    private static Path safe(String name) {
        Optional<Path> folder = SharedData.find("safe/" + name);
        assumeTrue(folder.isPresent(), "no ../shared/data/safe/" + name);
        return folder.get();
    }

    private static Path tileXml(Path safe) throws IOException {
        try (Stream<Path> granules = Files.list(safe.resolve("GRANULE"))) {
            return granules.findFirst().orElseThrow().resolve("MTD_TL.xml");
        }
    }

    @Test
    void readsLevel2aOfBaseline0400WithItsOffsets() throws IOException {
        Sentinel2Product product = Sentinel2Product.open(safe(L2A_N0400));
        ProductMetadata m = product.metadata();

        assertThat(m.productUri()).isEqualTo(L2A_N0400);
        assertThat(m.level()).isEqualTo(ProcessingLevel.LEVEL_2A);
        assertThat(m.productType()).isEqualTo("S2MSI2A");
        assertThat(m.spacecraft()).isEqualTo("Sentinel-2A");
        assertThat(m.sensingStart()).isEqualTo(Instant.parse("2022-10-05T11:54:11.024Z"));
        assertThat(m.processingBaseline()).isEqualTo("04.00");
        assertThat(m.quantification()).isEqualTo(10000);
        assertThat(m.offsets()).hasSize(13).containsEntry(Sentinel2Band.B02, -1000.0).containsEntry(Sentinel2Band.B12, -1000.0);
        assertThat(m.nodata()).isZero();
        assertThat(m.saturated()).isEqualTo(65535);
        assertThat(m.imageFiles()).hasSize(36);
        assertThat(product.scale(Sentinel2Band.B04).reflectance(1574)).isCloseTo(0.0574f, within(1e-6f));
        assertThat(product.scale(Sentinel2Band.B04).reflectance(0)).isNaN();
    }

    @Test
    void readsTheTileGeocodingPerResolution() throws IOException {
        TileMetadata tile = Sentinel2Product.open(safe(L2A_N0400)).tile();

        assertThat(tile.tileId()).isEqualTo("T29UNU");
        assertThat(tile.epsg()).isEqualTo(32629);
        assertThat(tile.grid(10)).isEqualTo(GridGeometry.northUp(10980, 10980, 499980, 5900040, 10, 32629));
        assertThat(tile.grid(20)).isEqualTo(GridGeometry.northUp(5490, 5490, 499980, 5900040, 20, 32629));
        assertThat(tile.grid(60)).isEqualTo(GridGeometry.northUp(1830, 1830, 499980, 5900040, 60, 32629));
        assertThat(tile.sensingTime()).isEqualTo(Instant.parse("2022-10-05T11:56:49.581767Z"));
    }

    @Test
    void findsTheRastersThroughTheMetadata() throws IOException {
        Sentinel2Product product = Sentinel2Product.open(safe(L2A_N0400));

        Path b04 = product.bandFile(Sentinel2Band.B04, 60);
        assertThat(b04.getFileName().toString()).isEqualTo("T29UNU_20221005T115411_B04_60m.jp2");
        assertThat(product.classificationMask()).hasValueSatisfying(p -> assertThat(p.getFileName().toString()).isEqualTo("MSK_CLASSI_B00.jp2"));
        // The 10 m band is listed but not copied into shared/data: a clear error, not a null.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> product.bandFile(Sentinel2Band.B04))
                .hasMessageContaining("B04_10m.jp2, is missing");
        try (Jp2Reader reader = Jp2Reader.open(b04)) {
            // The JP2's size matches the 60 m geocoding of MTD_TL.
            assertThat(reader.width()).isEqualTo(product.grid(60).width());
        }
    }

    @Test
    void usesNoOffsetBeforeBaseline0400() throws IOException {
        Sentinel2Product product = Sentinel2Product.open(safe(L2A_N0214));

        assertThat(product.metadata().processingBaseline()).isEqualTo("02.14");
        assertThat(product.metadata().hasRadiometricOffset()).isFalse();
        assertThat(product.scale(Sentinel2Band.B08).reflectance(1574)).isCloseTo(0.1574f, within(1e-6f));
        assertThat(product.tile().epsg()).isEqualTo(32722);
        assertThat(product.grid(10)).isEqualTo(GridGeometry.northUp(10980, 10980, 199980, 5900020, 10, 32722));
        assertThat(product.cloudMaskGml()).isEmpty(); // listed, not copied
        assertThat(product.tile().mask("MSK_CLOUDS")).isPresent();
    }

    @Test
    void readsLevel1cOfBaseline0510WithRadiometricOffsets() throws IOException {
        ProductMetadata m = ProductMetadata.read(safe(L1C_N0510).resolve("MTD_MSIL1C.xml"));

        assertThat(m.level()).isEqualTo(ProcessingLevel.LEVEL_1C);
        assertThat(m.processingBaseline()).isEqualTo("05.10");
        assertThat(m.quantification()).isEqualTo(10000);
        assertThat(m.offsets()).hasSize(13).containsEntry(Sentinel2Band.B8A, -1000.0);
        assertThat(m.imageFiles()).hasSize(14);
        assertThat(m.scale(Sentinel2Band.B02).reflectance(1000)).isZero();
    }

    @Test
    void readsLevel1cOfBaseline0301WithoutOffsets() throws IOException {
        Path safe = safe(L1C_N0301);
        ProductMetadata m = ProductMetadata.read(safe.resolve("MTD_MSIL1C.xml"));
        TileMetadata tile = TileMetadata.read(tileXml(safe));

        assertThat(m.hasRadiometricOffset()).isFalse();
        assertThat(m.sensingStart()).isEqualTo(Instant.parse("2021-09-08T04:27:01.024Z"));
        assertThat(tile.tileId()).isEqualTo("T46RER");
        assertThat(tile.grid(20)).isEqualTo(GridGeometry.northUp(5490, 5490, 499980, 3100020, 20, 32646));
        assertThat(tile.mask("MSK_CLOUDS").orElseThrow().path()).endsWith("QI_DATA/MSK_CLOUDS_B00.gml");
        assertThat(tile.mask("MSK_CLASSI")).isEmpty();
    }
}
