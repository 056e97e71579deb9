package eu.candela.ows.render;

import org.junit.jupiter.api.Test;
import org.opengis.referencing.operation.MathTransform;

import java.util.Optional;

import static eu.candela.ows.render.GeneratedCoverages.PIXEL;
import static eu.candela.ows.render.GeneratedCoverages.X0;
import static eu.candela.ows.render.GeneratedCoverages.Y0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

/** Pixel queries (GetFeatureInfo): the full-resolution samples under a map pixel. */
class CoverageMapRendererValuesTest extends RendererTestBase {
    @Test
    void zoomedOutWgs84MapPixelReportsTheFullResolutionPixelUnderItsCentre() throws Exception {
        double[] bounds = renderer.envelopeIn(big, 4326);
        MapExtent extent = new MapExtent(bounds[0], bounds[1], bounds[2], bounds[3], 4326);
        int i = 77, j = 140;
        double lon = extent.minX() + (i + 0.5) * extent.width() / 256;
        double lat = extent.maxY() - (j + 0.5) * extent.height() / 256;
        MathTransform toUtm = GroundTruth.transform(4326, GeneratedCoverages.EPSG);
        double[] utm = GroundTruth.apply(toUtm, lon, lat);
        double[] pixel = GroundTruth.bigPixelOf(utm[0], utm[1]);
        int column = (int) Math.floor(pixel[0]);
        int row = (int) Math.floor(pixel[1]);

        PixelValues values = renderer.valuesAt(big, extent, 256, 256, i, j).orElseThrow();

        assertThat(values.column()).isEqualTo(column);
        assertThat(values.row()).isEqualTo(row);
        assertThat(values.epsg()).isEqualTo(GeneratedCoverages.EPSG);
        assertThat(values.x()).isCloseTo(X0 + (column + 0.5) * PIXEL, offset(1e-6));
        assertThat(values.y()).isCloseTo(Y0 - (row + 0.5) * PIXEL, offset(1e-6));
        assertThat(values.bands()).containsExactly(
                new PixelValues.BandValue("id", GeneratedCoverages.id(column, row), false),
                new PixelValues.BandValue("column", GeneratedCoverages.column(column, row), false));
    }

    @Test
    void nodataAndNanSamplesAreFlagged() throws Exception {
        MapExtent extent = new MapExtent(X0, Y0 - 640, X0 + 640, Y0, GeneratedCoverages.EPSG);
        PixelValues nodata = renderer.valuesAt(small, extent, 64, 64, 8, 3).orElseThrow();
        assertThat(nodata.bands()).containsExactly(new PixelValues.BandValue("band_1", GeneratedCoverages.NODATA, true));
        PixelValues nan = renderer.valuesAt(small, extent, 64, 64, 3, 8).orElseThrow();
        assertThat(nan.bands().get(0).nodata()).isTrue();
        assertThat(nan.bands().get(0).value()).isNaN();
        PixelValues valid = renderer.valuesAt(small, extent, 64, 64, 3, 5).orElseThrow();
        assertThat(valid.bands()).containsExactly(new PixelValues.BandValue("band_1", GeneratedCoverages.small(3, 5), false));
    }

    @Test
    void pixelOutsideTheCoverageHasNoValues() throws Exception {
        MapExtent extent = new MapExtent(X0 - 640, Y0 - 640, X0 + 640, Y0, GeneratedCoverages.EPSG);
        assertThat(renderer.valuesAt(small, extent, 128, 64, 10, 10)).isEqualTo(Optional.empty());
        assertThat(renderer.valuesAt(small, extent, 128, 64, 70, 10)).isPresent();
    }

    @Test
    void pixelOutsideTheMapIsRejected() {
        MapExtent extent = new MapExtent(X0, Y0 - 640, X0 + 640, Y0, GeneratedCoverages.EPSG);
        assertThatThrownBy(() -> renderer.valuesAt(small, extent, 64, 64, 64, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
