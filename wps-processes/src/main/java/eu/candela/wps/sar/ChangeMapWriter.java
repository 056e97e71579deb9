package eu.candela.wps.sar;

import eu.candela.eodata.raster.CogOptions;
import eu.candela.eodata.raster.CogWriter;
import eu.candela.eodata.raster.OverviewResampling;
import eu.candela.eodata.raster.RasterBlock;
import eu.candela.eodata.raster.RasterSpec;
import eu.candela.eodata.raster.SampleType;
import eu.candela.eodata.grid.GridGeometry;
import eu.candela.wps.internal.CogWriterGroup;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The three raster outputs written tile by tile: the change map (UInt8: 0 no change, 1 increase,
 * 2 decrease, 255 no data), the change probability (Float32, -1 no data) and the change index
 * (Float32, -9999 no data). They succeed or fail together.
 */
final class ChangeMapWriter implements AutoCloseable {

    /** Pixel counts of the change map. */
    record Counts(long noChange, long increase, long decrease, long nodata) {
        long valid() { return noChange + increase + decrease; }
    }

    private final CogWriterGroup group = new CogWriterGroup();
    private final CogWriter map;
    private final CogWriter probability;
    private final CogWriter index;
    private final long[] counts = new long[3];
    private long nodata;

    ChangeMapWriter(GridGeometry grid, Path mapFile, Path probabilityFile, Path indexFile, String indexName,
                    Map<String, String> metadata, int tileSize) throws IOException {
        CogOptions options = CogOptions.defaults().withTileSize(tileSize);
        map = group.add(CogWriter.create(mapFile, new RasterSpec(grid, 1, SampleType.UINT8, (double) ChangeMap.NODATA,
                List.of("change: 0 no change, 1 increase, 2 decrease"), metadata),
                options.withOverviewResampling(OverviewResampling.NEAREST)));
        probability = group.add(CogWriter.create(probabilityFile, new RasterSpec(grid, 1, SampleType.FLOAT32,
                (double) ChangeMap.PROBABILITY_NODATA, List.of("change probability"), metadata), options));
        index = group.add(CogWriter.create(indexFile, new RasterSpec(grid, 1, SampleType.FLOAT32, (double) ChangeMap.INDEX_NODATA,
                List.of(indexName), metadata), options));
    }

    /** Writes the core of {@code block}: classes and probabilities per core pixel, the index over the block's extent. */
    void write(HaloBlock block, float[] indexValues, byte[] classes, float[] probabilities) throws IOException {
        int ts = map.tileSize();
        var core = block.core();
        for (int ty = 0; ty < core.height(); ty += ts) {
            for (int tx = 0; tx < core.width(); tx += ts) {
                int w = Math.min(ts, core.width() - tx);
                int h = Math.min(ts, core.height() - ty);
                RasterBlock m = new RasterBlock(core.x() + tx, core.y() + ty, w, h, 1);
                RasterBlock p = new RasterBlock(core.x() + tx, core.y() + ty, w, h, 1);
                RasterBlock x = new RasterBlock(core.x() + tx, core.y() + ty, w, h, 1);
                for (int r = 0; r < h; r++) {
                    for (int c = 0; c < w; c++) {
                        int coreIndex = (ty + r) * core.width() + tx + c;
                        float v = indexValues[block.indexOfCore(tx + c, ty + r)];
                        int t = r * w + c;
                        x.band(0)[t] = Float.isNaN(v) ? ChangeMap.INDEX_NODATA : v;
                        if (Float.isNaN(v)) {
                            m.band(0)[t] = ChangeMap.NODATA;
                            p.band(0)[t] = ChangeMap.PROBABILITY_NODATA;
                            nodata++;
                        } else {
                            m.band(0)[t] = classes[coreIndex];
                            p.band(0)[t] = probabilities[coreIndex];
                            counts[classes[coreIndex]]++;
                        }
                    }
                }
                map.write(m);
                probability.write(p);
                index.write(x);
            }
        }
    }

    Counts counts() {
        return new Counts(counts[ChangeMap.NO_CHANGE], counts[ChangeMap.INCREASE], counts[ChangeMap.DECREASE], nodata);
    }

    /** Builds the files (overviews, COG layout). */
    void commit() throws IOException {
        group.commit();
    }

    /** Aborts unless committed. */
    @Override
    public void close() throws IOException {
        group.close();
    }
}
