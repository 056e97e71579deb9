package eu.candela.ows.render;

import eu.candela.eodata.grid.GridGeometry;
import eu.candela.eodata.raster.RasterBlock;
import eu.candela.ows.style.RasterPainter;
import org.opengis.referencing.operation.MathTransform;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The {@link MapRenderer} of GeoTIFF / COG files: picks the overview level that matches the map's
 * scale, reprojects through Apache SIS with an approximate (interpolated) transform, samples whole
 * cached tiles, and paints with the style's {@link RasterPainter}.
 *
 * <p>Thread-safe. Keeps one open reader per file, a byte-bounded cache of decoded tiles shared by all
 * files, and per file version its summary, envelopes and painters; a file replaced on disk is
 * noticed (modification time, size, inode) and reopened.
 */
public final class CoverageMapRenderer implements MapRenderer, AutoCloseable {
    /** Largest interpolation error of the approximate transform, in pixels of the level read. */
    static final double MAX_TRANSFORM_ERROR = 0.25;
    /** Margin around a coverage's envelope within which map pixels are still transformed. */
    private static final double REACH_MARGIN = 0.05;

    private final TileCache tiles;
    private final OpenCoverages coverages;
    private final CrsTransforms crs = new CrsTransforms();

    /** @param blockCacheBytes memory for decoded tiles shared by all maps */
    public CoverageMapRenderer(long blockCacheBytes) {
        this.tiles = new TileCache(blockCacheBytes);
        this.coverages = new OpenCoverages(tiles);
    }

    @Override
    public MapImage render(MapRequest request) throws IOException {
        return withCoverage(request.coverage(), coverage -> render(coverage, request));
    }

    private MapImage render(OpenCoverage coverage, MapRequest request) throws IOException {
        CoverageSummary summary = coverage.summary(CoverageStatistics::summarize);
        RasterPainter painter = coverage.painter(request.style(), style -> RasterPainter.of(style, summary.bands()));
        int[] argb = new int[request.width() * request.height()];
        MapPlan plan = plan(coverage, request.extent(), request.width(), request.height());
        if (plan != null) {
            sampleStrips(coverage, plan, painter.sourceBands(), request,
                    (samples, count, offset) -> painter.paint(samples, count, argb, offset));
        }
        if (!request.transparent()) {
            Backgrounds.composite(argb, request.background());
        }
        return new MapImage(request.width(), request.height(), argb);
    }

    /**
     * The samples a map would be painted from: {@code result[k][j * width + i]} is band {@code bands[k]}
     * under map pixel (i, j), NaN for nodata and outside the coverage. The sampling layer of {@link #render}.
     */
    float[][] sample(MapRequest request, int[] bands) throws IOException {
        return withCoverage(request.coverage(), coverage -> sample(coverage, request, bands));
    }

    private float[][] sample(OpenCoverage coverage, MapRequest request, int[] bands) throws IOException {
        int width = request.width();
        float[][] result = new float[bands.length][width * request.height()];
        MapPlan plan = plan(coverage, request.extent(), width, request.height());
        if (plan == null) {
            for (float[] band : result) {
                Arrays.fill(band, Float.NaN);
            }
            return result;
        }
        sampleStrips(coverage, plan, bands, request, (samples, count, offset) -> {
            for (int k = 0; k < bands.length; k++) {
                System.arraycopy(samples[k], 0, result[k], offset, count);
            }
        });
        return result;
    }

    /** Receives the samples of one strip of map rows: {@code count} pixels from map pixel index {@code offset}. */
    @FunctionalInterface
    private interface StripSink {
        void accept(float[][] samples, int count, int offset);
    }

