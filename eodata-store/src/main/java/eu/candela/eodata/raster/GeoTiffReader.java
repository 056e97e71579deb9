package eu.candela.eodata.raster;

import eu.candela.eodata.grid.GridGeometry;
import eu.candela.eodata.internal.tiff.FileBytes;
import eu.candela.eodata.internal.tiff.GdalTags;
import eu.candela.eodata.internal.tiff.GeoKeys;
import eu.candela.eodata.internal.tiff.Ifd;
import eu.candela.eodata.internal.tiff.ImageLayout;
import eu.candela.eodata.internal.tiff.TiffDirectoryReader;
import eu.candela.eodata.internal.tiff.TiffTags;
import eu.candela.eodata.internal.tiff.WindowReader;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads windows of a GeoTIFF or Cloud-Optimized GeoTIFF: classic and BigTIFF, either byte order,
 * tiled or striped, chunky or planar; uncompressed, LZW, Deflate or PackBits with predictors 1-3;
 * 8/16/32-bit integer and 32/64-bit float samples, all delivered as float.
 *
 * <p>Thread-safe: every read uses positional channel reads and its own buffers, so the map server may
 * read windows of one open file from many threads. Only the blocks a window touches are read.
 */
public final class GeoTiffReader implements AutoCloseable {
    private final FileChannel channel;
    private final RasterInfo info;
    private final WindowReader fullResolution;
    private final List<WindowReader> overviews;

    private GeoTiffReader(FileChannel channel, RasterInfo info, WindowReader fullResolution, List<WindowReader> overviews) {
        this.channel = channel;
        this.info = info;
        this.fullResolution = fullResolution;
        this.overviews = overviews;
    }

    /**
     * Opens {@code file} and reads its header and directories.
     *
     * @throws RasterFormatException when the file is not a GeoTIFF this reader can read (with the reason)
     * @throws IOException when the file cannot be read
     */
    public static GeoTiffReader open(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            FileBytes bytes = new FileBytes(channel, channel.size(), ByteOrder.LITTLE_ENDIAN, file.toString());
            return parse(channel, bytes);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static GeoTiffReader parse(FileChannel channel, FileBytes raw) throws IOException {
        TiffDirectoryReader.TiffFile tiff = TiffDirectoryReader.read(raw);
        FileBytes file = tiff.file();
        List<Ifd> ifds = tiff.ifds();
        Ifd mainIfd = null;
        ImageLayout main = null;
        List<ImageLayout> reduced = new ArrayList<>();
        for (Ifd ifd : ifds) {
            long subfileType = ifd.single(TiffTags.NEW_SUBFILE_TYPE, 0);
            if (main == null) {
                if (subfileType == 0) {
                    mainIfd = ifd;
                    main = ImageLayout.of(ifd, file);
                }
                continue; // before the image: a thumbnail or mask, not ours
            }
            // Only reduced-resolution images; masks (bit 2, 1-bit GDAL masks) and further pages are skipped unparsed.
            if (subfileType != 1) {
                continue;
            }
            ImageLayout layout = ImageLayout.of(ifd, file);
            if (layout.samplesPerPixel() == main.samplesPerPixel() && layout.kind() == main.kind()) {
                reduced.add(layout);
            }
        }
        if (main == null) {
            throw new RasterFormatException(file.name() + ": the TIFF file holds only masks or reduced-resolution images");
        }
        reduced.sort(Comparator.comparingInt(ImageLayout::width).reversed());
        RasterSpec spec = spec(mainIfd, main, file.name());
        float fill = spec.nodata() == null ? 0f : spec.nodata().floatValue();
        List<WindowReader> overviewReaders = new ArrayList<>();
        List<OverviewLevel> levels = new ArrayList<>();
        for (ImageLayout layout : reduced) {
            overviewReaders.add(new WindowReader(file, layout, fill));
            levels.add(new OverviewLevel(layout.width(), layout.height()));
        }
        RasterInfo info = new RasterInfo(spec, main.blockWidth(), main.blockHeight(),
                TiffTags.compressionName(main.compression()), levels);
        return new GeoTiffReader(channel, info, new WindowReader(file, main, fill), List.copyOf(overviewReaders));
    }

    private static RasterSpec spec(Ifd ifd, ImageLayout layout, String name) throws IOException {
        GeoKeys.Georeference georeference = GeoKeys.read(ifd, name);
        Double nodata = GdalTags.parseNodata(ifd.ascii(TiffTags.GDAL_NODATA));
        GdalTags.Metadata metadata = GdalTags.parseMetadata(ifd.ascii(TiffTags.GDAL_METADATA), name);
        List<String> descriptions = new ArrayList<>();
        if (!metadata.bandDescriptions().isEmpty()) {
            for (int b = 0; b < layout.samplesPerPixel(); b++) {
                descriptions.add(metadata.bandDescriptions().getOrDefault(b, ""));
            }
        }
        try {
            GridGeometry grid = new GridGeometry(layout.width(), layout.height(), georeference.geoTransform(), georeference.epsg());
            return new RasterSpec(grid, layout.samplesPerPixel(), layout.kind().reportedType(), nodata, descriptions,
                    metadata.dataset());
        } catch (IllegalArgumentException e) {
            throw new RasterFormatException(name + ": invalid georeferencing or metadata: " + e.getMessage(), e);
        }
    }

    /** Grid, bands, sample type, nodata, metadata, block layout and overview sizes. */
    public RasterInfo info() {
        return info;
    }

    /**
     * All bands of the full-resolution window ({@code x}, {@code y}, {@code width}, {@code height}),
     * which must lie inside the image; it may straddle any number of tiles or strips.
     */
    public RasterBlock read(int x, int y, int width, int height) throws IOException {
        return fullResolution.read(x, y, width, height);
    }

    /** Number of reduced-resolution levels in the file. */
    public int overviewCount() {
        return overviews.size();
    }

    /**
     * A window of overview {@code level} (1 = the largest overview), in that level's pixel grid
     * (see {@link RasterInfo#overviews()} for its size and {@link GridGeometry#withSize} for its grid).
     */
    public RasterBlock readOverview(int level, int x, int y, int width, int height) throws IOException {
        if (level < 1 || level > overviews.size()) {
            throw new IllegalArgumentException("overview level must be between 1 and " + overviews.size() + ", got " + level);
        }
        return overviews.get(level - 1).read(x, y, width, height);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
