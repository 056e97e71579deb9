package eu.candela.eodata.jpeg2000;

import java.awt.Point;
import java.awt.Rectangle;
import java.awt.color.ColorSpace;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.RenderedImage;
import java.awt.image.SampleModel;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Vector;

/**
 * A RenderedImage whose tiles are computed on request from a {@link TileSource}, so the JJ2000
 * encoder pulls the image tile by tile and none of it is held whole.
 */
final class LazyTiledImage implements RenderedImage {
    private final int width;
    private final int height;
    private final int tileSize;
    private final int bands;
    private final SampleModel sampleModel;
    private final TileSource source;

    LazyTiledImage(int width, int height, int bands, int dataType, int tileSize, TileSource source) {
        this.width = width;
        this.height = height;
        this.tileSize = tileSize;
        this.bands = bands;
        int[] offsets = new int[bands];
        for (int b = 0; b < bands; b++) offsets[b] = b;
        this.sampleModel = new PixelInterleavedSampleModel(dataType, tileSize, tileSize, bands, bands * tileSize, offsets);
        this.source = source;
    }

    @Override
    public Raster getTile(int tileX, int tileY) {
        return compute(new Rectangle(tileX * tileSize, tileY * tileSize, tileSize, tileSize));
    }

    @Override
    public Raster getData(Rectangle rect) {
        return compute(rect);
    }

    private Raster compute(Rectangle rect) {
        Rectangle inside = rect.intersection(new Rectangle(0, 0, width, height));
        WritableRaster raster = Raster.createWritableRaster(
                sampleModel.createCompatibleSampleModel(rect.width, rect.height), new Point(rect.x, rect.y));
        if (inside.isEmpty()) return raster;
        try {
            for (int b = 0; b < bands; b++) {
                int[] samples = source.samples(inside.x, inside.y, inside.width, inside.height, b);
                raster.setSamples(inside.x, inside.y, inside.width, inside.height, b, samples);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return raster;
    }

    @Override
    public Raster getData() {
        throw new UnsupportedOperationException("the whole image is never materialised; read it by tiles");
    }

    @Override
    public WritableRaster copyData(WritableRaster raster) {
        Raster data = compute(raster.getBounds());
        raster.setRect(data);
        return raster;
    }

    @Override public Vector<RenderedImage> getSources() { return null; }
    @Override public Object getProperty(String name) { return java.awt.Image.UndefinedProperty; }
    @Override public String[] getPropertyNames() { return null; }

    @Override
    public ColorModel getColorModel() {
        if (bands != 1) return null;
        return new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), false, false,
                ColorModel.OPAQUE, sampleModel.getDataType());
    }

    @Override public SampleModel getSampleModel() { return sampleModel; }
    @Override public int getWidth() { return width; }
    @Override public int getHeight() { return height; }
    @Override public int getMinX() { return 0; }
    @Override public int getMinY() { return 0; }
    @Override public int getNumXTiles() { return (width + tileSize - 1) / tileSize; }
    @Override public int getNumYTiles() { return (height + tileSize - 1) / tileSize; }
    @Override public int getMinTileX() { return 0; }
    @Override public int getMinTileY() { return 0; }
    @Override public int getTileWidth() { return tileSize; }
    @Override public int getTileHeight() { return tileSize; }
    @Override public int getTileGridXOffset() { return 0; }
    @Override public int getTileGridYOffset() { return 0; }

    static int dataType(int bitDepth) {
        return switch (bitDepth) {
            case 8 -> DataBuffer.TYPE_BYTE;
            case 16 -> DataBuffer.TYPE_USHORT;
            default -> throw new IllegalArgumentException("bitDepth must be 8 or 16, got " + bitDepth);
        };
    }
}
