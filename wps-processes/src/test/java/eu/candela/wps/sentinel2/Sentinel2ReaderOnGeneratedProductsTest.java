package eu.candela.wps.sentinel2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import eu.candela.eodata.jpeg2000.Jp2Reader;
import eu.candela.eodata.sentinel2.ProcessingLevel;
import eu.candela.eodata.sentinel2.RadiometricScale;
import eu.candela.eodata.sentinel2.Sentinel2Band;
import eu.candela.eodata.sentinel2.Sentinel2Product;
import eu.candela.wps.samples.Sentinel2ProductGenerator;
import eu.candela.wps.samples.SyntheticSentinel2Scene;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SAFE reader on generated Level-1C and Level-2A products, against the scene that made them. */
class Sentinel2ReaderOnGeneratedProductsTest {
    private static final int SIZE = 240;

    @TempDir
    static Path archive;
    private static SyntheticSentinel2Scene scene;
    private static Sentinel2Product l2a;
    private static Sentinel2Product l1cOld;
    private static Sentinel2Product l1cNew;

    @BeforeAll
    static void generate() throws IOException {
        scene = new SyntheticSentinel2Scene(SIZE, 11);
        l2a = Sentinel2Product.open(Sentinel2ProductGenerator.generate(archive.resolve("l2a"), scene, 1, ProcessingLevel.LEVEL_2A, "04.00"));
        l1cOld = Sentinel2Product.open(Sentinel2ProductGenerator.generate(archive.resolve("l1c-old"), scene, 0, ProcessingLevel.LEVEL_1C, "02.14"));
        l1cNew = Sentinel2Product.open(Sentinel2ProductGenerator.generate(archive.resolve("l1c-new"), scene, 1, ProcessingLevel.LEVEL_1C, "05.09"));
    }

    private static int[] all(Path jp2) throws IOException {
        try (Jp2Reader reader = Jp2Reader.open(jp2)) {
            return reader.read(0, 0, reader.width(), reader.height(), 0);
        }
    }

    @Test
    void readsTheMetadataOfALevel2aProduct() {
        assertThat(l2a.name()).isEqualTo("S2B_MSIL2A_20230710T105031_N0400_R051_T31TCJ_20230710T140131.SAFE");
        assertThat(l2a.metadata().productUri()).isEqualTo(l2a.name());
        assertThat(l2a.level()).isEqualTo(ProcessingLevel.LEVEL_2A);
        assertThat(l2a.metadata().productType()).isEqualTo("S2MSI2A");
        assertThat(l2a.metadata().spacecraft()).isEqualTo("Sentinel-2B");
        assertThat(l2a.metadata().sensingStart()).isEqualTo(Instant.parse("2023-07-10T10:50:31.024Z"));
        assertThat(l2a.metadata().processingBaseline()).isEqualTo("04.00");
        assertThat(l2a.metadata().offsets()).hasSize(13).containsValue(-1000.0);
        assertThat(l2a.tile().tileId()).isEqualTo("T31TCJ");
    }

    @Test
    void geocodesEveryResolutionFromTheTileMetadata() {
        assertThat(l2a.grid(10)).isEqualTo(Sentinel2ProductGenerator.grid(scene, 10));
        assertThat(l2a.grid(20)).isEqualTo(Sentinel2ProductGenerator.grid(scene, 20));
        assertThat(l2a.grid(60).width()).isEqualTo(SIZE / 6);
        assertThat(l2a.grid(10).epsg()).isEqualTo(32631);
        assertThat(l2a.grid(20).pixelToMap(0, 0)).containsExactly(300000, 4900020);
    }

