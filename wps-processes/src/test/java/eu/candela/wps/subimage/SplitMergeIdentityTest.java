package eu.candela.wps.subimage;

import static org.assertj.core.api.Assertions.assertThat;

import eu.candela.eodata.raster.GeoTiffReader;
import eu.candela.eodata.raster.RasterBlock;
import eu.candela.wps.spi.GeoJson;
import eu.candela.wps.spi.RasterRef;
import eu.candela.wps.testing.RecordingContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Split then merge of one image gives the image back, pixel for pixel, on the manifest's grid. */
class SplitMergeIdentityTest {

    @TempDir
    Path dir;

    @Test
    void mergingTheSubImagesOfOneImageReproducesItExactly() throws Exception {
        var grid = SceneRasters.grid(700, 500);
        Path before = SceneRasters.write(dir.resolve("before.tif"), grid, 2, 1, "T30TXQ", "2017-04-19T10:56:21Z");
        Path after = SceneRasters.write(dir.resolve("after.tif"), grid, 2, 2, "T30TXQ", "2017-04-29T10:56:21Z");
        RecordingContext split = new RecordingContext(dir.resolve("split"));
        SplitImage.Out out = new SplitImage().run(new SplitImage.In(List.of(new RasterRef(before), new RasterRef(after)), 256, 48), split);
        SplitManifest manifest = SplitManifest.read(out.manifest());
        List<RasterRef> subImages = manifest.pairs().get(0).subImages().stream()
                .map(s -> new RasterRef(split.outputDirectory().resolve(s.before()))).toList();

        MergeImages.Out merged = new MergeImages().run(new MergeImages.In(subImages, null,
                new GeoJson(Files.readString(out.manifest())), null, 0.5, null), new RecordingContext(dir.resolve("merge")));

        try (GeoTiffReader original = GeoTiffReader.open(before); GeoTiffReader mosaic = GeoTiffReader.open(merged.probability())) {
            assertThat(mosaic.info().grid()).isEqualTo(original.info().grid());
            RasterBlock a = original.read(0, 0, 700, 500);
            RasterBlock b = mosaic.read(0, 0, 700, 500);
            for (int band = 0; band < 2; band++) {
                assertThat(java.util.Arrays.mismatch(b.band(band), a.band(band))).as("first differing pixel of band %d", band)
                        .isEqualTo(-1);
            }
            assertThat(mosaic.info().spec().bandDescriptions()).containsExactly("B04", "QUALITY");
        }
        assertThat(subImages).as("700 x 500 in 256 px steps of 208").hasSize(4 * 3);
    }
}
