package eu.candela.eodata.jpeg2000;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import eu.candela.eodata.testing.ExternalDecoders;
import eu.candela.eodata.testing.SharedData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ESA's own JP2 files (../shared/data/safe, see its README): Kakadu-made, with a GMLJP2 box of
 * extended length that JJ2000 alone refuses. Decoded values must equal GDAL's and OpenJPEG's.
 */
class RealSentinel2RastersTest {
    private static final String GRANULE = "safe/S2A_MSIL2A_20221005T115411_N0400_R023_T29UNU_20221005T164454.SAFE"
            + "/GRANULE/L2A_T29UNU_A038058_20221005T115407/";

    @TempDir
    Path dir;

    private static Path file(String relative) {
        Optional<Path> file = SharedData.find(GRANULE + relative);
        assumeTrue(file.isPresent(), "no ../shared/data/" + GRANULE + relative);
        return file.get();
    }

    private static int[] all(Path file, int band) throws IOException {
        try (Jp2Reader reader = Jp2Reader.open(file)) {
            assertThat(reader.width()).isEqualTo(1830);
            assertThat(reader.height()).isEqualTo(1830);
            return reader.read(0, 0, 1830, 1830, band);
        }
    }

    @Test
    void decodesTheB04BandExactlyAsGdalAndOpenJpeg() throws IOException {
        Path b04 = file("IMG_DATA/R60m/T29UNU_20221005T115411_B04_60m.jp2");
        int[] ours = all(b04, 0);

        assertThat(ours).isEqualTo(ExternalDecoders.gdal(b04, 1, dir));
        assertThat(ours).isEqualTo(ExternalDecoders.openJpeg(b04, 0, 1, 16, dir));
        assertThat(java.util.Arrays.stream(ours).max().orElseThrow()).isEqualTo(17360); // README: 0..17360
        assertThat(java.util.Arrays.stream(ours).min().orElseThrow()).isZero();
    }

    @Test
    void decodesTheSceneClassificationExactly() throws IOException {
        Path scl = file("IMG_DATA/R60m/T29UNU_20221005T115411_SCL_60m.jp2");
        int[] ours = all(scl, 0);

        assertThat(ours).isEqualTo(ExternalDecoders.gdal(scl, 1, dir));
        assertThat(java.util.Arrays.stream(ours).max().orElseThrow()).isLessThanOrEqualTo(11);
    }

    @Test
    void decodesTheThreeLayersOfTheClassificationMask() throws IOException {
        Path mask = file("QI_DATA/MSK_CLASSI_B00.jp2");
        for (int band = 0; band < 3; band++) {
            int[] ours = all(mask, band);
            assertThat(ours).as("layer %d", band).isEqualTo(ExternalDecoders.gdal(mask, band + 1, dir));
            assertThat(java.util.Arrays.stream(ours).max().orElseThrow()).isLessThanOrEqualTo(1);
        }
    }
}