    @Test
    void scalesLevel2aBandsWithTheOffset() throws IOException {
        RadiometricScale scale = l2a.scale(Sentinel2Band.B04);
        int[] dn = all(l2a.bandFile(Sentinel2Band.B04));
        int x = 150, y = 100;

        assertThat(scale.offset()).isEqualTo(-1000);
        assertThat(dn[y * SIZE + x]).isEqualTo(Sentinel2ProductGenerator.dn(scene.reflectance(2, 1, x, y), true));
        assertThat(scale.reflectance(dn[y * SIZE + x])).isCloseTo((float) scene.reflectance(2, 1, x, y), within(0.5e-4f));
        assertThat(scale.reflectance(dn[0])).as("no-data corner").isNaN();
    }

    @Test
    void readsTwentyMetreBandsOnTheirOwnGrid() throws IOException {
        Path b11 = l2a.bandFile(Sentinel2Band.B11);
        int[] dn = all(b11);

        assertThat(b11.toString()).contains("/IMG_DATA/R20m/").endsWith("_B11_20m.jp2");
        assertThat(dn).hasSize(SIZE * SIZE / 4);
        int i = 70, j = 55;
        assertThat(dn[j * (SIZE / 2) + i]).isEqualTo(Sentinel2ProductGenerator.dn(scene.reflectance(8, 1, 2 * i, 2 * j), true));
    }

    @Test
    void readsTheSceneClassificationOfLevel2a() throws IOException {
        int[] scl = all(l2a.sceneClassificationFile());
        int[] expected = new int[scl.length];
        for (int j = 0; j < SIZE / 2; j++) {
            for (int i = 0; i < SIZE / 2; i++) expected[j * (SIZE / 2) + i] = Sentinel2ProductGenerator.sceneClass(scene, 1, i, j);
        }

        assertThat(scl).isEqualTo(expected);
        assertThat(scl).contains(0, 3, 4, 5, 6, 8, 9);
    }

    @Test
    void scalesOldLevel1cBandsWithoutOffset() throws IOException {
        RadiometricScale scale = l1cOld.scale(Sentinel2Band.B08);
        int[] dn = all(l1cOld.bandFile(Sentinel2Band.B08));
        int x = 200, y = 30;

        assertThat(l1cOld.metadata().hasRadiometricOffset()).isFalse();
        assertThat(l1cOld.bandFile(Sentinel2Band.B08).getFileName().toString()).endsWith("_B08.jp2");
        assertThat(dn[y * SIZE + x]).isEqualTo(Sentinel2ProductGenerator.dn(scene.reflectance(3, 0, x, y), false));
        assertThat(scale.reflectance(dn[y * SIZE + x])).isCloseTo((float) scene.reflectance(3, 0, x, y), within(0.5e-4f));
    }

    @Test
    void findsTheCloudMaskOfEachBaseline() throws IOException {
        assertThat(l1cOld.classificationMask()).isEmpty();
        assertThat(l1cOld.cloudMaskGml()).hasValueSatisfying(p -> assertThat(p).hasFileName("MSK_CLOUDS_B00.gml"));
        Path classi = l1cNew.classificationMask().orElseThrow();
        try (Jp2Reader reader = Jp2Reader.open(classi)) {
            assertThat(reader.bandCount()).isEqualTo(3);
            int[] opaque = reader.read(0, 0, SIZE / 6, SIZE / 6, 0);
            int clouds = 0;
            for (int j = 0; j < SIZE / 6; j++) {
                for (int i = 0; i < SIZE / 6; i++) {
                    assertThat(opaque[j * (SIZE / 6) + i]).isEqualTo(Sentinel2ProductGenerator.opaqueCloud(scene, 1, i, j));
                    clouds += opaque[j * (SIZE / 6) + i];
                }
            }
            assertThat(clouds).isPositive();
        }
    }

    @Test
    void writesAManifestListingEveryFile() throws IOException {
        String manifest = Files.readString(l2a.directory().resolve("manifest.safe"));

        assertThat(manifest).contains("href=\"./MTD_MSIL2A.xml\"").contains("_SCL_20m.jp2\"").contains("checksumName=\"MD5\"");
    }
}
