package eu.candela.eodata.raster;

import eu.candela.eodata.internal.tiff.FileBytes;
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
import java.util.List;

/**
 * Reads windows of the first image of a TIFF whatever its georeferencing: none at all, or only ground
 * control points, as in Sentinel-1 measurement files, which {@link GeoTiffReader} rejects because they
 * have no affine grid. Same decoding (strips or tiles, any supported compression) and the same thread
 * safety as {@link GeoTiffReader}; only the blocks a window touches are read.
 */
public final class TiffImageReader implements AutoCloseable {
    private final FileChannel channel;
    private final WindowReader reader;
    private final List<GroundControlPoint> gcps;

    /**
     * One ground control point of the ModelTiepoint tag: image position (pixel, line) and the model
     * coordinates (x, y, z) it maps to (for Sentinel-1: longitude, latitude, height).
     */
    public record GroundControlPoint(double pixel, double line, double x, double y, double z) {
    }

    private TiffImageReader(FileChannel channel, WindowReader reader, List<GroundControlPoint> gcps) {
        this.channel = channel;
        this.reader = reader;
        this.gcps = gcps;
    }

    /**
     * Opens {@code file} and reads its first full-resolution image directory.
     *
     * @throws RasterFormatException when the file is not a TIFF this reader can decode
     */
    public static TiffImageReader open(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            FileBytes raw = new FileBytes(channel, channel.size(), ByteOrder.LITTLE_ENDIAN, file.toString());
            TiffDirectoryReader.TiffFile tiff = TiffDirectoryReader.read(raw);
            if (tiff.ifds().isEmpty()) {
                throw new RasterFormatException(file + ": the TIFF file has no image directory");
            }
            Ifd ifd = tiff.ifds().get(0);
            ImageLayout layout = ImageLayout.of(ifd, tiff.file());
            double[] tiepoints = ifd.doubles(TiffTags.MODEL_TIEPOINT);
            List<GroundControlPoint> gcps = new ArrayList<>();
            for (int i = 0; i + 5 < tiepoints.length; i += 6) {
                gcps.add(new GroundControlPoint(tiepoints[i], tiepoints[i + 1], tiepoints[i + 3], tiepoints[i + 4], tiepoints[i + 5]));
            }
            return new TiffImageReader(channel, new WindowReader(tiff.file(), layout, 0f), List.copyOf(gcps));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    public int width() {
        return reader.layout().width();
    }

    public int height() {
        return reader.layout().height();
    }

    public int bandCount() {
        return reader.layout().samplesPerPixel();
    }

    /** The ground control points of the ModelTiepoint tag, empty when it has none. */
    public List<GroundControlPoint> groundControlPoints() {
        return gcps;
    }

    /** All bands of the window ({@code x}, {@code y}, {@code width}, {@code height}), which must lie inside the image. */
    public RasterBlock read(int x, int y, int width, int height) throws IOException {
        return reader.read(x, y, width, height);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
