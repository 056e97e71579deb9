package eu.candela.eodata.raster;

import eu.candela.eodata.internal.tiff.CogAssembler;
import eu.candela.eodata.internal.tiff.CogTags;
import eu.candela.eodata.internal.tiff.IfdBuilder;
import eu.candela.eodata.internal.tiff.LevelIndex;
import eu.candela.eodata.internal.tiff.OverviewBuilder;
import eu.candela.eodata.internal.tiff.SampleKind;
import eu.candela.eodata.internal.tiff.TiffTags;
import eu.candela.eodata.internal.tiff.TileCodec;
import eu.candela.eodata.internal.tiff.TileSpool;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes a Cloud-Optimized GeoTIFF tile by tile.
 *
 * <p>Memory stays flat whatever the raster size: each {@link #write} encodes its tile and appends it
 * to a temporary spool file next to the target, keeping only the tile's position (a few bytes per
 * tile). {@link #close} builds each overview from the level above, four source tiles per output tile,
 * then copies the compressed tiles into the COG layout (see {@link CogAssembler}) under a temporary name
 * and atomically renames it to the target, so a crashed writer never leaves a half file under that name.
 *
 * <p>Blocks may arrive in any order, from one thread at a time. Not thread-safe.
 */
public final class CogWriter implements AutoCloseable {
    private final Path target;
    private final RasterSpec spec;
    private final CogOptions options;
    private final boolean forceBigTiff;
    private final TileCodec codec;
    private final CogTags tags;
    private final TileSpool spool;
    private final LevelIndex fullResolution;
    private final StatisticsAccumulator[] statistics;
    private boolean closed;
    private boolean finished;

    private CogWriter(Path target, RasterSpec spec, CogOptions options, boolean forceBigTiff) throws IOException {
        this.target = target;
        this.spec = spec;
        this.options = options;
        this.forceBigTiff = forceBigTiff;
        int compression = options.compression() == Compression.DEFLATE ? TiffTags.COMPRESSION_DEFLATE : TiffTags.COMPRESSION_NONE;
        float fill = spec.nodata() == null ? 0f : spec.nodata().floatValue();
        this.codec = new TileCodec(options.tileSize(), spec.bandCount(), SampleKind.of(spec.sampleType()), compression, fill);
        this.tags = new CogTags(spec, codec);
        this.fullResolution = new LevelIndex(spec.width(), spec.height(), options.tileSize());
        this.statistics = new StatisticsAccumulator[spec.bandCount()];
        for (int b = 0; b < statistics.length; b++) {
            statistics[b] = new StatisticsAccumulator();
        }
        this.spool = TileSpool.create(directoryOf(target), target.getFileName().toString());
    }

    /**
     * Starts writing {@code target} (replaced when {@link #close} succeeds).
     *
     * @throws eu.candela.eodata.grid.UnknownCrsException when the spec's EPSG code cannot be resolved
     * @throws IOException when the temporary spool cannot be created next to the target
     */
    public static CogWriter create(Path target, RasterSpec spec, CogOptions options) throws IOException {
        return create(target, spec, options, false);
    }

    /** As {@link #create(Path, RasterSpec, CogOptions)}; {@code forceBigTiff} exists for tests, which cannot write 4 GiB. */
    static CogWriter create(Path target, RasterSpec spec, CogOptions options, boolean forceBigTiff) throws IOException {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(options, "options");
        return new CogWriter(target.toAbsolutePath(), spec, options, forceBigTiff);
    }

    public int tileSize() {
        return options.tileSize();
    }

    /** The spec being written. */
    public RasterSpec spec() {
        return spec;
    }

    /**
     * Encodes and spools one tile. The block must be tile-aligned: x and y multiples of
     * {@link #tileSize()}, width and height the tile size or clipped at the raster's right and bottom
     * edges, with all bands; each tile may be written once. Values are rounded and clamped to the
     * sample type.
     *
     * @throws IllegalArgumentException naming the offending value when the block does not fit a tile
     */
    public void write(RasterBlock block) throws IOException {
        if (closed) {
            throw new IllegalStateException("the writer of " + target + " is closed");
        }
        int ts = options.tileSize();
        checkBlock(block, ts);
        int tx = block.x() / ts;
        int ty = block.y() / ts;
        if (fullResolution.has(tx, ty)) {
            throw new IllegalArgumentException("tile (" + tx + ", " + ty + ") at x=" + block.x() + " y=" + block.y() + " was already written");
        }
        float[] tile = codec.emptyTile();
        int bands = spec.bandCount();
        SampleKind kind = codec.kind();
        float nodata = spec.nodata() == null ? Float.NaN : spec.nodata().floatValue();
        float[] stored = new float[block.width() * block.height()];
        for (int b = 0; b < bands; b++) {
            float[] source = block.band(b);
            for (int i = 0; i < stored.length; i++) {
                stored[i] = kind.toStored(source[i]);
            }
            statistics[b].add(stored, stored.length, nodata);
            for (int row = 0; row < block.height(); row++) {
                int from = row * block.width();
                int to = row * ts * bands + b;
                for (int col = 0; col < block.width(); col++) {
                    tile[to + col * bands] = stored[from + col];
                }
            }
        }
        byte[] encoded = codec.encode(tile);
        fullResolution.put(tx, ty, spool.append(encoded), encoded.length);
    }

    /**
     * Statistics of the valid samples (neither nodata nor NaN) of band {@code band} as written
     * (after rounding to the sample type). Tiles never written are not counted. Available after close.
     */
    public BandStatistics statistics(int band) {
        if (!finished) {
            throw new IllegalStateException("statistics are available once close() has written the file");
        }
        Objects.checkIndex(band, statistics.length);
        return statistics[band].result();
    }

    /**
     * Fills tiles never written with nodata (or 0), builds the overviews, writes the COG and moves it to
     * the target. Temporary files are deleted whatever happens. Calling it again does nothing.
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        Path part = null;
        try (spool; codec) {
            fillMissingTiles();
            List<LevelIndex> levels = buildOverviews();
            List<IfdBuilder> ifds = new ArrayList<>();
            ifds.add(tags.fullResolution());
            for (LevelIndex level : levels.subList(1, levels.size())) {
                ifds.add(tags.overview(level.width(), level.height()));
            }
            part = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".part");
            CogAssembler.assemble(part, spool, levels, ifds, forceBigTiff);
            moveIntoPlace(part);
            part = null;
            finished = true;
        } finally {
            if (part != null) {
                Files.deleteIfExists(part);
            }
        }
    }

    /** Gives up: deletes the temporary files and leaves the target untouched. */
    public void abort() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (spool; codec) {
            // closing both is all there is to do
        }
    }

    private void checkBlock(RasterBlock block, int ts) {
        if (block.bandCount() != spec.bandCount()) {
            throw new IllegalArgumentException("block has " + block.bandCount() + " bands, the raster " + spec.bandCount());
        }
        if (block.x() % ts != 0 || block.x() >= spec.width()) {
            throw new IllegalArgumentException("block x=" + block.x() + " must be a multiple of the tile size " + ts
                    + " below the raster width " + spec.width());
        }
        if (block.y() % ts != 0 || block.y() >= spec.height()) {
            throw new IllegalArgumentException("block y=" + block.y() + " must be a multiple of the tile size " + ts
                    + " below the raster height " + spec.height());
        }
        int expectedWidth = Math.min(ts, spec.width() - block.x());
        if (block.width() != expectedWidth) {
            throw new IllegalArgumentException("block width=" + block.width() + " at x=" + block.x() + " must be " + expectedWidth);
        }
        int expectedHeight = Math.min(ts, spec.height() - block.y());
        if (block.height() != expectedHeight) {
            throw new IllegalArgumentException("block height=" + block.height() + " at y=" + block.y() + " must be " + expectedHeight);
        }
    }

    /** Spools one fill tile and points every missing tile at it; the assembler copies it for each. */
    private void fillMissingTiles() throws IOException {
        long position = -1;
        byte[] encoded = null;
        for (int ty = 0; ty < fullResolution.tilesDown(); ty++) {
            for (int tx = 0; tx < fullResolution.tilesAcross(); tx++) {
                if (!fullResolution.has(tx, ty)) {
                    if (encoded == null) {
                        encoded = codec.encode(codec.emptyTile());
                        position = spool.append(encoded);
                    }
                    fullResolution.put(tx, ty, position, encoded.length);
                }
            }
        }
    }

    /** Full resolution first, then levels halving until both dimensions fit one tile (as GDAL's COG driver). */
    private List<LevelIndex> buildOverviews() throws IOException {
        List<LevelIndex> levels = new ArrayList<>();
        levels.add(fullResolution);
        OverviewBuilder builder = new OverviewBuilder(spool, codec,
                options.overviewResampling() == OverviewResampling.AVERAGE, spec.nodata());
        LevelIndex level = fullResolution;
        while (level.width() > options.tileSize() || level.height() > options.tileSize()) {
            level = builder.reduce(level);
            levels.add(level);
        }
        return levels;
    }

    private void moveIntoPlace(Path part) throws IOException {
        try {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static Path directoryOf(Path target) throws IOException {
        Path directory = target.getParent();
        if (directory == null || !Files.isDirectory(directory)) {
            throw new IOException("the directory of " + target + " does not exist");
        }
        return directory;
    }
}
