package eu.candela.ows.wmts;

import eu.candela.ows.render.Interpolation;
import eu.candela.ows.render.MapExtent;
import eu.candela.ows.render.MapImage;
import eu.candela.ows.render.MapImageWriter;
import eu.candela.ows.render.MapRenderer;
import eu.candela.ows.render.MapRequest;
import eu.candela.ows.render.OutputFormat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Draws and encodes one tile through the {@link MapRenderer}: nearest-neighbour samples, as tiles
 * of data should show the data's own pixels; PNG tiles are transparent where there is no data,
 * JPEG tiles white.
 */
public final class TileRenderer {
    static final int JPEG_BACKGROUND = 0xFFFFFF;

    private final MapRenderer renderer;
    private final Map<String, byte[]> emptyTiles = new ConcurrentHashMap<>();

    public TileRenderer(MapRenderer renderer) {
        this.renderer = renderer;
    }

    byte[] render(TileSource source, TileMatrixSet tms, TileMatrix matrix, long row, long col, OutputFormat format)
            throws IOException {
        double[] b = matrix.tileBounds(row, col);
        MapExtent extent = new MapExtent(b[0], b[1], b[2], b[3], tms.epsg());
        boolean transparent = format != OutputFormat.JPEG;
        MapImage image = renderer.render(new MapRequest(source.coverage(), extent, matrix.tileSize(), matrix.tileSize(),
                source.style().style(), Interpolation.NEAREST, transparent, JPEG_BACKGROUND));
        return encode(image, format);
    }

    /** A tile without data: fully transparent PNG or white JPEG, encoded once per format and size. */
    byte[] empty(OutputFormat format, int tileSize) {
        return emptyTiles.computeIfAbsent(format + "/" + tileSize, k -> {
            int fill = format == OutputFormat.JPEG ? 0xFF000000 | JPEG_BACKGROUND : 0;
            int[] argb = new int[tileSize * tileSize];
            java.util.Arrays.fill(argb, fill);
            try {
                return encode(new MapImage(tileSize, tileSize, argb), format);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).clone();
    }

    private static byte[] encode(MapImage image, OutputFormat format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        MapImageWriter.write(image, format, JPEG_BACKGROUND, out);
        return out.toByteArray();
    }
}