    /** Samples the map strip by strip (about 16 rows each), so no map-sized float arrays are needed. */
    private static void sampleStrips(OpenCoverage coverage, MapPlan plan, int[] bands, MapRequest request, StripSink sink)
            throws IOException {
        int width = request.width();
        LevelSampler sampler = new LevelSampler(coverage, plan.level(), bands, request.interpolation());
        SourceCoordinates coordinates = plan.coordinates();
        int capacity = (SourceCoordinates.STEP + 1) * width;
        float[][] samples = new float[bands.length][capacity];
        double[] columns = new double[capacity];
        double[] rows = new double[capacity];
        for (int s = 0; s < coordinates.stripCount(); s++) {
            coordinates.strip(s, columns, rows);
            int count = (coordinates.stripEnd(s) - coordinates.stripStart(s)) * width;
            sampler.sample(columns, rows, count, samples, 0);
            sink.accept(samples, count, coordinates.stripStart(s) * width);
        }
    }

    /** The level a map of {@code extent} at {@code width} x {@code height} reads; -1 when it misses the coverage. */
    int levelFor(Path file, MapExtent extent, int width, int height) throws IOException {
        MapPlan plan = plan(coverages.get(file), extent, width, height);
        return plan == null ? -1 : plan.level();
    }

    /** Tiles of {@code level} decoded from {@code file} since it was opened. */
    long tilesRead(Path file, int level) throws IOException {
        return coverages.get(file).tilesRead(level);
    }

    @Override
    public Optional<PixelValues> valuesAt(Path file, MapExtent extent, int width, int height, int i, int j) throws IOException {
        if (i < 0 || i >= width || j < 0 || j >= height) {
            throw new IllegalArgumentException("pixel (" + i + ", " + j + ") is outside the " + width + "x" + height + " map");
        }
        return withCoverage(file, coverage -> valuesAt(coverage, extent, width, height, i, j));
    }

    private Optional<PixelValues> valuesAt(OpenCoverage coverage, MapExtent extent, int width, int height, int i, int j)
            throws IOException {
        GridGeometry grid = coverage.grid();
        SourceCoordinates coordinates = coordinates(coverage, extent, width, height, MAX_TRANSFORM_ERROR);
        double[] position = coordinates.exactAt(coordinates.mapX(i), coordinates.mapY(j));
        if (!(position[0] >= 0 && position[0] < grid.width() && position[1] >= 0 && position[1] < grid.height())) {
            return Optional.empty();
        }
        int column = (int) position[0];
        int row = (int) position[1];
        RasterBlock pixel = coverage.readWindow(0, column, row, 1, 1);
        Double nodata = coverage.info().spec().nodata();
        List<PixelValues.BandValue> values = new ArrayList<>();
        for (int b = 0; b < pixel.bandCount(); b++) {
            float value = pixel.get(b, 0, 0);
            boolean missing = Float.isNaN(value) || (nodata != null && value == nodata.floatValue());
            values.add(new PixelValues.BandValue(CoverageStatistics.bandName(coverage.info().spec(), b), value, missing));
        }
        double[] centre = grid.pixelToMap(column + 0.5, row + 0.5);
        return Optional.of(new PixelValues(column, row, centre[0], centre[1], grid.epsg(), values));
    }

    @Override
    public CoverageSummary summary(Path file) throws IOException {
        return withCoverage(file, coverage -> coverage.summary(CoverageStatistics::summarize));
    }

    @Override
    public double[] envelopeIn(Path file, int epsg) throws IOException {
        return envelope(coverages.get(file), epsg);
    }

    @Override
    public void evict(Path file) {
        coverages.forget(file);
    }

    /** Closes every open reader. */
    @Override
    public void close() {
        coverages.close();
    }

    @FunctionalInterface
    private interface CoverageAction<T> {
        T apply(OpenCoverage coverage) throws IOException;
    }

    /**
     * Runs {@code action} on the open {@code file}, holding its reader open meanwhile (an eviction or
     * a replacement closes it only once the requests using it are done). The JDK also closes a
     * channel when a thread reading it is interrupted, under everyone else: then the reader is
     * dropped and the action runs once more on a fresh one.
     */
    private <T> T withCoverage(Path file, CoverageAction<T> action) throws IOException {
        try {
            return once(file, action);
        } catch (IOException e) {
            if (!closedChannel(e) || Thread.currentThread().isInterrupted()) {
                throw e;
            }
            return once(file, action);
        }
    }

