package eu.candela.wps.subimage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.candela.eodata.grid.GridGeometry;
import eu.candela.eodata.raster.GeoTiffReader;
import eu.candela.eodata.raster.RasterBlock;
import eu.candela.wps.spi.InvalidInputException;
import eu.candela.wps.spi.RasterRef;
import eu.candela.wps.testing.RecordingContext;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SplitImage on small scenes of two tiles given out of order, with metadata and with file-name identities. */
class SplitImageTest {

    static final int WIDTH = 300;
    static final int HEIGHT = 200;

    @TempDir
    static Path dir;
    static SplitImage.Out out;
    static SplitManifest manifest;
    static Path jobOutputs;

    @BeforeAll
    static void split() throws Exception {
        GridGeometry grid = SceneRasters.grid(WIDTH, HEIGHT);
        GridGeometry other = GridGeometry.northUp(WIDTH, HEIGHT, 700_000, 5_000_000, 10, 32630);
        List<RasterRef> images = List.of(
                ref(SceneRasters.write(dir.resolve("c.tif"), grid, 2, 3, "T30TXQ", "2017-06-01T10:56:21Z")),
                ref(SceneRasters.write(dir.resolve("a.tif"), grid, 2, 1, "T30TXQ", "2017-04-19T10:56:21Z")),
                ref(SceneRasters.write(dir.resolve("S2B_MSIL2A_20170510T105619_N0400_R094_T30TYQ.tif"), other, 2, 4, null, null)),
                ref(SceneRasters.write(dir.resolve("b.tif"), grid, 2, 2, "T30TXQ", "2017-04-29T10:56:21Z")),
                ref(SceneRasters.write(dir.resolve("S2B_MSIL2A_20170520T105619_N0400_R094_T30TYQ.tif"), other, 2, 5, null, null)),
                ref(SceneRasters.write(dir.resolve("lonely_T31TCJ_2017-05-01.tif"), grid, 2, 6, null, null)));
        RecordingContext ctx = new RecordingContext(dir.resolve("job"));
        jobOutputs = ctx.outputDirectory();
        out = new SplitImage().run(new SplitImage.In(images, 128, 16), ctx);
        manifest = SplitManifest.read(out.manifest());
    }

    private static RasterRef ref(Path file) {
        return new RasterRef(file);
    }

