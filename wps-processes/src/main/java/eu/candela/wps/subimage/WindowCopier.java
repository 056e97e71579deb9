package eu.candela.wps.subimage;

import eu.candela.eodata.raster.BlockGrid;
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
 * metadata ({@code SUBIMAGE_X}, {@code SUBIMAGE_Y}, {@code SOURCE}). Memory is one tile of all bands.
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
            for (BlockGrid.Window tile : BlockGrid.of(window.width(), window.height(), writer.tileSize())) {
                ctx.checkCancelled();
                RasterBlock read = source.read(window.x() + tile.x(), window.y() + tile.y(), tile.width(), tile.height());
                RasterBlock block = new RasterBlock(tile.x(), tile.y(), tile.width(), tile.height(), read.bandCount());
                for (int b = 0; b < read.bandCount(); b++) {
                    System.arraycopy(read.band(b), 0, block.band(b), 0, read.band(b).length);
                }
                writer.write(block);
            }
            writer.close();
        } catch (IOException | RuntimeException e) {
            writer.abort();
            throw e;
        }
    }
}