    private <T> T once(Path file, CoverageAction<T> action) throws IOException {
        for (int attempt = 0; ; attempt++) {
            OpenCoverage coverage = coverages.get(file);
            if (!coverage.acquire()) {
                if (attempt > 100) {
                    throw new IOException(file + " keeps being replaced or evicted");
                }
                continue;
            }
            try {
                return action.apply(coverage);
            } catch (IOException e) {
                if (closedChannel(e)) {
                    coverages.discard(coverage);
                }
                throw e;
            } finally {
                coverage.release();
            }
        }
    }

    private static boolean closedChannel(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ClosedChannelException) {
                return true;
            }
        }
        return false;
    }

    /** What one map reads: the level and where each map pixel falls. */
    private record MapPlan(int level, SourceCoordinates coordinates) {}

    /** The plan of a map, or null when the map does not reach the coverage (nothing to read). */
    private MapPlan plan(OpenCoverage coverage, MapExtent extent, int width, int height) {
        double[] envelope = envelope(coverage, extent.epsg());
        if (envelope[0] > extent.maxX() || envelope[2] < extent.minX() || envelope[1] > extent.maxY() || envelope[3] < extent.minY()) {
            return null;
        }
        SourceCoordinates probe = coordinates(coverage, extent, width, height, MAX_TRANSFORM_ERROR);
        double ratio = sourcePixelsPerMapPixel(probe, extent, envelope, width, height);
        int level = OverviewChoice.coarsestFinerThan(coverage, ratio);
        double tolerance = MAX_TRANSFORM_ERROR * coverage.levelFactor(level);
        return new MapPlan(level, coordinates(coverage, extent, width, height, tolerance));
    }

    private SourceCoordinates coordinates(OpenCoverage coverage, MapExtent extent, int width, int height, double tolerance) {
        MathTransform toCoverage = crs.transform(extent.epsg(), coverage.grid().epsg());
        double[] reach = expand(envelope(coverage, extent.epsg()), REACH_MARGIN);
        return new SourceCoordinates(extent, width, height, toCoverage, coverage.grid(), reach, tolerance);
    }

    /**
     * Full-resolution pixels per map pixel at the middle of the part of the map that shows the
     * coverage (the map centre may lie beyond it), along the finer of the two map axes.
     */
    private static double sourcePixelsPerMapPixel(SourceCoordinates probe, MapExtent extent, double[] envelope,
                                                  int width, int height) {
        double x = (Math.max(extent.minX(), envelope[0]) + Math.min(extent.maxX(), envelope[2])) / 2;
        double y = (Math.max(extent.minY(), envelope[1]) + Math.min(extent.maxY(), envelope[3])) / 2;
        double dx = extent.width() / width;
        double dy = extent.height() / height;
        double[] centre = probe.exactAt(x, y);
        double[] east = probe.exactAt(x + dx, y);
        double[] south = probe.exactAt(x, y - dy);
        double alongX = Math.hypot(east[0] - centre[0], east[1] - centre[1]);
        double alongY = Math.hypot(south[0] - centre[0], south[1] - centre[1]);
        double ratio = Math.min(alongX, alongY);
        return Double.isNaN(ratio) ? Math.max(Double.isNaN(alongX) ? 0 : alongX, Double.isNaN(alongY) ? 0 : alongY) : ratio;
    }

    private double[] envelope(OpenCoverage coverage, int epsg) {
        int coverageEpsg = coverage.grid().epsg();
        return coverage.envelope(epsg, code -> CoverageEnvelopes.of(coverage.grid(), crs.transform(coverageEpsg, code), code));
    }

    private static double[] expand(double[] box, double margin) {
        double mx = (box[2] - box[0]) * margin;
        double my = (box[3] - box[1]) * margin;
        return new double[] {box[0] - mx, box[1] - my, box[2] + mx, box[3] + my};
    }
}
