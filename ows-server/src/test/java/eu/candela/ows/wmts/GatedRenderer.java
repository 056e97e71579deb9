package eu.candela.ows.wmts;

import eu.candela.ows.render.CoverageSummary;
import eu.candela.ows.render.MapExtent;
import eu.candela.ows.render.MapImage;
import eu.candela.ows.render.MapRenderer;
import eu.candela.ows.render.MapRequest;
import eu.candela.ows.render.PixelValues;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real renderer, with its render calls counted and evictions recorded; while {@link #hold}
 * is in force, render waits at a gate the test opens, so a test can act while a tile is drawn.
 */
final class GatedRenderer implements MapRenderer {
    private final MapRenderer real;
    final AtomicInteger renders = new AtomicInteger();
    final List<Path> evicted = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private volatile CountDownLatch entered = new CountDownLatch(0);

    GatedRenderer(MapRenderer real) {
        this.real = real;
    }

    /** Makes the next renders wait until {@link #open}. */
    void hold() {
        entered = new CountDownLatch(1);
        gate = new CountDownLatch(1);
    }

    /** Waits (10 s at most) until a render reached the gate. */
    void awaitRenderAtGate() throws InterruptedException {
        if (!entered.await(10, TimeUnit.SECONDS)) throw new AssertionError("no render reached the gate");
    }

    void open() {
        gate.countDown();
    }

    @Override
    public MapImage render(MapRequest request) throws IOException {
        renders.incrementAndGet();
        entered.countDown();
        try {
            if (!gate.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("gate never opened");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return real.render(request);
    }

    @Override
    public Optional<PixelValues> valuesAt(Path coverage, MapExtent extent, int width, int height, int i, int j) throws IOException {
        return real.valuesAt(coverage, extent, width, height, i, j);
    }

    @Override
    public CoverageSummary summary(Path coverage) throws IOException {
        return real.summary(coverage);
    }

    @Override
    public double[] envelopeIn(Path coverage, int epsg) throws IOException {
        return real.envelopeIn(coverage, epsg);
    }

    @Override
    public void evict(Path coverage) {
        evicted.add(coverage);
        real.evict(coverage);
    }
}
