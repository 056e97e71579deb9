package eu.candela.wps.subimage;

import eu.candela.eodata.raster.CogOptions;
import eu.candela.eodata.raster.CogWriter;
import eu.candela.eodata.raster.GeoTiffReader;
import eu.candela.eodata.raster.OverviewResampling;
import eu.candela.eodata.raster.RasterBlock;
import eu.candela.eodata.raster.RasterSpec;
import eu.candela.eodata.raster.SampleType;
import eu.candela.wps.spi.ProcessContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Copies a window of a GeoTIFF into a COG of its own, tile by tile: all bands, sample type, nodata,
 * band descriptions and metadata kept, the grid cut to the window, and the window recorded in the
 * metadata ({@code SUBIMAGE_X}, {@code SUBIMAGE_Y}, {@code SOURCE}). Memory is one row of tiles of
 * the sub-image, all bands (2048 x 512 x 11 floats = 46 MB for a Jpeg2Tiff scene in 2048 px sub-images).
 */
final class WindowCopier {

    private WindowCopier() {
    }

    static void copy(GeoTiffReader source, Path sourceName, SubImageLayout.Window window, Path target, ProcessContext ctx)
            throws IOException {
        RasterSpec spec = source.info().spec();
        Map<String, String> metadata = new LinkedHashMap<>(spec.metadata());
        metadata.put("SUBIMAGE_X", Integer.toString(window.x()));
        metadata.put("SUBIMAGE_Y", Integer.toString(window.y()));
        metadata.put("SOURCE", sourceName.getFileName().toString());
        RasterSpec cut = spec.withGrid(spec.grid().window(window.x(), window.y(), window.width(), window.height()))
                .withMetadata(metadata);
        // Class codes (QUALITY, masks) must not be averaged in the overviews.
        CogOptions options = spec.sampleType() == SampleType.UINT8
                ? CogOptions.defaults().withOverviewResampling(OverviewResampling.NEAREST) : CogOptions.defaults();
        CogWriter writer = CogWriter.create(target, cut, options);
        try {
            int ts = writer.tileSize();
            for (int y = 0; y < window.height(); y += ts) {
                ctx.checkCancelled();
                int h = Math.min(ts, window.height() - y);
                // One read per row of target tiles: the window is rarely aligned to the source's tiles,
                // and a strip decodes each source tile it meets once instead of once per target tile.
                RasterBlock strip = source.read(window.x(), window.y() + y, window.width(), h);
                for (int x = 0; x < window.width(); x += ts) {
                    int w = Math.min(ts, window.width() - x);
                    RasterBlock block = new RasterBlock(x, y, w, h, strip.bandCount());
                    for (int b = 0; b < strip.bandCount(); b++) {
                        float[] from = strip.band(b);
                        float[] to = block.band(b);
                        for (int r = 0; r < h; r++) {
                            System.arraycopy(from, r * window.width() + x, to, r * w, w);
                        }
                    }
                    writer.write(block);
                }
            }
            writer.close();
        } catch (IOException | RuntimeException e) {
            writer.abort();
            throw e;
        }
    }
}
