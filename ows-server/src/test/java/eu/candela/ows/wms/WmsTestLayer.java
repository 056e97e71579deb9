package eu.candela.ows.wms;

import eu.candela.eodata.grid.GridGeometry;
import eu.candela.ows.catalog.CatalogEditor;
import eu.candela.ows.catalog.CatalogException;
import eu.candela.ows.catalog.CoverageStoreInfo;
import eu.candela.ows.catalog.LayerInfo;
import eu.candela.ows.testing.TestCoverages;
import org.apache.sis.geometry.GeneralDirectPosition;
import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.CommonCRS;
import org.opengis.referencing.operation.MathTransform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The layer the WMS tests draw: a 200 x 200 COG in UTM 30N (EPSG:32630), 10 m pixels, written with
 * CogWriter. Band 1 ("class") is 0 in the west half and 1000 in the east half, and nodata in the
 * bottom 20 rows; band 2 ("index") is {@code 1000 * row + col}. Its default style is a ramp from
 * blue (0) to red (1000), so the west half is pure blue and the east half pure red.
 */
final class WmsTestLayer {
    static final String WORKSPACE = "wmstest";
    static final String NAME = WORKSPACE + ":halves";
    static final String STYLE = "wmstest_ramp";
    static final int EPSG = 32630;
    static final double MIN_X = 440_000, MAX_Y = 4_480_000, PIXEL = 10;
    static final int SIZE = 200, NODATA_ROWS_FROM = 180;
    static final double NODATA = -9999;
    static final int BLUE = 0xFF0000FF, RED = 0xFFFF0000;

    private WmsTestLayer() {}

    static double maxX() { return MIN_X + SIZE * PIXEL; }

    static double minY() { return MAX_Y - SIZE * PIXEL; }

    static float classValue(int col, int row) {
        if (row >= NODATA_ROWS_FROM) return (float) NODATA;
        return col < SIZE / 2 ? 0 : 1000;
    }

    static float indexValue(int col, int row) {
        return 1000f * row + col;
    }

    /** UTM easting / northing of the centre of pixel ({@code col}, {@code row}). */
    static double[] centre(double col, double row) {
        return new double[] {MIN_X + (col + 0.5) * PIXEL, MAX_Y - (row + 0.5) * PIXEL};
    }

    /** Publishes the layer once per server (the test classes share one). */
    static synchronized void publish(CatalogEditor catalog, Path dataDir) {
        if (catalog.layer(NAME).isPresent()) return;
        try {
            Path file = write(dataDir.resolve("wmstest/halves.tif"));
            if (catalog.workspaces().stream().noneMatch(w -> w.name().equals(WORKSPACE))) catalog.addWorkspace(WORKSPACE);
            catalog.putStore(new CoverageStoreInfo(WORKSPACE, "halves", file, "two halves", true));
            catalog.putStyle(STYLE, resource("wms/ramp.sld"));
            catalog.putLayer(new LayerInfo(WORKSPACE, "halves", "halves", "Two halves", "Blue west, red east",
                    STYLE, List.of("raster"), true, Instant.now(), 0));
        } catch (CatalogException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path write(Path target) {
        return TestCoverages.coverage(GridGeometry.northUp(SIZE, SIZE, MIN_X, MAX_Y, PIXEL, EPSG))
                .bands("class", "index").nodata(NODATA).tileSize(64)
                .samples((band, col, row) -> band == 0 ? classValue(col, row) : indexValue(col, row))
                .write(target);
    }

    /** UTM 30N to {longitude, latitude}, by Apache SIS: the ground truth the maps are checked against. */
    static double[] toLonLat(double[] utm) {
        try {
            MathTransform t = CRS.findOperation(CRS.forCode("EPSG:" + EPSG), CommonCRS.WGS84.normalizedGeographic(), null)
                    .getMathTransform();
            GeneralDirectPosition out = new GeneralDirectPosition(2);
            t.transform(new GeneralDirectPosition(utm[0], utm[1]), out);
            return new double[] {out.getOrdinate(0), out.getOrdinate(1)};
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** {longitude, latitude} to Web Mercator metres (spherical formulas of EPSG:3857). */
    static double[] toWebMercator(double[] lonLat) {
        double r = 6_378_137;
        return new double[] {r * Math.toRadians(lonLat[0]),
                r * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(lonLat[1]) / 2))};
    }

    static byte[] resource(String name) {
        try (InputStream in = WmsTestLayer.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new IllegalArgumentException("no test resource " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
