package eu.candela.ows.render;

import eu.candela.eodata.grid.GridGeometry;
import eu.candela.eodata.raster.GeoTiffReader;
import eu.candela.eodata.raster.RasterBlock;
import org.junit.jupiter.api.Test;
import org.opengis.referencing.operation.MathTransform;

import java.nio.file.Path;

import static eu.candela.ows.render.GeneratedCoverages.OVERVIEWS;
import static eu.candela.ows.render.GeneratedCoverages.SIZE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/** Band summaries, envelopes, and forgetting a coverage when it is evicted or replaced. */
class CoverageMapRendererSummaryTest extends RendererTestBase {
    @Test
    void summaryComesFromTheSmallestOverview() throws Exception {
        CoverageSummary summary = renderer.summary(big);
        assertThat(summary.bandNames()).containsExactly("id", "column");
        assertThat(summary.overviews()).isEqualTo(OVERVIEWS);
        assertThat(summary.nodata()).isNull();
        assertThat(summary.grid()).isEqualTo(GeneratedCoverages.bigGrid());
        // The factor-8 overview averages 8 x 8 blocks of a linear function: block centres.
        BandSummary id = summary.bands().get(0);
        assertThat(id.min()).isCloseTo(3.5 * SIZE + 3.5, offset(1.0));
        assertThat(id.max()).isCloseTo((SIZE - 4.5) * SIZE + SIZE - 4.5, offset(1.0));
        BandSummary column = summary.bands().get(1);
        assertThat(column.min()).isCloseTo(3.5, offset(1e-3));
        assertThat(column.max()).isCloseTo(SIZE - 4.5, offset(1e-3));
        // 256 block columns spread evenly over 256 bins: 256 rows of the overview in each bin.
        assertThat(column.histogram()).containsOnly(256L);
        assertThat(sum(id.histogram())).isEqualTo(256L * 256);
    }

    @Test
    void histogramMatchesTheOverviewSamples() throws Exception {
        BandSummary id = renderer.summary(big).bands().get(0);
        long[] expected = new long[BandSummary.BINS];
        try (GeoTiffReader reader = GeoTiffReader.open(big)) {
            RasterBlock overview = reader.readOverview(OVERVIEWS, 0, 0, SIZE / 8, SIZE / 8);
            for (float s : overview.band(0)) {
                int bin = (int) ((s - id.min()) / (id.max() - id.min()) * BandSummary.BINS);
                expected[Math.min(bin, BandSummary.BINS - 1)]++;
            }
        }
        assertThat(id.histogram()).containsExactly(expected);
    }

    @Test
    void summaryLeavesOutNodataAndNan() throws Exception {
        CoverageSummary summary = renderer.summary(small);
        assertThat(summary.bandNames()).containsExactly("band_1");
        assertThat(summary.nodata()).isEqualTo(GeneratedCoverages.NODATA);
        assertThat(summary.overviews()).isZero();
        BandSummary band = summary.bands().get(0);
        assertThat(band.min()).isEqualTo(GeneratedCoverages.small(1, 1));
        assertThat(band.max()).isEqualTo(GeneratedCoverages.small(63, 63));
        int valid = 64 * 64 - 8 * 64 - 8 * 56;
        assertThat(sum(band.histogram())).isEqualTo(valid);
    }

    @Test
    void wgs84EnvelopeMatchesTheGrid() throws Exception {
        double[] expected = GeneratedCoverages.bigGrid().wgs84Bounds();
        assertThat(renderer.envelopeIn(big, 4326)).containsExactly(expected, offset(1e-7));
        assertThat(renderer.summary(big).wgs84Bounds()).containsExactly(expected, offset(1e-12));
    }

    @Test
    void nativeEnvelopeIsTheGridEnvelope() throws Exception {
        assertThat(renderer.envelopeIn(big, GeneratedCoverages.EPSG))
                .containsExactly(GeneratedCoverages.bigGrid().envelope(), offset(1e-6));
    }

    @Test
    void webMercatorEnvelopeHoldsEveryEdgePoint() throws Exception {
        double[] envelope = renderer.envelopeIn(big, 3857);
        MathTransform toMercator = GroundTruth.transform(GeneratedCoverages.EPSG, 3857);
        GridGeometry grid = GeneratedCoverages.bigGrid();
        for (int s = 0; s <= 100; s++) {
            double t = s / 100.0 * SIZE;
            for (double[] p : new double[][] {grid.pixelToMap(t, 0), grid.pixelToMap(t, SIZE), grid.pixelToMap(0, t), grid.pixelToMap(SIZE, t)}) {
                double[] m = GroundTruth.apply(toMercator, p[0], p[1]);
                assertThat(m[0]).isBetween(envelope[0] - 0.01, envelope[2] + 0.01);
                assertThat(m[1]).isBetween(envelope[1] - 0.01, envelope[3] + 0.01);
            }
        }
    }

    @Test
    void replacedFileIsReadAfresh() throws Exception {
        Path file = GeneratedCoverages.withNodata(dir.resolve("replaced.tif"), 0);
        double before = renderer.summary(file).bands().get(0).min();
        GeneratedCoverages.withNodata(file, 1000);
        assertThat(renderer.summary(file).bands().get(0).min()).isEqualTo(before + 1000);
        MapExtent pixel = new MapExtent(GeneratedCoverages.X0 + 10, GeneratedCoverages.Y0 - 20,
                GeneratedCoverages.X0 + 20, GeneratedCoverages.Y0 - 10, GeneratedCoverages.EPSG);
        float sample = renderer.sample(new MapRequest(file, pixel, 1, 1, TestStyles.GREY,
                Interpolation.NEAREST, true, 0), new int[] {0})[0][0];
        assertThat(sample).isEqualTo(GeneratedCoverages.small(1, 1) + 1000);
    }

    @Test
    void evictedCoverageIsReopened() throws Exception {
        Path file = GeneratedCoverages.withNodata(dir.resolve("evicted.tif"));
        MapExtent whole = new MapExtent(GeneratedCoverages.X0, GeneratedCoverages.Y0 - 640, GeneratedCoverages.X0 + 640,
                GeneratedCoverages.Y0, GeneratedCoverages.EPSG);
        MapRequest request = new MapRequest(file, whole, 64, 64, TestStyles.GREY,
                Interpolation.NEAREST, true, 0);
        CoverageSummary first = renderer.summary(file);
        renderer.sample(request, new int[] {0});
        assertThat(renderer.tilesRead(file, 0)).isEqualTo(1);
        renderer.evict(file);
        assertThat(renderer.tilesRead(file, 0)).isZero();
        CoverageSummary again = renderer.summary(file);
        assertThat(again).isNotSameAs(first);
        assertThat(again.bands().get(0).histogram()).containsExactly(first.bands().get(0).histogram());
        renderer.sample(request, new int[] {0});
        assertThat(renderer.tilesRead(file, 0)).isEqualTo(1);
    }

    private static long sum(long[] counts) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        return total;
    }
}
