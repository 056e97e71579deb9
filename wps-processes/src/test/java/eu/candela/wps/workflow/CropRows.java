package eu.candela.wps.workflow;

import eu.candela.eodata.raster.CogOptions;
import eu.candela.eodata.raster.CogWriter;
import eu.candela.eodata.raster.GeoTiffReader;
import eu.candela.eodata.raster.RasterBlock;
import eu.candela.eodata.raster.RasterInfo;
import eu.candela.eodata.raster.RasterSpec;
import eu.candela.wps.spi.Algorithm;
import eu.candela.wps.spi.EoProcess;
import eu.candela.wps.spi.Formats;
import eu.candela.wps.spi.InvalidInputException;
import eu.candela.wps.spi.MediaTypes;
import eu.candela.wps.spi.Param;
import eu.candela.wps.spi.ProcessContext;
import eu.candela.wps.spi.RasterRef;
import eu.candela.wps.spi.Result;
import java.nio.file.Path;

/** Test-only: cuts rows {@code fromRow .. fromRow + rows - 1} out of a raster, tile by tile, as a COG on the same grid. */
@EoProcess(id = "test.CropRows", version = "1.0", title = "Crop rows")
public final class CropRows implements Algorithm<CropRows.In, CropRows.Out> {

    public record In(@Param(title = "Raster") @Formats({MediaTypes.GEOTIFF, MediaTypes.COG}) RasterRef raster,
                     @Param(title = "First row") Integer fromRow,
                     @Param(title = "Rows") Integer rows) {
    }

    public record Out(@Result(title = "Cropped", mediaType = MediaTypes.COG) Path cropped) {
    }

    @Override
    public Out run(In in, ProcessContext ctx) throws Exception {
        Path target = ctx.outputDirectory().resolve("cropped.tif");
        try (GeoTiffReader reader = GeoTiffReader.open(in.raster().path())) {
            RasterInfo info = reader.info();
            if (in.fromRow() < 0 || in.rows() < 1 || in.fromRow() + in.rows() > info.height()) {
                throw new InvalidInputException("rows", "must select rows inside the raster's " + info.height());
            }
            RasterSpec spec = info.spec().withGrid(info.grid().window(0, in.fromRow(), info.width(), in.rows()));
            try (CogWriter writer = CogWriter.create(target, spec, CogOptions.defaults())) {
                int ts = writer.tileSize();
                for (int y = 0; y < in.rows(); y += ts) {
                    ctx.checkCancelled();
                    for (int x = 0; x < info.width(); x += ts) {
                        int w = Math.min(ts, info.width() - x);
                        int h = Math.min(ts, in.rows() - y);
                        RasterBlock source = reader.read(x, in.fromRow() + y, w, h);
                        RasterBlock tile = new RasterBlock(x, y, w, h, info.bandCount());
                        for (int b = 0; b < info.bandCount(); b++) {
                            System.arraycopy(source.band(b), 0, tile.band(b), 0, w * h);
                        }
                        writer.write(tile);
                    }
                }
            }
        }
        return new Out(target);
    }
}