    @Test
    void formsTheConsecutivePairsOfEachTileInTimeOrder() {
        assertThat(manifest.pairs()).extracting(SplitManifest.Pair::before, SplitManifest.Pair::after).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a.tif", "b.tif"),
                org.assertj.core.groups.Tuple.tuple("b.tif", "c.tif"),
                org.assertj.core.groups.Tuple.tuple("S2B_MSIL2A_20170510T105619_N0400_R094_T30TYQ.tif",
                        "S2B_MSIL2A_20170520T105619_N0400_R094_T30TYQ.tif"));
        assertThat(manifest.pairs().get(2).tileId()).isEqualTo("T30TYQ");
        assertThat(manifest.pairs().get(2).beforeTime()).isEqualTo("2017-05-10T10:56:19Z");
        assertThat(manifest.unpaired()).containsExactly("lonely_T31TCJ_2017-05-01.tif");
        assertThat(out.pairs()).isEqualTo(3);
    }

    @Test
    void recordsWhereEachIdentityCameFrom() {
        assertThat(manifest.images()).filteredOn(i -> i.file().equals("a.tif")).singleElement()
                .satisfies(i -> assertThat(i.identifiedBy()).isEqualTo("metadata"));
        assertThat(manifest.images()).filteredOn(i -> i.tileId().equals("T30TYQ")).allSatisfy(
                i -> assertThat(i.identifiedBy()).isEqualTo("file name"));
    }

    @Test
    void coversThePairWithFullSizeWindowsOverlappingAtLeastAsAsked() {
        List<SplitManifest.SubImage> subs = manifest.pairs().get(0).subImages();
        // 300 = 128 + 112 + 60 (last moved back to end at the edge), 200 = 128 + 72
        assertThat(subs).hasSize(3 * 2);
        assertThat(subs).allSatisfy(s -> {
            assertThat(s.width()).isEqualTo(128);
            assertThat(s.height()).isEqualTo(128);
        });
        assertThat(subs).extracting(SplitManifest.SubImage::x).containsOnly(0, 112, 172);
        assertThat(subs).extracting(SplitManifest.SubImage::y).containsOnly(0, 72);
        assertThat(out.subImagePairs()).isEqualTo(6 * 3);
    }

    @Test
    void writesEachSubImageAsTheSourceWindowWithItsGridAndMetadata() throws Exception {
        SplitManifest.Pair pair = manifest.pairs().get(1);
        GridGeometry grid = pair.grid().geometry();
        for (SplitManifest.SubImage s : pair.subImages()) {
            try (GeoTiffReader reader = GeoTiffReader.open(jobOutputs.resolve(s.after()))) {
                assertThat(reader.info().grid()).isEqualTo(grid.window(s.x(), s.y(), s.width(), s.height()));
                assertThat(reader.info().spec().bandDescriptions()).containsExactly("B04", "QUALITY");
                assertThat(reader.info().spec().metadata()).containsEntry("SENSING_TIME", "2017-06-01T10:56:21Z")
                        .containsEntry("SUBIMAGE_X", Integer.toString(s.x()));
                assertThat(s.bounds()).containsExactly(reader.info().grid().envelope());
                RasterBlock block = reader.read(0, 0, s.width(), s.height());
                for (int b = 0; b < 2; b++) {
                    for (int r = 0; r < s.height(); r += 7) {
                        for (int c = 0; c < s.width(); c += 5) {
                            assertThat(block.get(b, c, r)).isEqualTo(SceneRasters.value(b, s.x() + c, s.y() + r, 3));
                        }
                    }
                }
            }
        }
    }

    @Test
    void cutsAnImageInTwoPairsOnce() {
        assertThat(manifest.pairs().get(0).subImages().get(0).after())
                .isEqualTo(manifest.pairs().get(1).subImages().get(0).before());
    }

    @Test
    void rejectsImagesOfOneTileOnDifferentGrids() throws Exception {
        Path a = SceneRasters.write(dir.resolve("g1.tif"), SceneRasters.grid(WIDTH, HEIGHT), 2, 1, "T30TXQ", "2017-01-01T00:00:00Z");
        Path b = SceneRasters.write(dir.resolve("g2.tif"), SceneRasters.grid(WIDTH, HEIGHT - 10), 2, 1, "T30TXQ", "2017-02-01T00:00:00Z");

        assertInvalid(List.of(ref(a), ref(b)), 128, 16, "images", "'g2.tif' is not on the grid of 'g1.tif'");
    }

    @Test
    void rejectsImagesThatFormNoPair() throws Exception {
        Path a = SceneRasters.write(dir.resolve("p1.tif"), SceneRasters.grid(64, 64), 2, 1, "T30TXQ", "2017-01-01T00:00:00Z");
        Path b = SceneRasters.write(dir.resolve("p2.tif"), SceneRasters.grid(64, 64), 2, 1, "T31TCJ", "2017-02-01T00:00:00Z");

        assertInvalid(List.of(ref(a), ref(b)), 256, 16, "images", "form no pair");
    }

    @Test
    void rejectsAnImageWithoutADate() throws Exception {
        Path a = SceneRasters.write(dir.resolve("n1.tif"), SceneRasters.grid(64, 64), 2, 1, "T30TXQ", "2017-01-01T00:00:00Z");
        Path b = SceneRasters.write(dir.resolve("undated.tif"), SceneRasters.grid(64, 64), 2, 1, null, null);

        assertInvalid(List.of(ref(a), ref(b)), 256, 16, "images", "'undated.tif' has no SENSING_TIME");
    }

    @Test
    void rejectsAnOverlapOfHalfTheSize() throws Exception {
        Path a = SceneRasters.write(dir.resolve("o1.tif"), SceneRasters.grid(64, 64), 2, 1, "T30TXQ", "2017-01-01T00:00:00Z");
        Path b = SceneRasters.write(dir.resolve("o2.tif"), SceneRasters.grid(64, 64), 2, 1, "T30TXQ", "2017-02-01T00:00:00Z");

        assertInvalid(List.of(ref(a), ref(b)), 256, 128, "overlap", "less than half");
    }

    private void assertInvalid(List<RasterRef> images, int size, int overlap, String input, String reason) {
        assertThatThrownBy(() -> new SplitImage().run(new SplitImage.In(images, size, overlap),
                new RecordingContext(dir.resolve("job-" + input + "-" + reason.hashCode()))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.inputId()).isEqualTo(input))
                .hasMessageContaining(reason);
    }
}
