package eu.candela.wps.subimage;

import eu.candela.eodata.grid.GridGeometry;
import eu.candela.eodata.raster.GeoTiffReader;
import eu.candela.eodata.raster.RasterInfo;
import eu.candela.wps.spi.InvalidInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where each sub-image lies in the mosaic, found from its own georeference (so results may come in
 * any order), and how much of it each neighbour overlaps on each side: the width of the feathering
 * ramp there. Edges on the mosaic's border have no neighbour and are not feathered.
 */
final class MosaicLayout {

    /**
     * One sub-image placed in the mosaic grid.
     *
     * @param left   pixels of this window a neighbour on its left also covers (0: none); likewise the others
     */
    record Placed(Path file, int x, int y, int width, int height, int left, int right, int top, int bottom) {

        boolean covers(int col, int row) {
            return col >= x && col < x + width && row >= y && row < y + height;
        }

        /**
         * Feathering weight at mosaic pixel (col, row), in (0, 1]: rising linearly from the pixel
         * next to an overlapped edge to 1 where the overlap ends, the product of the two axes.
         * Every pixel keeps a positive weight, so a pixel only one window covers gets that window's value.
         */
        double weight(int col, int row) {
            return ramp(col - x, width, left, right) * ramp(row - y, height, top, bottom);
        }

        /** Distance to the nearest overlapped edge (large where none): the window owning a pixel is the one it is deepest in. */
        double depth(int col, int row) {
            double d = Double.MAX_VALUE;
            if (left > 0) d = Math.min(d, col - x + 0.5);
            if (right > 0) d = Math.min(d, x + width - col - 0.5);
            if (top > 0) d = Math.min(d, row - y + 0.5);
            if (bottom > 0) d = Math.min(d, y + height - row - 0.5);
            return d;
        }

        private static double ramp(int i, int size, int before, int after) {
            double w = 1;
            if (before > 0) w = Math.min(w, (i + 0.5) / before);
            if (after > 0) w = Math.min(w, (size - i - 0.5) / after);
            return w;
        }
    }

    private final GridGeometry grid;
    private final List<Placed> placed;

    private MosaicLayout(GridGeometry grid, List<Placed> placed) {
        this.grid = grid;
        this.placed = List.copyOf(placed);
    }

    GridGeometry grid() { return grid; }

    List<Placed> placed() { return placed; }

    /**
     * Places {@code files} in {@code target}, or in the union of their extents when {@code target}
     * is null. They must share the CRS and pixel size and lie on one pixel lattice.
     */
    static MosaicLayout of(List<Path> files, GridGeometry target, String inputId) throws IOException {
        List<GridGeometry> grids = new ArrayList<>();
        for (Path file : files) {
            try (GeoTiffReader reader = GeoTiffReader.open(file)) {
                RasterInfo info = reader.info();
                grids.add(info.grid());
            }
        }
        GridGeometry first = grids.get(0);
        GridGeometry mosaic = target != null ? target : union(grids);
        List<int[]> windows = new ArrayList<>();
        for (int i = 0; i < grids.size(); i++) {
            GridGeometry g = grids.get(i);
            String name = files.get(i).getFileName().toString();
            if (g.epsg() != mosaic.epsg() || Math.abs(g.pixelSizeX() - mosaic.pixelSizeX()) > 1e-6 * Math.abs(mosaic.pixelSizeX())
                    || Math.abs(g.pixelSizeY() - mosaic.pixelSizeY()) > 1e-6 * Math.abs(mosaic.pixelSizeY()) || !g.isNorthUp()) {
                throw new InvalidInputException(inputId, "'" + name + "' is not on the grid of '" + files.get(0).getFileName()
                        + "' (" + g + " against " + first + "); sub-images must share CRS and pixel size");
            }
            double[] p = mosaic.mapToPixel(g.geoTransform()[0], g.geoTransform()[3]);
            long x = Math.round(p[0]);
            long y = Math.round(p[1]);
            if (Math.abs(p[0] - x) > 0.01 || Math.abs(p[1] - y) > 0.01) {
                throw new InvalidInputException(inputId, "'" + name + "' is offset by a fraction of a pixel from the mosaic grid");
            }
            if (x < 0 || y < 0 || x + g.width() > mosaic.width() || y + g.height() > mosaic.height()) {
                throw new InvalidInputException(inputId, "'" + name + "' lies outside the area of the pair in the manifest");
            }
            windows.add(new int[] {(int) x, (int) y, g.width(), g.height()});
        }
        List<Placed> placed = new ArrayList<>();
        for (int i = 0; i < windows.size(); i++) {
            int[] w = windows.get(i);
            int left = 0, right = 0, top = 0, bottom = 0;
            for (int j = 0; j < windows.size(); j++) {
                int[] o = windows.get(j);
                if (j == i || (o[0] == w[0] && o[1] == w[1] && o[2] == w[2] && o[3] == w[3])) {
                    if (j != i) {
                        throw new InvalidInputException(inputId, "'" + files.get(i).getFileName() + "' and '"
                                + files.get(j).getFileName() + "' cover the same window; give each sub-image once");
                    }
                    continue;
                }
                boolean rowsMeet = o[1] < w[1] + w[3] && w[1] < o[1] + o[3];
                boolean columnsMeet = o[0] < w[0] + w[2] && w[0] < o[0] + o[2];
                if (rowsMeet && columnsMeet) {
                    if (o[0] < w[0]) left = Math.max(left, o[0] + o[2] - w[0]);
                    if (o[0] + o[2] > w[0] + w[2]) right = Math.max(right, w[0] + w[2] - o[0]);
                    if (o[1] < w[1]) top = Math.max(top, o[1] + o[3] - w[1]);
                    if (o[1] + o[3] > w[1] + w[3]) bottom = Math.max(bottom, w[1] + w[3] - o[1]);
                }
            }
            placed.add(new Placed(files.get(i), w[0], w[1], w[2], w[3], Math.min(left, w[2]), Math.min(right, w[2]),
                    Math.min(top, w[3]), Math.min(bottom, w[3])));
        }
        return new MosaicLayout(mosaic, placed);
    }

    private static GridGeometry union(List<GridGeometry> grids) {
        double minX = Double.POSITIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY, minY = Double.POSITIVE_INFINITY;
        for (GridGeometry g : grids) {
            double[] e = g.envelope();
            minX = Math.min(minX, e[0]);
            minY = Math.min(minY, e[1]);
            maxX = Math.max(maxX, e[2]);
            maxY = Math.max(maxY, e[3]);
        }
        GridGeometry first = grids.get(0);
        double px = first.pixelSizeX();
        double py = Math.abs(first.pixelSizeY());
        int width = (int) Math.round((maxX - minX) / px);
        int height = (int) Math.round((maxY - minY) / py);
        double[] gt = first.geoTransform();
        return new GridGeometry(width, height, new double[] {minX, gt[1], 0, maxY, 0, gt[5]}, first.epsg());
    }
}
