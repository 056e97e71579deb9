package eu.candela.ows.render;

/**
 * A rendered map: packed 0xAARRGGBB pixels (non-premultiplied), row by row from the top.
 */
public record MapImage(int width, int height, int[] argb) {

    public MapImage {
        if (width < 1 || height < 1 || argb.length != width * height) {
            throw new IllegalArgumentException("argb must hold width x height pixels: " + width + "x" + height
                    + " but has " + argb.length);
        }
    }

    public int pixel(int col, int row) {
        return argb[row * width + col];
    }
}
