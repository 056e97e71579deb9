package eu.candela.ows.render;

import eu.candela.eodata.raster.GeoTiffReader;
import eu.candela.eodata.raster.RasterBlock;
import eu.candela.ows.style.RasterStyle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opengis.referencing.operation.MathTransform;

import java.nio.file.Path;
import java.util.Random;

import static eu.candela.ows.render.GeneratedCoverages.OVERVIEWS;
import static eu.candela.ows.render.GeneratedCoverages.PIXEL;
import static eu.candela.ows.render.GeneratedCoverages.SIZE;
import static eu.candela.ows.render.GeneratedCoverages.X0;
import static eu.candela.ows.render.GeneratedCoverages.Y0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

/** Map pixels land on the source pixels Apache SIS says they must, in the native CRS and reprojected. */
class CoverageMapRendererProjectionTest {
    static final RasterStyle GREY = TestStyles.GREY;

    static Path coverage;
    static CoverageMapRenderer renderer;

    @BeforeAll
    static void generate() throws Exception {
        coverage = GeneratedCoverages.sharedBig();
        renderer = new CoverageMapRenderer(64L << 20);
    }

    @AfterAll
    static void close() {
        renderer.close();
    }

    /**
     * A 64 x 64 map in EPSG:{@code epsg} whose pixel (20, 30) is centred on random source positions
     * (kept 0.2 pixel off pixel edges): that map pixel must show that source pixel's value.
     * 2154 and 3035 need the embedded EPSG database; 3035 is also northing-first in EPSG.
     */
    @ParameterizedTest
    @ValueSource(ints = {4326, 3857, 2154, 3035})
    void mapPixelShowsTheSourcePixelSisPointsAt(int epsg) throws Exception {
        MathTransform utmToMap = GroundTruth.transform(GeneratedCoverages.EPSG, epsg);
        Random random = new Random(epsg);
        for (int n = 0; n < 25; n++) {
            int column = 50 + random.nextInt(SIZE - 100);
            int row = 50 + random.nextInt(SIZE - 100);
            double easting = X0 + (column + 0.2 + 0.6 * random.nextDouble()) * PIXEL;
            double northing = Y0 - (row + 0.2 + 0.6 * random.nextDouble()) * PIXEL;
            double[] centre = GroundTruth.apply(utmToMap, easting, northing);
            // About one source pixel per map pixel, so full resolution is read.
            double size = epsg == 4326 ? 0.00008 : 8;
            MapExtent extent = new MapExtent(centre[0] - 20.5 * size, centre[1] - 33.5 * size,
                    centre[0] + 43.5 * size, centre[1] + 30.5 * size, epsg);
            float[][] samples = renderer.sample(request(extent, 64, 64, Interpolation.NEAREST), new int[] {0, 1});
            assertThat(samples[0][30 * 64 + 20]).as("id at source (%d, %d) in EPSG:%d", column, row, epsg)
                    .isEqualTo(GeneratedCoverages.id(column, row));
            assertThat(samples[1][30 * 64 + 20]).isEqualTo(GeneratedCoverages.column(column, row));
        }
    }

    /**
     * A zoomed-out EPSG:3857 map over the whole coverage reads the factor-8 overview: each map pixel
     * is checked against SIS per pixel (where the truth lies 0.3 overview pixel inside an overview
     * pixel, beyond the approximate transform's error).
     */
    @Test
    void wholeReprojectedMapMatchesPerPixelTransforms() throws Exception {
        MathTransform back = GroundTruth.transform(3857, GeneratedCoverages.EPSG);
        double[] envelope = renderer.envelopeIn(coverage, 3857);
        MapExtent extent = new MapExtent(envelope[0], envelope[1], envelope[2], envelope[3], 3857);
        int width = 256;
        int height = 256;
        assertThat(renderer.levelFor(coverage, extent, width, height)).isEqualTo(OVERVIEWS);
        float[][] samples = renderer.sample(request(extent, width, height, Interpolation.NEAREST), new int[] {0});
        int checked = 0;
        for (int j = 0; j < height; j++) {
            for (int i = 0; i < width; i++) {
                double x = extent.minX() + (i + 0.5) * extent.width() / width;
                double y = extent.maxY() - (j + 0.5) * extent.height() / height;
                double[] utm = GroundTruth.apply(back, x, y);
                double[] full = GroundTruth.bigPixelOf(utm[0], utm[1]);
                double u = full[0] / 8;
                double v = full[1] / 8;
                float sample = samples[0][j * width + i];
                if (u < 0 || v < 0 || u >= SIZE / 8.0 || v >= SIZE / 8.0) {
                    if (u < -0.3 || v < -0.3 || u > SIZE / 8.0 + 0.3 || v > SIZE / 8.0 + 0.3) {
                        assertThat(sample).as("outside at (%d, %d)", i, j).isNaN();
                    }
                    continue;
                }
                double fu = u - Math.floor(u);
                double fv = v - Math.floor(v);
                if (fu < 0.3 || fu > 0.7 || fv < 0.3 || fv > 0.7) {
                    continue;
                }
                int c = (int) u;
                int r = (int) v;
                // Mean of the 8 x 8 block of a linear function: its value at the block's centre.
                double expected = (8 * r + 3.5) * SIZE + 8 * c + 3.5;
                assertThat((double) sample).as("map pixel (%d, %d) -> overview (%d, %d)", i, j, c, r)
                        .isCloseTo(expected, offset(1.0));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(5000);
    }

    @Test
    void nativeCrsMapAlignedOnPixelsIsTheStraightWindow() throws Exception {
        int x = 100, y = 300, width = 256, height = 200;
        MapExtent extent = new MapExtent(X0 + x * PIXEL, Y0 - (y + height) * PIXEL,
                X0 + (x + width) * PIXEL, Y0 - y * PIXEL, GeneratedCoverages.EPSG);
        float[][] samples = renderer.sample(request(extent, width, height, Interpolation.NEAREST), new int[] {0, 1});
        try (GeoTiffReader reader = GeoTiffReader.open(coverage)) {
            RasterBlock window = reader.read(x, y, width, height);
            assertThat(samples[0]).containsExactly(window.band(0));
            assertThat(samples[1]).containsExactly(window.band(1));
        }
    }

    @Test
    void unknownEpsgCodeIsUnsupported() {
        MapExtent extent = new MapExtent(0, 0, 1, 1, 999999);
        assertThatThrownBy(() -> renderer.sample(request(extent, 16, 16, Interpolation.NEAREST), new int[] {0}))
                .isInstanceOf(UnsupportedCrsException.class)
                .satisfies(e -> assertThat(((UnsupportedCrsException) e).epsg()).isEqualTo(999999));
        assertThatThrownBy(() -> renderer.envelopeIn(coverage, 999999)).isInstanceOf(UnsupportedCrsException.class);
    }

    static MapRequest request(MapExtent extent, int width, int height, Interpolation interpolation) {
        return new MapRequest(coverage, extent, width, height, GREY, interpolation, true, 0);
    }
}
