package eu.candela.wps.sentinel2;

import eu.candela.eodata.grid.GridGeometry;
import eu.candela.eodata.raster.BlockGrid;
import eu.candela.eodata.raster.CogOptions;
import eu.candela.eodata.raster.CogWriter;
import eu.candela.eodata.raster.RasterFormatException;
import eu.candela.eodata.raster.RasterSpec;
import eu.candela.eodata.raster.SampleType;
import eu.candela.eodata.sentinel2.Sentinel2Product;
import eu.candela.wps.internal.CogWriterGroup;
import eu.candela.wps.spi.Algorithm;
import eu.candela.wps.spi.BoundingBox;
import eu.candela.wps.spi.Crs;
import eu.candela.wps.spi.EoProcess;
import eu.candela.wps.spi.InvalidInputException;
import eu.candela.wps.spi.MediaTypes;
import eu.candela.wps.spi.OptionalParam;
import eu.candela.wps.spi.Param;
import eu.candela.wps.spi.ProcessContext;
import eu.candela.wps.spi.ProductRef;
import eu.candela.wps.spi.Result;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A Sentinel-2 Level-1C or Level-2A product (SAFE folder) to one analysis-ready Cloud-Optimized
 * GeoTIFF (shared contract 3): Float32 reflectance of B02, B03, B04, B08, B05, B06, B07, B8A, B11,
 * B12 on the 10 m grid of B02, then a {@code QUALITY} band ({@link Quality}); nodata -9999 in the
 * reflectance bands wherever QUALITY is 0.
 *
 * <p>The 20 m bands and masks are brought onto the 10 m grid by nearest neighbour: the grids share
 * their corner, so each 10 m pixel lies inside exactly one 20 m pixel, and nearest keeps every
 * output value a measured one. Bilinear would blend across cloud, water and no-data edges (the
 * mask could not follow it) and change radiometry that the change detection compares between
 * dates. Memory stays flat: the output is computed block by block (one COG tile) from windows of
 * the JPEG 2000 bands, decoded in parallel. Progress goes from 0 to 95 % over the blocks, the rest
 * is the COG assembly; cancellation is checked before each block.
 */
@EoProcess(id = "Jpeg2Tiff", version = "1.0", title = "Sentinel-2 SAFE to analysis-ready COG",
        description = "Reads a Sentinel-2 Level-1C or Level-2A product of the EO archive and writes one Float32 COG: "
                + "reflectance (quantification and, from baseline 04.00, the radiometric offset applied) of B02 B03 B04 B08 "
                + "B05 B06 B07 B8A B11 B12 on the 10 m grid (20 m bands by nearest neighbour), then a QUALITY band "
                + "(0 no data, 1 clear, 2 cloud, 3 cloud shadow, 4 snow/ice, 5 water) from the SCL or the cloud masks; "
                + "nodata -9999. An optional bounding box, in any listed CRS, cuts the tile.")
public final class Jpeg2Tiff implements Algorithm<Jpeg2Tiff.In, Jpeg2Tiff.Out> {
    static final List<String> DESCRIPTIONS = List.of("B02", "B03", "B04", "B08", "B05", "B06", "B07", "B8A", "B11", "B12", "QUALITY");

    public record In(
            @Param(title = "Product", description = "Sentinel-2 SAFE folder of the EO archive, by reference to "
                    + "<server>/eodata/<path>.SAFE (or to its manifest.safe)") ProductRef product,
            @Param(title = "Area", description = "Part of the tile to keep, in the CRS given (EPSG:4326 in latitude, "
                    + "longitude order); the whole tile when omitted")
            @Crs(value = {"EPSG:4326", "urn:ogc:def:crs:OGC:1.3:CRS84", "EPSG:3857"}, wgs84UtmZones = true)
            @OptionalParam BoundingBox area) {
    }

    public record Out(
            @Result(title = "Analysis-ready image", description = "Float32 COG, 11 bands: B02 B03 B04 B08 B05 B06 B07 B8A "
                    + "B11 B12 reflectance and QUALITY; nodata -9999", mediaType = MediaTypes.COG) Path image) {
    }

    @Override
    public Out run(In in, ProcessContext ctx) throws IOException {
        Sentinel2Product product = open(in.product());
        GridGeometry tile = product.grid(10);
        BlockGrid.Window area = in.area() == null ? new BlockGrid.Window(0, 0, tile.width(), tile.height())
                : AreaWindow.of(tile, in.area(), "area");
        RasterSpec spec = new RasterSpec(tile.window(area.x(), area.y(), area.width(), area.height()), DESCRIPTIONS.size(),
                SampleType.FLOAT32, (double) ProductBands.NODATA, DESCRIPTIONS, metadata(product));
        Path target = ctx.outputDirectory().resolve(product.name().replaceFirst("(?i)\\.SAFE$", "") + ".tif");
        ctx.log().info("{}: {} baseline {}, tile {}, {} x {} pixels at 10 m from ({}, {})", product.name(), product.level().text(),
                product.metadata().processingBaseline(), product.tile().tileId(), area.width(), area.height(), area.x(), area.y());
        long writeNanos = 0;
        try (ProductBands bands = openBands(product);
             CogWriterGroup group = new CogWriterGroup()) {
            ctx.log().info("Quality from the {}", bands.describeQuality());
            CogWriter out = group.add(CogWriter.create(target, spec, CogOptions.defaults()));
            List<BlockGrid.Window> blocks = BlockGrid.of(area.width(), area.height(), out.tileSize());
            for (int i = 0; i < blocks.size(); i++) {
                ctx.checkCancelled();
                BlockGrid.Window w = blocks.get(i);
                var block = bands.read(area.x() + w.x(), area.y() + w.y(), w.width(), w.height(), w.x(), w.y());
                long start = System.nanoTime();
                out.write(block);
                writeNanos += System.nanoTime() - start;
                ctx.progress(95 * (i + 1) / blocks.size(), "block " + (i + 1) + " of " + blocks.size());
            }
            long start = System.nanoTime();
            group.commit();
            writeNanos += System.nanoTime() - start;
            ctx.log().info("Timings: decode {} s, resample and scale {} s, write {} s; peak heap {} MB",
                    seconds(bands.decodeNanos()), seconds(bands.resampleNanos()), seconds(writeNanos), peakHeapMegabytes());
        }
        return new Out(target);
    }

    private static Sentinel2Product open(ProductRef ref) throws IOException {
        try {
            return Sentinel2Product.open(ref.directory());
        } catch (RasterFormatException e) {
            throw new InvalidInputException("product", e.getMessage());
        }
    }

    private static ProductBands openBands(Sentinel2Product product) throws IOException {
        try {
            return ProductBands.open(product, Math.min(4, Runtime.getRuntime().availableProcessors()));
        } catch (RasterFormatException e) {
            throw new InvalidInputException("product", e.getMessage());
        }
    }

    private static Map<String, String> metadata(Sentinel2Product product) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("PRODUCT", product.name());
        m.put("SPACECRAFT", product.metadata().spacecraft());
        m.put("PROCESSING_LEVEL", product.level().text());
        m.put("PROCESSING_BASELINE", product.metadata().processingBaseline());
        m.put("TILE_ID", product.tile().tileId());
        m.put("SENSING_TIME", product.metadata().sensingStart().toString());
        return m;
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e9);
    }

    /** Peak heap use since the JVM started, summed over the heap pools (an upper bound of the simultaneous peak). */
    static long peakHeapMegabytes() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) bytes += pool.getPeakUsage().getUsed();
        }
        return bytes >> 20;
    }
}
