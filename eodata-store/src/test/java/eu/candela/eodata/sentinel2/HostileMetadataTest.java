package eu.candela.eodata.sentinel2;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.candela.eodata.raster.RasterFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Metadata files that must be refused with a clear message, never followed. */
class HostileMetadataTest {
    @TempDir
    Path dir;

    @Test
    void refusesADoctypeWithAnExternalEntity() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "top secret");
        Path xml = Files.writeString(dir.resolve("MTD_MSIL2A.xml"), "<?xml version=\"1.0\"?>\n"
                + "<!DOCTYPE r [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<r><PROCESSING_LEVEL>Level-2A</PROCESSING_LEVEL><PRODUCT_URI>&x;</PRODUCT_URI></r>");

        assertThatThrownBy(() -> ProductMetadata.read(xml)).isInstanceOf(RasterFormatException.class)
                .hasMessageContaining("MTD_MSIL2A.xml").hasMessageContaining("DOCTYPE");
    }

    @Test
    void namesTheMissingElement() throws IOException {
        Path xml = Files.writeString(dir.resolve("MTD_MSIL1C.xml"),
                "<r><PROCESSING_LEVEL>Level-1C</PROCESSING_LEVEL><QUANTIFICATION_VALUE>10000</QUANTIFICATION_VALUE></r>");

        assertThatThrownBy(() -> ProductMetadata.read(xml)).isInstanceOf(RasterFormatException.class)
                .hasMessage("MTD_MSIL1C.xml has no PRODUCT_URI element");
    }

    @Test
    void refusesAnotherProcessingLevel() throws IOException {
        Path xml = Files.writeString(dir.resolve("MTD_MSIL1C.xml"), "<r><PROCESSING_LEVEL>Level-1B</PROCESSING_LEVEL></r>");

        assertThatThrownBy(() -> ProductMetadata.read(xml)).hasMessageContaining("Level-1B").hasMessageContaining("not supported");
    }

    @Test
    void refusesAFolderWithoutProductMetadata() throws IOException {
        Path safe = Files.createDirectories(dir.resolve("S1A_IW_GRDH_X.SAFE"));

        assertThatThrownBy(() -> Sentinel2Product.open(safe)).isInstanceOf(RasterFormatException.class)
                .hasMessageContaining("not a Sentinel-2 Level-1C or Level-2A product");
    }
}
