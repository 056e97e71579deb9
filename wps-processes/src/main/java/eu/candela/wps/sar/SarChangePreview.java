package eu.candela.wps.sar;

import eu.candela.eodata.raster.BlockGrid;
import eu.candela.eodata.raster.GeoTiffReader;
import eu.candela.eodata.raster.RasterBlock;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;

/**
 * A picture of the result for a person: the later date's backscatter in dB as grey (stretched
 * between its 2nd and 98th percentiles), increases in red, decreases in blue (the colours of the
 * {@code sar_change} style), no data transparent; at most {@code maxSize} pixels across, built
 * from every k-th pixel block by block.
 */
final class SarChangePreview {

    static final int INCREASE_RGB = 0xE8202A;
    static final int DECREASE_RGB = 0x1F6FE8;
    private static final int BLOCK = 512;

    private SarChangePreview() {
    }

    static void write(SarImagePair pair, Path changeMap, Path png, int maxSize) throws IOException {
        int width = pair.width(), height = pair.height();
        int step = Math.max(1, (int) Math.ceil(Math.max(width, height) / (double) maxSize));
        int pw = (width + step - 1) / step, ph = (height + step - 1) / step;
        float[] db = new float[pw * ph];
        byte[] state = new byte[pw * ph];
        Arrays.fill(state, (byte) ChangeMap.NODATA);
        try (GeoTiffReader map = GeoTiffReader.open(changeMap)) {
            for (BlockGrid.Window w : BlockGrid.of(width, height, BLOCK)) {
                HaloBlock block = pair.read(w, 0);
                RasterBlock classes = map.read(w.x(), w.y(), w.width(), w.height());
                for (int row = firstMultiple(w.y(), step); row < w.y() + w.height(); row += step) {
                    for (int col = firstMultiple(w.x(), step); col < w.x() + w.width(); col += step) {
                        int i = (row / step) * pw + col / step;
                        float intensity = block.after()[block.indexOfCore(col - w.x(), row - w.y())];
                        db[i] = (float) (10 * Math.log10(intensity));
                        state[i] = (byte) classes.get(0, col - w.x(), row - w.y());
                    }
                }
            }
        }
        float[] stretch = percentiles(db, state);
        BufferedImage image = new BufferedImage(pw, ph, BufferedImage.TYPE_INT_ARGB);
        for (int i = 0; i < state.length; i++) {
            int s = state[i] & 0xFF;
            int argb = switch (s) {
                case ChangeMap.INCREASE -> 0xFF000000 | INCREASE_RGB;
                case ChangeMap.DECREASE -> 0xFF000000 | DECREASE_RGB;
                case ChangeMap.NO_CHANGE -> {
                    int g = grey(db[i], stretch);
                    yield 0xFF000000 | g << 16 | g << 8 | g;
                }
                default -> 0;
            };
            image.setRGB(i % pw, i / pw, argb);
        }
        ImageIO.write(image, "png", png.toFile());
    }

    private static int firstMultiple(int start, int step) {
        return (start + step - 1) / step * step;
    }

    private static float[] percentiles(float[] values, byte[] state) {
        float[] valid = new float[values.length];
        int n = 0;
        for (int i = 0; i < values.length; i++) {
            if ((state[i] & 0xFF) != ChangeMap.NODATA && Float.isFinite(values[i])) valid[n++] = values[i];
        }
        if (n == 0) return new float[] {0, 1};
        Arrays.sort(valid, 0, n);
        float lo = valid[(int) (0.02 * (n - 1))], hi = valid[(int) (0.98 * (n - 1))];
        return new float[] {lo, hi > lo ? hi : lo + 1};
    }

    private static int grey(float v, float[] stretch) {
        double t = (v - stretch[0]) / (stretch[1] - stretch[0]);
        return (int) Math.round(255 * Math.max(0, Math.min(1, t)));
    }
}
