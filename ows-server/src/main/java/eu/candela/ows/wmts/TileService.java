package eu.candela.ows.wmts;

import eu.candela.ows.catalog.Catalog;
import eu.candela.ows.catalog.CoverageStoreInfo;
import eu.candela.ows.catalog.LayerInfo;
import eu.candela.ows.catalog.StyleInfo;
import eu.candela.ows.exception.OwsException;
import eu.candela.ows.exception.OwsExceptionCode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers GetTile: checks the request against the catalogue and the tile matrix set, then serves
 * the tile from the disk cache or draws it. Concurrent requests for the same missing tile draw it
 * once: the first one renders, the others wait for its result.
 */
public final class TileService {
    private record InFlightKey(TileKey key, String etag) {}

    private record LayerFile(LayerInfo layer, Path coverage) {}

    private final Catalog catalog;
    private final TileRenderer renderer;
    private final LayerExtents extents;
    /** Null when the disk cache is switched off (candela.maps.tile-cache=false). */
    private final DiskTileCache cache;
    private final Map<InFlightKey, CompletableFuture<byte[]>> inFlight = new ConcurrentHashMap<>();

    public TileService(Catalog catalog, TileRenderer renderer, LayerExtents extents, Optional<DiskTileCache> cache) {
        this.catalog = catalog;
        this.renderer = renderer;
        this.extents = extents;
        this.cache = cache.orElse(null);
    }

    public Tile getTile(GetTileRequest request) throws IOException {
        TileSource source = source(request);
        TileMatrixSet tms = TileMatrixSets.byIdentifier(request.tileMatrixSet()).orElseThrow(() ->
                OwsException.invalid("TILEMATRIXSET", "No tile matrix set '" + request.tileMatrixSet()
                        + "'; use GoogleMapsCompatible or WorldCRS84Quad"));
        TileMatrix matrix = tms.level(request.tileMatrix()).orElseThrow(() ->
                OwsException.invalid("TILEMATRIX", "Tile matrix set " + tms.identifier() + " has no tile matrix '"
                        + request.tileMatrix() + "'; use 0.." + tms.maxLevel()));
        checkInMatrix(matrix, request.row(), request.col());
        LayerInfo layer = source.layer();
        TileKey key = new TileKey(layer.workspace(), layer.name(), source.style().name(), tms.identifier(),
                Integer.parseInt(matrix.identifier()), request.row(), request.col(), request.format());
        String etag = source.etag(key);

        Optional<double[]> extent = extents.in(source.coverage(), tms);
        boolean touchesLayer = extent.flatMap(matrix::limits).map(l -> l.contains(request.row(), request.col())).orElse(false);
        if (!touchesLayer) {
            return new Tile(renderer.empty(request.format(), matrix.tileSize()), request.format(), etag, Tile.Source.EMPTY);
        }
        if (cache != null) {
            Optional<byte[]> hit = cache.read(key);
            if (hit.isPresent()) return new Tile(hit.get(), request.format(), etag, Tile.Source.CACHE);
        }
        return new Tile(renderOnce(key, etag, source, tms, matrix), request.format(), etag, Tile.Source.RENDERED);
    }

    /** Where tiles of this key live on disk; empty when the cache is off. */
    public Optional<DiskTileCache> cache() {
        return Optional.ofNullable(cache);
    }

    private byte[] renderOnce(TileKey key, String etag, TileSource source, TileMatrixSet tms, TileMatrix matrix)
            throws IOException {
        InFlightKey flight = new InFlightKey(key, etag);
        CompletableFuture<byte[]> mine = new CompletableFuture<>();
        CompletableFuture<byte[]> running = inFlight.putIfAbsent(flight, mine);
        if (running != null) return await(running);
        try {
            // another request may have stored it between our miss and taking the slot
            Optional<byte[]> stored = cache == null ? Optional.empty() : cache.read(key);
            byte[] tile = stored.isPresent() ? stored.get()
                    : renderer.render(source, tms, matrix, key.row(), key.col(), key.format());
            if (cache != null && stored.isEmpty()) {
                cache.store(key, tile, () -> source.sameRevisionAs(currentSource(source)));
            }
            mine.complete(tile);
            return tile;
        } catch (IOException | RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(flight, mine);
        }
    }

    private static byte[] await(CompletableFuture<byte[]> running) throws IOException {
        try {
            return running.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) throw io;
            if (cause instanceof RuntimeException re) throw re;
            if (cause instanceof Error err) throw err;
            throw new UncheckedIOException(new IOException(cause));
        }
    }

    /** The layer, file and style as the catalogue has them now, or null when one is gone. */
    private TileSource currentSource(TileSource drawn) {
        return layerAndFile(drawn.layer().qualifiedName())
                .flatMap(lf -> catalog.style(drawn.style().name()).map(s -> new TileSource(lf.layer(), lf.coverage(), s)))
                .orElse(null);
    }

    private TileSource source(GetTileRequest request) {
        LayerFile layerAndFile = layerAndFile(request.layer()).orElseThrow(() ->
                OwsException.invalid("LAYER", "No layer '" + request.layer() + "'"));
        LayerInfo layer = layerAndFile.layer();
        String styleName = request.wantsDefaultStyle() ? layer.defaultStyle() : request.style();
        if (!styleName.equals(layer.defaultStyle()) && !layer.styles().contains(styleName)) {
            throw OwsException.invalid("STYLE", "Layer " + layer.qualifiedName() + " has no style '" + request.style() + "'");
        }
        StyleInfo style = catalog.style(styleName).orElseThrow(() ->
                OwsException.invalid("STYLE", "No style '" + styleName + "'"));
        return new TileSource(layer, layerAndFile.coverage(), style);
    }

    /** An enabled layer of an enabled store, and the store's file. */
    private Optional<LayerFile> layerAndFile(String name) {
        Optional<LayerInfo> layer = catalog.layer(name).filter(LayerInfo::enabled);
        if (layer.isEmpty()) return Optional.empty();
        Optional<CoverageStoreInfo> store = catalog.store(layer.get().workspace(), layer.get().store())
                .filter(CoverageStoreInfo::enabled);
        return store.map(s -> new LayerFile(layer.get(), s.file()));
    }

    private static void checkInMatrix(TileMatrix matrix, long row, long col) {
        if (row < 0 || row >= matrix.matrixHeight()) {
            throw new OwsException(OwsExceptionCode.TileOutOfRange, "TILEROW", "TILEROW " + row
                    + " is outside tile matrix " + matrix.identifier() + " (0.." + (matrix.matrixHeight() - 1) + ")");
        }
        if (col < 0 || col >= matrix.matrixWidth()) {
            throw new OwsException(OwsExceptionCode.TileOutOfRange, "TILECOL", "TILECOL " + col
                    + " is outside tile matrix " + matrix.identifier() + " (0.." + (matrix.matrixWidth() - 1) + ")");
        }
    }
}
