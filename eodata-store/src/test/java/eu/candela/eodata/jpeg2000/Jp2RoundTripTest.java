package eu.candela.eodata.jpeg2000;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.candela.eodata.raster.RasterFormatException;
import eu.candela.eodata.testing.ExternalDecoders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lossless JP2 written by {@link Jp2Writer}: read back exactly by us, by GDAL and by OpenJPEG. */
class Jp2RoundTripTest {
    private static final int WIDTH = 700;
    private static final int HEIGHT = 530;

    @TempDir
    Path dir;

    /** Full 16-bit range, 0 (nodata in Sentinel-2) included, and no smooth pattern the codec could cheat on. */
    static int value(int x, int y, int band) {
        long h = (x * 73856093L) ^ (y * 19349663L) ^ (band * 83492791L);
        return (int) ((x * 97L + y * 31L + (h & 0xFFF)) % 65536);
    }

    private Path write16(String name, int tileSize) throws IOException {
        Path file = dir.resolve(name);
        Jp2Writer.writeLossless(file, WIDTH, HEIGHT, 1, 16, tileSize, (x, y, w, h, band) -> window(x, y, w, h, band));
        return file;
    }

    private static int[] window(int x, int y, int w, int h, int band) {
        int[] s = new int[w * h];
        for (int r = 0; r < h; r++) for (int c = 0; c < w; c++) s[r * w + c] = value(x + c, y + r, band);
        return s;
    }

    @Test
    void readsBackEveryWindowExactly() throws IOException {
        Path file = write16("b02.jp2", 256);

        try (Jp2Reader reader = Jp2Reader.open(file)) {
            assertThat(reader.width()).isEqualTo(WIDTH);
            assertThat(reader.height()).isEqualTo(HEIGHT);
            assertThat(reader.bandCount()).isEqualTo(1);
            assertThat(reader.tileWidth()).isEqualTo(256);
            assertThat(reader.read(0, 0, WIDTH, HEIGHT, 0)).isEqualTo(window(0, 0, WIDTH, HEIGHT, 0));
            // windows across tile borders and at the clipped right and bottom edges
            assertThat(reader.read(250, 250, 20, 17, 0)).isEqualTo(window(250, 250, 20, 17, 0));
            assertThat(reader.read(WIDTH - 3, HEIGHT - 2, 3, 2, 0)).isEqualTo(window(WIDTH - 3, HEIGHT - 2, 3, 2, 0));
        }
    }

    @Test
    void decodesEachTileOnceWhenSweptRowByRow() throws IOException {
        Path file = write16("sweep.jp2", 128);

        try (Jp2Reader reader = Jp2Reader.open(file)) {
            for (int y = 0; y < HEIGHT; y += 100) {
                for (int x = 0; x < WIDTH; x += 100) {
                    reader.read(x, y, Math.min(100, WIDTH - x), Math.min(100, HEIGHT - y), 0);
                }
            }
            int tiles = ((WIDTH + 127) / 128) * ((HEIGHT + 127) / 128);
            assertThat(reader.decodedTiles()).isEqualTo(tiles);
        }
    }

    @Test
    void gdalAndOpenJpegDecodeTheSameValues() throws IOException {
        Path file = write16("b8a.jp2", 256);
        int[] expected = window(0, 0, WIDTH, HEIGHT, 0);

        assertThat(ExternalDecoders.gdal(file, 1, dir)).isEqualTo(expected);
        assertThat(ExternalDecoders.openJpeg(file, 0, 1, 16, dir)).isEqualTo(expected);
    }

