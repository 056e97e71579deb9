package eu.candela.eodata.sentinel2;

import eu.candela.eodata.grid.GridGeometry;
import eu.candela.eodata.raster.RasterFormatException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/**
 * The vector cloud mask of products before baseline 04.00 ({@code MSK_CLOUDS_B00.gml}): polygons of
 * type OPAQUE or CIRRUS in the tile's CRS, rasterised on demand at pixel centres (even-odd rule, so
 * interior rings are holes). An empty mask (no {@code MaskFeature}) means no clouds.
 */
public final class CloudMaskGml {
    private record Ring(double[] xy, double minX, double minY, double maxX, double maxY) {
    }

    /** The rings of one mask feature: its exterior and its holes. */
    private record Feature(List<Ring> rings, double minX, double minY, double maxX, double maxY) {
    }

    private final List<Feature> features;

    private CloudMaskGml(List<Feature> features) {
        this.features = List.copyOf(features);
    }

    /** Number of cloud features (OPAQUE or CIRRUS polygons) read. */
    public int featureCount() {
        return features.size();
    }

    public static CloudMaskGml read(Path file) throws IOException {
        Sentinel2Xml xml = Sentinel2Xml.parse(file);
        List<Feature> features = new ArrayList<>();
        for (Element feature : xml.elements("MaskFeature")) {
            List<Ring> rings = new ArrayList<>();
            String type = Sentinel2Xml.elements(feature, "maskType").stream().map(e -> e.getTextContent().trim()).findFirst().orElse("");
            if (!type.equals("OPAQUE") && !type.equals("CIRRUS")) continue;
            for (Element list : Sentinel2Xml.elements(feature, "posList")) {
                String[] numbers = list.getTextContent().trim().split("\\s+");
                String dimension = list.getAttribute("srsDimension");
                int dim = dimension.isBlank() ? 2 : Integer.parseInt(dimension.trim());
                if (numbers.length < 3 * dim || numbers.length % dim != 0) {
                    throw new RasterFormatException(file.getFileName() + ": a posList has " + numbers.length + " numbers, not a ring");
                }
                double[] xy = new double[numbers.length / dim * 2];
                for (int i = 0, p = 0; i < numbers.length; i += dim) {
                    xy[p++] = xml.number("posList", numbers[i]);
                    xy[p++] = xml.number("posList", numbers[i + 1]);
                }
                rings.add(ring(xy));
            }
            if (!rings.isEmpty()) {
                Ring outer = rings.get(0);
                features.add(new Feature(rings, outer.minX, outer.minY, outer.maxX, outer.maxY));
            }
        }
        return new CloudMaskGml(features);
    }

    private static Ring ring(double[] xy) {
        double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < xy.length; i += 2) {
            minX = Math.min(minX, xy[i]);
            maxX = Math.max(maxX, xy[i]);
            minY = Math.min(minY, xy[i + 1]);
            maxY = Math.max(maxY, xy[i + 1]);
        }
        return new Ring(xy, minX, minY, maxX, maxY);
    }

    /**
     * Rasterises the window ({@code x}, {@code y}, {@code width}, {@code height}) of {@code grid}:
     * 1 where the pixel centre is cloudy, 0 elsewhere, row by row.
     */
    public int[] rasterize(GridGeometry grid, int x, int y, int width, int height) {
        int[] mask = new int[width * height];
        for (Feature feature : features) {
            for (int r = 0; r < height; r++) {
                double[] left = grid.pixelToMap(x + 0.5, y + r + 0.5);
                double[] right = grid.pixelToMap(x + width - 0.5, y + r + 0.5);
                if (left[1] < feature.minY || left[1] > feature.maxY
                        || Math.max(left[0], right[0]) < feature.minX || Math.min(left[0], right[0]) > feature.maxX) {
                    continue;
                }
                for (int c = 0; c < width; c++) {
                    double[] p = grid.pixelToMap(x + c + 0.5, y + r + 0.5);
                    if (p[0] < feature.minX || p[0] > feature.maxX) continue;
                    boolean in = false;
                    for (Ring ring : feature.rings) {
                        if (inside(ring.xy, p[0], p[1])) in = !in;
                    }
                    if (in) mask[r * width + c] = 1;
                }
            }
        }
        return mask;
    }

    /** Crossing-number test; toggling per ring of a feature in {@link #rasterize} makes its interior rings holes. */
    private static boolean inside(double[] xy, double px, double py) {
        boolean in = false;
        int n = xy.length / 2;
        for (int i = 0, j = n - 1; i < n; j = i++) {
            double xi = xy[2 * i], yi = xy[2 * i + 1], xj = xy[2 * j], yj = xy[2 * j + 1];
            if ((yi > py) != (yj > py) && px < (xj - xi) * (py - yi) / (yj - yi) + xi) {
                in = !in;
            }
        }
        return in;
    }
}
