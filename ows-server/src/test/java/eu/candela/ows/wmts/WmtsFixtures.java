package eu.candela.ows.wmts;

import eu.candela.eodata.grid.GridGeometry;
import eu.candela.ows.testing.TestCoverages;
import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.CommonCRS;
import org.opengis.referencing.operation.MathTransform;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A generated scene for the WMTS tests: a UTM 30N (EPSG:32630) COG of 512 x 512 pixels of 20 m
 * centred on Madrid, whose west half holds {@link #WEST_VALUE} and east half {@link #EAST_VALUE};
 * and SLDs that paint those two values in chosen colours.
 */
final class WmtsFixtures {
    static final int SIZE = 512;
    static final double PIXEL = 20;
    static final float WEST_VALUE = 10, EAST_VALUE = 90;
    /** A ground point in the middle of the west half, and one in the middle of the east half (lon, lat). */
    static final double[] WEST_POINT, EAST_POINT;
    static final double MIN_X, MAX_Y;

    static {
        double[] centre = toUtm(-3.70, 40.42);
        MIN_X = Math.floor(centre[0] - SIZE / 2.0 * PIXEL);
        MAX_Y = Math.floor(centre[1] + SIZE / 2.0 * PIXEL);
        WEST_POINT = toLonLat(MIN_X + SIZE / 4.0 * PIXEL, MAX_Y - SIZE / 2.0 * PIXEL);
        EAST_POINT = toLonLat(MIN_X + SIZE * 3 / 4.0 * PIXEL, MAX_Y - SIZE / 2.0 * PIXEL);
    }

    private WmtsFixtures() {}

    static Path writeScene(Path target) {
        return TestCoverages.coverage(GridGeometry.northUp(SIZE, SIZE, MIN_X, MAX_Y, PIXEL, 32630)).tileSize(256)
                .samples((band, col, row) -> col < SIZE / 2 ? WEST_VALUE : EAST_VALUE)
                .write(target);
    }

    /** An SLD named {@code name} painting the west value {@code west} and the east value {@code east} (#RRGGBB). */
    static byte[] sld(String name, String west, String east) {
        return ("""
                <?xml version="1.0" encoding="UTF-8"?>
                <StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc">
                  <NamedLayer><Name>%s</Name><UserStyle><Name>%s</Name><FeatureTypeStyle><Rule><RasterSymbolizer>
                    <ColorMap type="values">
                      <ColorMapEntry color="%s" quantity="%s"/>
                      <ColorMapEntry color="%s" quantity="%s"/>
                    </ColorMap>
                  </RasterSymbolizer></Rule></FeatureTypeStyle></UserStyle></NamedLayer>
                </StyledLayerDescriptor>
                """).formatted(name, name, west, WEST_VALUE, east, EAST_VALUE).getBytes(StandardCharsets.UTF_8);
    }

    /** Spherical Mercator (EPSG:3857) of a lon/lat point: the closed formulas. */
    static double[] toMercator(double lon, double lat) {
        double r = 6378137;
        return new double[] {r * Math.toRadians(lon), r * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(lat) / 2))};
    }

    /** {row, col, pixel i, pixel j} of the point {@code (x, y)} (matrix CRS) in {@code matrix}. */
    static long[] locate(TileMatrix matrix, double x, double y) {
        double px = (x - matrix.originX()) / matrix.pixelSize();
        double py = (matrix.originY() - y) / matrix.pixelSize();
        long col = (long) Math.floor(px / matrix.tileSize());
        long row = (long) Math.floor(py / matrix.tileSize());
        return new long[] {row, col, (long) Math.floor(px - col * matrix.tileSize()), (long) Math.floor(py - row * matrix.tileSize())};
    }

    static BufferedImage decode(byte[] image) {
        try {
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image));
            if (decoded == null) throw new AssertionError("not an image ImageIO reads");
            return decoded;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double[] toUtm(double lon, double lat) {
        return transform(lon, lat, true);
    }

    private static double[] toLonLat(double x, double y) {
        return transform(x, y, false);
    }

    private static double[] transform(double a, double b, boolean toUtm) {
        try {
            var utm = CRS.forCode("EPSG:32630");
            var lonLat = CommonCRS.WGS84.normalizedGeographic();
            MathTransform t = toUtm ? CRS.findOperation(lonLat, utm, null).getMathTransform()
                    : CRS.findOperation(utm, lonLat, null).getMathTransform();
            double[] out = new double[2];
            t.transform(new double[] {a, b}, 0, out, 0, 1);
            return out;
        } catch (Exception e) {
            throw new IllegalStateException("cannot transform with Apache SIS", e);
        }
    }
}