    @Test
    void writesIndependentByteComponentsLikeTheCloudMask() throws IOException {
        Path file = dir.resolve("MSK_CLASSI_B00.jp2");
        Jp2Writer.writeLossless(file, 300, 200, 3, 8, 128, (x, y, w, h, band) -> {
            int[] s = window(x, y, w, h, band);
            for (int i = 0; i < s.length; i++) s[i] = s[i] % 2;
            return s;
        });

        try (Jp2Reader reader = Jp2Reader.open(file)) {
            assertThat(reader.bandCount()).isEqualTo(3);
            for (int band = 0; band < 3; band++) {
                int[] expected = window(0, 0, 300, 200, band);
                for (int i = 0; i < expected.length; i++) expected[i] %= 2;
                assertThat(reader.read(0, 0, 300, 200, band)).as("band %d", band).isEqualTo(expected);
                assertThat(ExternalDecoders.gdal(file, band + 1, dir)).as("GDAL band %d", band).isEqualTo(expected);
            }
        }
    }

    /**
     * Values that JJ2000 does not encode losslessly with five wavelet levels on 32-pixel tiles (a
     * smooth surface around DN 3000, as Sentinel-2 bands are): the writer must choose fewer levels.
     */
    @Test
    void staysLosslessOnSmallTilesWhereFiveLevelsWouldNot() throws IOException {
        Path file = dir.resolve("small-tiles.jp2");
        TileSource smooth = (x, y, w, h, band) -> {
            int[] s = new int[w * h];
            for (int r = 0; r < h; r++) {
                for (int c = 0; c < w; c++) {
                    s[r * w + c] = (int) (4000 + 1500 * Math.sin((x + c) / 20.0) * Math.cos((y + r) / 30.0)) + value(x + c, y + r, 0) % 200;
                }
            }
            return s;
        };

        Jp2Writer.writeLossless(file, 300, 300, 1, 16, 32, smooth);

        try (Jp2Reader reader = Jp2Reader.open(file)) {
            assertThat(reader.read(0, 0, 300, 300, 0)).isEqualTo(smooth.samples(0, 0, 300, 300, 0));
        }
        assertThat(Jp2Writer.decompositionLevels(32)).isEqualTo(2);
        assertThat(Jp2Writer.decompositionLevels(1024)).isEqualTo(5);
    }

    @Test
    void openJpegWritesWhatWeReadBackExactly() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(OpenJpegWriter.available()
                || Boolean.parseBoolean(System.getProperty("candela.requireExternalTools", "false")),
                "opj_compress is not available: install the Debian package libopenjp2-tools");
        Path file = dir.resolve("opj.jp2");

        OpenJpegWriter.writeLossless(file, WIDTH, HEIGHT, 2, 16, 128, Jp2RoundTripTest::window);

        try (Jp2Reader reader = Jp2Reader.open(file)) {
            assertThat(reader.tileWidth()).isEqualTo(128);
            assertThat(reader.bandCount()).isEqualTo(2);
            assertThat(reader.read(0, 0, WIDTH, HEIGHT, 1)).isEqualTo(window(0, 0, WIDTH, HEIGHT, 1));
        }
        assertThat(ExternalDecoders.gdal(file, 1, dir)).isEqualTo(window(0, 0, WIDTH, HEIGHT, 0));
    }

    @Test
    void refusesAFileThatIsNotJpeg2000() throws IOException {
        Path file = Files.write(dir.resolve("fake.jp2"), new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0, 0, 0});

        assertThatThrownBy(() -> Jp2Reader.open(file)).isInstanceOf(RasterFormatException.class)
                .hasMessageContaining("fake.jp2").hasMessageContaining("not a JPEG 2000 file");
    }

    @Test
    void refusesATruncatedBox() throws IOException {
        Path file = write16("cut.jp2", 256);
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(file), 40);

        assertThatThrownBy(() -> Jp2Reader.open(Files.write(dir.resolve("cut2.jp2"), head)))
                .isInstanceOf(RasterFormatException.class).hasMessageContaining("cut2.jp2");
    }

    @Test
    void refusesWindowsOutsideTheImage() throws IOException {
        try (Jp2Reader reader = Jp2Reader.open(write16("w.jp2", 256))) {
            assertThatThrownBy(() -> reader.read(WIDTH - 1, 0, 2, 1, 0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not inside");
        }
    }
}
