package eu.candela.ows.render;

import eu.candela.eodata.grid.GridGeometry;
import eu.candela.eodata.raster.GeoTiffReader;
import eu.candela.eodata.raster.OverviewLevel;
import eu.candela.eodata.raster.RasterBlock;
import eu.candela.eodata.raster.RasterInfo;
import eu.candela.ows.style.RasterPainter;
import eu.candela.ows.style.RasterStyle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Function;

/**
 * One opened version of a coverage file: its reader (thread-safe, so shared by all maps), its levels
 * and its tiles through the shared {@link TileCache}. Tiles are whole aligned blocks of the file, so
 * neighbouring maps reuse them; nodata samples are NaN in them.
 */
final class OpenCoverage implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OpenCoverage.class);
    /** Cache tiles for striped files or files with huge blocks, where the file's blocks make poor tiles. */
    private static final int FALLBACK_TILE = 256;
    private static final int MAX_TILE = 1024;
    private static final int MAX_PAINTERS = 64;

    private final Path file;
    private final FileStamp stamp;
    private final long generation;
    private final GeoTiffReader reader;
    private final RasterInfo info;
    private final TileCache cache;
    private final int tileWidth;
    private final int tileHeight;
    private final AtomicLongArray tilesRead;
    /** Requests using the reader now; a retired coverage closes its reader when the last one leaves. */
    private final AtomicInteger users = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean retired;
    /** Derived from this version of the file, so dropped with it: summary, envelopes per EPSG code, painters per style. */
    private volatile CoverageSummary summary;
    private final ConcurrentMap<Integer, double[]> envelopes = new ConcurrentHashMap<>();
    private final ConcurrentMap<RasterStyle, RasterPainter> painters = new ConcurrentHashMap<>();

    OpenCoverage(Path file, FileStamp stamp, long generation, GeoTiffReader reader, TileCache cache) {
        this.file = file;
        this.stamp = stamp;
        this.generation = generation;
        this.reader = reader;
        this.info = reader.info();
        this.cache = cache;
        boolean usable = info.tileWidth() <= MAX_TILE && info.tileHeight() <= MAX_TILE
                && info.tileWidth() * info.tileHeight() >= FALLBACK_TILE * 16;
        this.tileWidth = usable ? info.tileWidth() : FALLBACK_TILE;
        this.tileHeight = usable ? info.tileHeight() : FALLBACK_TILE;
        this.tilesRead = new AtomicLongArray(levelCount());
    }

    Path file() { return file; }

    FileStamp stamp() { return stamp; }

    long generation() { return generation; }

    RasterInfo info() { return info; }

    GridGeometry grid() { return info.grid(); }

    GeoTiffReader reader() { return reader; }

    int tileWidth() { return tileWidth; }

    int tileHeight() { return tileHeight; }

    /** Full resolution plus the overviews. */
    int levelCount() {
        return 1 + info.overviews().size();
    }

    int levelWidth(int level) {
        return level == 0 ? info.width() : overview(level).width();
    }

    int levelHeight(int level) {
        return level == 0 ? info.height() : overview(level).height();
    }

    /** How many full-resolution columns one column of {@code level} spans. */
    double levelFactor(int level) {
        return (double) info.width() / levelWidth(level);
    }

    /** The decoded tile (column, row) of {@code level}, from the cache or the file. */
    RasterBlock tile(int level, int column, int row) throws IOException {
        return cache.get(new TileKey(file, generation, level, column, row), () -> decode(level, column, row));
    }

    /** Tiles decoded from the file at {@code level} so far (cache misses), for tests and tuning. */
    long tilesRead(int level) {
        return tilesRead.get(level);
    }

    /** The summary, computed on first use (two computing at once is harmless: both get the same). */
    CoverageSummary summary(Summarizer summarizer) throws IOException {
        CoverageSummary known = summary;
        if (known == null) {
            known = summarizer.summarize(this);
            summary = known;
        }
        return known;
    }

    /** Computes a summary; {@link CoverageStatistics#summarize} in the renderer. */
    @FunctionalInterface
    interface Summarizer {
        CoverageSummary summarize(OpenCoverage coverage) throws IOException;
    }

    /** {minX, minY, maxX, maxY} in EPSG:{@code epsg}, computed once by {@code compute}. */
    double[] envelope(int epsg, Function<Integer, double[]> compute) {
        return envelopes.computeIfAbsent(epsg, compute).clone();
    }

    /** The painter of {@code style}, built once per style (a bounded memo: styles are few, but requests may invent many). */
    RasterPainter painter(RasterStyle style, Function<RasterStyle, RasterPainter> build) {
        if (painters.size() > MAX_PAINTERS) {
            painters.clear();
        }
        return painters.computeIfAbsent(style, build);
    }

    /** A window of {@code level} straight from the file, nodata left as stored (statistics, pixel queries). */
    RasterBlock readWindow(int level, int x, int y, int width, int height) throws IOException {
        return level == 0 ? reader.read(x, y, width, height) : reader.readOverview(level, x, y, width, height);
    }

    private RasterBlock decode(int level, int column, int row) throws IOException {
        int x = column * tileWidth;
        int y = row * tileHeight;
        int width = Math.min(tileWidth, levelWidth(level) - x);
        int height = Math.min(tileHeight, levelHeight(level) - y);
        RasterBlock block = readWindow(level, x, y, width, height);
        tilesRead.incrementAndGet(level);
        Double nodata = info.spec().nodata();
        if (nodata != null && !Double.isNaN(nodata)) {
            float marker = nodata.floatValue();
            for (int b = 0; b < block.bandCount(); b++) {
                float[] samples = block.band(b);
                for (int i = 0; i < samples.length; i++) {
                    if (samples[i] == marker) {
                        samples[i] = Float.NaN;
                    }
                }
            }
        }
        return block;
    }

    private OverviewLevel overview(int level) {
        return info.overviews().get(level - 1);
    }

    /** Registers a request using the reader; false when the coverage was retired meanwhile (get the new one). */
    boolean acquire() {
        users.incrementAndGet();
        if (retired) {
            release();
            return false;
        }
        return true;
    }

    /** Ends a request begun with a successful {@link #acquire}. */
    void release() {
        if (users.decrementAndGet() == 0 && retired) {
            closeReader();
        }
    }

    /** No new requests; the reader closes now, or when the requests using it are done. */
    @Override
    public void close() {
        retired = true;
        if (users.get() == 0) {
            closeReader();
        }
    }

    private void closeReader() {
        if (closed.compareAndSet(false, true)) {
            try {
                reader.close();
            } catch (IOException e) {
                log.warn("closing {} failed: {}", file, e.toString());
            }
        }
    }
}
