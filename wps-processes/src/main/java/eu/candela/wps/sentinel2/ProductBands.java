package eu.candela.wps.sentinel2;

import eu.candela.eodata.grid.GridGeometry;
import eu.candela.eodata.jpeg2000.Jp2Reader;
import eu.candela.eodata.raster.RasterBlock;
import eu.candela.eodata.raster.RasterFormatException;
import eu.candela.eodata.sentinel2.RadiometricScale;
import eu.candela.eodata.sentinel2.Sentinel2Band;
import eu.candela.eodata.sentinel2.Sentinel2Product;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads windows of a product's ten bands and its quality on the 10 m grid: decodes the JPEG 2000
 * windows of all bands in parallel (one reader per band, so each reader stays on one thread at a
 * time), then scales DN to reflectance and brings the 20 m bands onto the 10 m grid by nearest
 * neighbour. Keeps the time spent decoding and resampling, for the job log and the benchmark.
 */
final class ProductBands implements AutoCloseable {
    /** Output band order of shared contract 3. */
    static final List<Sentinel2Band> BANDS = List.of(Sentinel2Band.B02, Sentinel2Band.B03, Sentinel2Band.B04,
            Sentinel2Band.B08, Sentinel2Band.B05, Sentinel2Band.B06, Sentinel2Band.B07, Sentinel2Band.B8A,
            Sentinel2Band.B11, Sentinel2Band.B12);
    static final float NODATA = -9999f;

    private final Jp2Reader[] readers;
    private final RadiometricScale[] scales;
    private final int[] factors;
    private final int nodataDn;
    private final QualitySource quality;
    private final ExecutorService pool;
    private long decodeNanos;
    private long resampleNanos;

    private ProductBands(Jp2Reader[] readers, RadiometricScale[] scales, int[] factors, int nodataDn,
                         QualitySource quality, int threads) {
        this.readers = readers;
        this.scales = scales;
        this.factors = factors;
        this.nodataDn = nodataDn;
        this.quality = quality;
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "jpeg2000-decode");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Opens the band files and the quality mask of {@code product}, checking each band's size
     * against the tile geocoding.
     *
     * @param threads decoding threads, at least 1
     */
    static ProductBands open(Sentinel2Product product, int threads) throws IOException {
        Jp2Reader[] readers = new Jp2Reader[BANDS.size()];
        RadiometricScale[] scales = new RadiometricScale[BANDS.size()];
        int[] factors = new int[BANDS.size()];
        QualitySource quality = null;
        try {
            for (int b = 0; b < readers.length; b++) {
                Sentinel2Band band = BANDS.get(b);
                readers[b] = Jp2Reader.open(product.bandFile(band));
                GridGeometry grid = product.grid(band.resolution());
                if (readers[b].width() != grid.width() || readers[b].height() != grid.height()) {
                    throw new RasterFormatException(product.name() + ": band " + band + " is " + readers[b].width() + " x "
                            + readers[b].height() + " pixels but the tile geocoding says " + grid.width() + " x " + grid.height());
                }
                scales[b] = product.scale(band);
                factors[b] = band.resolution() / 10;
            }
            quality = QualitySource.of(product);
            return new ProductBands(readers, scales, factors, product.metadata().nodata(), quality, Math.max(1, threads));
        } catch (IOException | RuntimeException e) {
            for (Jp2Reader r : readers) if (r != null) r.close();
            if (quality != null) quality.close();
            throw e;
        }
    }

    String describeQuality() {
        return quality.describe();
    }

    long decodeNanos() { return decodeNanos; }

    long resampleNanos() { return resampleNanos; }

    /**
     * The ten reflectance bands and the quality of the 10 m window ({@code x}, {@code y}, {@code w},
     * {@code h}) of the tile, as a block placed at ({@code outX}, {@code outY}) of the output.
     */
    RasterBlock read(int x, int y, int w, int h, int outX, int outY) throws IOException {
        long start = System.nanoTime();
        List<Callable<int[]>> tasks = new ArrayList<>();
        for (int b = 0; b < readers.length; b++) {
            Jp2Reader reader = readers[b];
            int f = factors[b];
            tasks.add(() -> reader.read(x / f, y / f, (x + w - 1) / f - x / f + 1, (y + h - 1) / f - y / f + 1, 0));
        }
        tasks.add(() -> quality.quality(x, y, w, h));
        int[][] raw = all(tasks);
        long decoded = System.nanoTime();
        decodeNanos += decoded - start;

        RasterBlock block = new RasterBlock(outX, outY, w, h, BANDS.size() + 1);
        int[] q = raw[readers.length];
        float[] out = block.band(BANDS.size());
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                int i = r * w + c;
                int code = q[i];
                for (int b = 0; b < readers.length && code != Quality.NODATA; b++) {
                    if (raw[b][index(b, x, y, w, c, r)] == nodataDn) code = Quality.NODATA;
                }
                out[i] = code;
                for (int b = 0; b < readers.length; b++) {
                    block.band(b)[i] = code == Quality.NODATA ? NODATA : scales[b].reflectance(raw[b][index(b, x, y, w, c, r)]);
                }
            }
        }
        resampleNanos += System.nanoTime() - decoded;
        return block;
    }

    /** Index in band {@code b}'s decoded window of the sample under 10 m pixel (c, r) of the window at (x, y). */
    private int index(int b, int x, int y, int w, int c, int r) {
        int f = factors[b];
        if (f == 1) return r * w + c;
        int rowWidth = (x + w - 1) / f - x / f + 1;
        return ((y + r) / f - y / f) * rowWidth + (x + c) / f - x / f;
    }

    private int[][] all(List<Callable<int[]>> tasks) throws IOException {
        try {
            List<Future<int[]>> futures = pool.invokeAll(tasks);
            int[][] results = new int[futures.size()][];
            for (int i = 0; i < results.length; i++) results[i] = futures.get(i).get();
            return results;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            if (e.getCause() instanceof UncheckedIOException io) throw io.getCause();
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException("decoding failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while decoding", e);
        }
    }

    @Override
    public void close() throws IOException {
        pool.shutdownNow();
        IOException first = null;
        for (Jp2Reader r : readers) {
            try {
                r.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        quality.close();
        if (first != null) throw first;
    }
}
