package eu.candela.eodata.raster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.candela.eodata.internal.tiff.IfdBuilder;
import eu.candela.eodata.internal.tiff.TiffTags;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Broken and hostile files give a {@link RasterFormatException} saying what is wrong, never an
 * OutOfMemoryError, an endless loop or an unchecked exception.
 */
class HostileInputTest {
    private static final int TILE_DATA_OFFSET = 4096;

    @TempDir
    Path dir;

    static Stream<Arguments> brokenFiles() {
        return Stream.of(
                Arguments.of("empty file", new byte[0], "not a TIFF file"),
                Arguments.of("text file", "hello, this is not an image".getBytes(StandardCharsets.US_ASCII), "no II or MM"),
                Arguments.of("wrong magic number", new byte[] {'I', 'I', 99, 0, 8, 0, 0, 0}, "magic number 99"),
                Arguments.of("first IFD beyond the end", new byte[] {'I', 'I', 42, 0, (byte) 0xFF, 0, 0, 0x7F}, "beyond the end of the file"),
                Arguments.of("IFD with no entries", tiff(8, new byte[] {0, 0, 0, 0, 0, 0}), "declares 0 entries"),
                Arguments.of("IFD chain loop", loopingChain(), "loops back to byte 8"),
                Arguments.of("2^31 x 2^31 pixels", tiff(ifd -> ifd.longs(TiffTags.IMAGE_WIDTH, 1L << 31)
                        .longs(TiffTags.IMAGE_LENGTH, 1L << 31)), "ImageWidth 2147483648 is outside"),
                Arguments.of("huge image with one tile", tiff(ifd -> ifd.longs(TiffTags.IMAGE_WIDTH, Integer.MAX_VALUE - 8)
                        .longs(TiffTags.IMAGE_LENGTH, Integer.MAX_VALUE - 8)), "but TileOffsets has 1"),
                Arguments.of("tile offset beyond the end", tiff(ifd -> ifd.longs(TiffTags.TILE_OFFSETS, 1L << 30)),
                        "lies beyond the end of the file"),
                Arguments.of("tile byte count beyond the end", tiff(ifd -> ifd.longs(TiffTags.TILE_BYTE_COUNTS, 0xFFFFFFF0L)),
                        "lies beyond the end of the file"),
                Arguments.of("tag count beyond the file", withHugeCount(), "more than the file holds"),
                Arguments.of("huge compressed tiles", tiff(ifd -> ifd.longs(TiffTags.TILE_WIDTH, 1 << 16).longs(TiffTags.TILE_LENGTH, 1 << 16)
                        .shorts(TiffTags.BITS_PER_SAMPLE, 16)), "exceed the supported maximum"),
                Arguments.of("JPEG compression", tiff(ifd -> ifd.shorts(TiffTags.COMPRESSION, 7)), "unsupported compression JPEG"),
                Arguments.of("12-bit samples", tiff(ifd -> ifd.shorts(TiffTags.BITS_PER_SAMPLE, 12)), "BitsPerSample=12"),
                Arguments.of("no ImageWidth", tiff(ifd -> ifd.shorts(TiffTags.IMAGE_WIDTH)), "tag 256 has no value"),
                Arguments.of("no georeferencing", tiff(ifd -> ifd.doubles(TiffTags.MODEL_TIEPOINT)), "missing georeferencing"),
                Arguments.of("no CRS", tiff(ifd -> ifd.shorts(TiffTags.GEO_KEY_DIRECTORY, 1, 1, 0, 0)), "missing georeferencing"),
                Arguments.of("user-defined CRS", tiff(ifd -> ifd.shorts(TiffTags.GEO_KEY_DIRECTORY, 1, 1, 0, 1, 3072, 0, 1, 32767)),
                        "user-defined CRS"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void rejectsBrokenFilesWhenOpening(String name, byte[] content, String reason) throws IOException {
        Path file = dir.resolve("broken.tif");
        Files.write(file, content);
        assertThatThrownBy(() -> GeoTiffReader.open(file).close())
                .isInstanceOf(RasterFormatException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void reportsUnsupportedFeaturesWithTheirOwnType() throws IOException {
        Path file = dir.resolve("jpeg.tif");
        Files.write(file, tiff(ifd -> ifd.shorts(TiffTags.COMPRESSION, 7)));
        assertThatThrownBy(() -> GeoTiffReader.open(file)).isInstanceOf(UnsupportedRasterException.class);
    }

    @Test
    void rejectsATruncatedCog() throws IOException {
        Path cog = dir.resolve("whole.tif");
        TestRasters.write(cog, TestRasters.spec(200, 100, 2, SampleType.UINT16), CogOptions.defaults().withTileSize(64));
        byte[] bytes = Files.readAllBytes(cog);
        Path truncated = dir.resolve("truncated.tif");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> GeoTiffReader.open(truncated).close())
                .isInstanceOf(RasterFormatException.class)
                .hasMessageContaining("truncated");
    }

    @ParameterizedTest(name = "compression {0}")
    @org.junit.jupiter.params.provider.ValueSource(ints = {TiffTags.COMPRESSION_DEFLATE, TiffTags.COMPRESSION_LZW})
    void rejectsCorruptTileDataWhenReading(int compression) throws IOException {
        Path file = dir.resolve("corrupt.tif");
        Files.write(file, tiff(ifd -> ifd.shorts(TiffTags.COMPRESSION, compression)));
        try (GeoTiffReader reader = GeoTiffReader.open(file)) {
            assertThatThrownBy(() -> reader.read(0, 0, 16, 16))
                    .isInstanceOf(RasterFormatException.class)
                    .hasMessageContaining("block 0");
        }
    }

    @Test
    void opensTheValidBaseFixture() throws IOException {
        Path file = dir.resolve("valid.tif");
        Files.write(file, tiff(ifd -> ifd.shorts(TiffTags.COMPRESSION, TiffTags.COMPRESSION_NONE)));
        try (GeoTiffReader reader = GeoTiffReader.open(file)) {
            assertThat(reader.read(0, 0, 16, 16).get(0, 15, 15)).isEqualTo(0x55);
        }
    }

    @Test
    void randomlyCorruptedFilesFailOnlyWithFormatExceptions() throws IOException {
        Path cog = dir.resolve("whole.tif");
        TestRasters.write(cog, TestRasters.spec(100, 70, 2, SampleType.INT16), CogOptions.defaults().withTileSize(32));
        byte[] original = Files.readAllBytes(cog);
        java.util.Random random = new java.util.Random(7);
        Path mutant = dir.resolve("mutant.tif");
        for (int attempt = 0; attempt < 400; attempt++) {
            byte[] bytes = original.clone();
            for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                // Mostly the header and IFDs, where a flipped byte changes structure rather than pixels.
                int at = random.nextInt(10) < 8 ? random.nextInt(Math.min(2000, bytes.length)) : random.nextInt(bytes.length);
                bytes[at] = (byte) random.nextInt(256);
            }
            Files.write(mutant, bytes);
            try (GeoTiffReader reader = GeoTiffReader.open(mutant)) {
                RasterInfo info = reader.info();
                if ((long) info.width() * info.height() * info.bandCount() <= 1_000_000) {
                    reader.read(0, 0, info.width(), info.height());
                }
                for (int level = 1; level <= reader.overviewCount(); level++) {
                    OverviewLevel size = info.overviews().get(level - 1);
                    reader.readOverview(level, 0, 0, Math.min(size.width(), 64), Math.min(size.height(), 64));
                }
            } catch (RasterFormatException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
    }

    /**
     * A valid 16x16 uint8 tiled GeoTIFF whose single tile holds 256 bytes of 0x55 (garbage for a
     * compressed tile), modified by {@code change}.
     */
    private static byte[] tiff(Consumer<IfdBuilder> change) {
        IfdBuilder ifd = new IfdBuilder()
                .shorts(TiffTags.IMAGE_WIDTH, 16).shorts(TiffTags.IMAGE_LENGTH, 16)
                .shorts(TiffTags.BITS_PER_SAMPLE, 8).shorts(TiffTags.COMPRESSION, TiffTags.COMPRESSION_DEFLATE)
                .shorts(TiffTags.PHOTOMETRIC, 1).shorts(TiffTags.SAMPLES_PER_PIXEL, 1)
                .shorts(TiffTags.TILE_WIDTH, 16).shorts(TiffTags.TILE_LENGTH, 16)
                .longs(TiffTags.TILE_OFFSETS, TILE_DATA_OFFSET).longs(TiffTags.TILE_BYTE_COUNTS, 256)
                .shorts(TiffTags.SAMPLE_FORMAT, 1)
                .doubles(TiffTags.MODEL_PIXEL_SCALE, 10, 10, 0)
                .doubles(TiffTags.MODEL_TIEPOINT, 0, 0, 0, 500000, 4600000, 0)
                .shorts(TiffTags.GEO_KEY_DIRECTORY, 1, 1, 0, 2, 1024, 0, 1, 1, 3072, 0, 1, 32630);
        change.accept(ifd);
        byte[] file = new byte[TILE_DATA_OFFSET + 256];
        byte[] header = {'I', 'I', 42, 0, 8, 0, 0, 0};
        System.arraycopy(header, 0, file, 0, 8);
        byte[] directory = ifd.toBytes(8, 0, false);
        System.arraycopy(directory, 0, file, 8, directory.length);
        Arrays.fill(file, TILE_DATA_OFFSET, file.length, (byte) 0x55);
        return file;
    }

    private static byte[] tiff(int firstIfd, byte[] rest) {
        ByteBuffer b = ByteBuffer.allocate(8 + rest.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(firstIfd).put(rest);
        return b.array();
    }

    private static byte[] loopingChain() {
        byte[] directory = new IfdBuilder().shorts(TiffTags.IMAGE_WIDTH, 16).toBytes(8, 8, false);
        return tiff(8, directory);
    }

    /** A TileByteCounts entry claiming 2^30 values stored at byte 4096. */
    private static byte[] withHugeCount() {
        byte[] file = tiff(ifd -> { });
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        int entries = b.getShort(8);
        for (int i = 0; i < entries; i++) {
            int at = 10 + 12 * i;
            if ((b.getShort(at) & 0xFFFF) == TiffTags.TILE_BYTE_COUNTS) {
                b.putInt(at + 4, 1 << 30).putInt(at + 8, TILE_DATA_OFFSET);
            }
        }
        return file;
    }
}
