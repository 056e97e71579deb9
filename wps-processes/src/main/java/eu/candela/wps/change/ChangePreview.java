package eu.candela.wps.change;

import eu.candela.eodata.raster.BlockGrid;
import eu.candela.eodata.raster.GeoTiffReader;
import eu.candela.eodata.raster.RasterBlock;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A picture of the result for a person: the later scene in natural colours (bands 3, 2, 1, as
 * B04, B03, B02 in the sample and Sentinel-2 stacks; grey from band 1 when there are fewer bands)
 * with the changed pixels in red and no-data transparent, at most {@code maxSize} pixels across.
 * Built block by block from every k-th pixel, so memory is bounded by the picture, not the scene.
 */
public final class ChangePreview {
    private static final int BLOCK = 512;
    private static final int CHANGE_RGB = 0xE8202A;

    private ChangePreview() {}

    /** Writes the PNG of {@code mask} over {@code after} (block by block), at most {@code maxSize} pixels across. */
    public static void write(Path after, Path mask, Path png, int maxSize) throws IOException {
        try (GeoTiffReader scene = GeoTiffReader.open(after); GeoTiffReader changes = GeoTiffReader.open(mask)) {
            int width = scene.info().width(), height = scene.info().height();
            int step = Math.max(1, (int) Math.ceil(Math.max(width, height) / (double) maxSize));
            int pw = (width + step - 1) / step, ph = (height + step - 1) / step;
            int[] bands = scene.info().bandCount() >= 3 ? new int[] {2, 1, 0} : new int[] {0, 0, 0};
            Double nodata = scene.info().spec().nodata();
            float[][] rgb = new float[3][pw * ph];
            byte[] state = new byte[pw * ph]; // 0 no data, 1 unchanged, 2 changed
            for (BlockGrid.Window w : BlockGrid.of(width, height, BLOCK)) {
                RasterBlock s = scene.read(w.x(), w.y(), w.width(), w.height());
                RasterBlock m = changes.read(w.x(), w.y(), w.width(), w.height());
                for (int row = firstMultiple(w.y(), step); row < w.y() + w.height(); row += step) {
                    for (int col = firstMultiple(w.x(), step); col < w.x() + w.width(); col += step) {
                        int i = (row / step) * pw + col / step;
                        float flag = m.get(0, col - w.x(), row - w.y());
                        boolean valid = flag == 0f || flag == 1f;
                        for (int c = 0; c < 3; c++) {
                            float v = s.get(bands[c], col - w.x(), row - w.y());
                            valid &= !Float.isNaN(v) && (nodata == null || v != nodata.floatValue());
                            rgb[c][i] = v;
                        }
                        state[i] = (byte) (!valid ? 0 : flag == 1f ? 2 : 1);
                    }
                }
            }
            BufferedImage image = new BufferedImage(pw, ph, BufferedImage.TYPE_INT_ARGB);
            float[][] stretch = new float[3][];
            for (int c = 0; c < 3; c++) stretch[c] = percentiles(rgb[c], state);
            for (int i = 0; i < state.length; i++) {
                int argb = 0;
                if (state[i] == 2) {
                    argb = 0xFF000000 | CHANGE_RGB;
                } else if (state[i] == 1) {
                    argb = 0xFF000000 | scale(rgb[0][i], stretch[0]) << 16 | scale(rgb[1][i], stretch[1]) << 8 | scale(rgb[2][i], stretch[2]);
                }
                image.setRGB(i % pw, i / pw, argb);
            }
            ImageIO.write(image, "png", png.toFile());
        }
    }

    private static int firstMultiple(int start, int step) {
        return (start + step - 1) / step * step;
    }

    /** The 2nd and 98th percentiles of the valid values: a contrast stretch that ignores a few bright roofs and clouds. */
    private static float[] percentiles(float[] values, byte[] state) {
        float[] valid = new float[values.length];
        int n = 0;
        for (int i = 0; i < values.length; i++) if (state[i] != 0) valid[n++] = values[i];
        if (n == 0) return new float[] {0, 1};
        Arrays.sort(valid, 0, n);
        float lo = valid[(int) (0.02 * (n - 1))], hi = valid[(int) (0.98 * (n - 1))];
        return new float[] {lo, hi > lo ? hi : lo + 1};
    }

    private static int scale(float v, float[] stretch) {
        double t = (v - stretch[0]) / (stretch[1] - stretch[0]);
        return (int) Math.round(255 * Math.pow(Math.max(0, Math.min(1, t)), 1 / 1.4)); // mild gamma: darker scenes read better
    }
}
