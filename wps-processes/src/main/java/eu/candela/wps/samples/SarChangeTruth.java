package eu.candela.wps.samples;

import eu.candela.eodata.grid.GridGeometry;
import eu.candela.eodata.grid.PointTransform;
import eu.candela.eodata.raster.BlockGrid;
import eu.candela.eodata.raster.CogOptions;
import eu.candela.eodata.raster.CogWriter;
import eu.candela.eodata.raster.RasterBlock;
import eu.candela.eodata.raster.RasterSpec;
import eu.candela.eodata.raster.SampleType;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The exact truth of a generated Sentinel-1 pair ({@link Sentinel1ProductGenerator#generatePair}):
 * where backscatter increased or decreased between the dates, the sigma0 put in, and where each
 * ground position lies in each image. Any map grid can be scored: {@link #writeChangeMap} rasterises
 * the change classes on it (for example on the grid of SARChangeDetectionPreprocessing's output).
 * Immutable.
 */
public final class SarChangeTruth {
    public static final int NO_CHANGE = SarScene.NO_CHANGE;
    public static final int INCREASE = SarScene.INCREASE;
    public static final int DECREASE = SarScene.DECREASE;
    /** Outside the area both products see. */
    public static final int NODATA = 255;
    public static final String GEOJSON_FILE = "change_truth.geojson";

    private final SarScene scene;
    private final GrdGeometry before;
    private final GrdGeometry after;

    SarChangeTruth(SarScene scene, GrdGeometry before, GrdGeometry after) {
        this.scene = scene;
        this.before = before;
        this.after = after;
    }

    private double[] world(double lat, double lon) {
        return before.fromLatLon(lat, lon);
    }

    /** {@link #NO_CHANGE}, {@link #INCREASE}, {@link #DECREASE} or {@link #NODATA} at (latitude, longitude). */
    public int changeAt(double lat, double lon) {
        double[] en = world(lat, lon);
        if (!before.inside(before.imagePosition(en[0], en[1])) || !after.inside(after.imagePosition(en[0], en[1]))) {
            return NODATA;
        }
        return scene.change(en[0], en[1]);
    }

    /** The sigma0 (linear, before speckle) put in at (latitude, longitude) for {@code date} 0 or 1 and {@code polarisation} VV or VH. */
    public double sigma0(int date, String polarisation, double lat, double lon) {
        double[] en = world(lat, lon);
        return scene.sigma0(en[0], en[1], "VH".equalsIgnoreCase(polarisation) ? 1 : 0, date);
    }

    /** The exact fractional image position {line, pixel} of (latitude, longitude) in product {@code date} (0 or 1). */
    public double[] imagePosition(int date, double lat, double lon) {
        double[] en = world(lat, lon);
        return (date == 0 ? before : after).imagePosition(en[0], en[1]);
    }

    /** The exact (latitude, longitude) of (line, pixel) in product {@code date}. */
    public double[] location(int date, double line, double pixel) {
        return (date == 0 ? before : after).latLon(line, pixel);
    }

    /** Writes the change classes at the pixel centres of {@code grid} as a uint8 COG, nodata {@value #NODATA}. */
    public void writeChangeMap(Path target, GridGeometry grid) throws IOException {
        RasterSpec spec = new RasterSpec(grid, 1, SampleType.UINT8, (double) NODATA, List.of("change"),
                Map.of("CLASSES", "0 no change, 1 increase, 2 decrease"));
        PointTransform toWgs84 = PointTransform.between(grid.epsg(), 4326);
        try (CogWriter writer = CogWriter.create(target, spec, CogOptions.defaults())) {
            for (BlockGrid.Window w : BlockGrid.of(grid.width(), grid.height(), writer.tileSize())) {
                RasterBlock block = new RasterBlock(w.x(), w.y(), w.width(), w.height(), 1);
                double[] points = new double[2 * w.width() * w.height()];
                int i = 0;
                for (int r = 0; r < w.height(); r++) {
                    for (int c = 0; c < w.width(); c++) {
                        double[] xy = grid.pixelToMap(w.x() + c + 0.5, w.y() + r + 0.5);
                        points[i++] = xy[0];
                        points[i++] = xy[1];
                    }
                }
                toWgs84.transform(points, w.width() * w.height());
                float[] band = block.band(0);
                for (int k = 0; k < band.length; k++) {
                    band[k] = changeAt(points[2 * k + 1], points[2 * k]);
                }
                writer.write(block);
            }
        }
    }

    /** The changed areas as GeoJSON polygons in longitude / latitude: the flood zone and the new buildings. */
    void writeGeoJson(Path target) throws IOException {
        List<String> features = new ArrayList<>();
        for (SarScene.Area area : scene.changeAreas()) {
            StringBuilder ring = new StringBuilder();
            for (double[] en : area.ring()) {
                double[] ll = before.toLatLon(en[0], en[1]);
                ring.append(ring.length() == 0 ? "" : ",").append(String.format(Locale.ROOT, "[%.7f,%.7f]", ll[1], ll[0]));
            }
            features.add("{\"type\":\"Feature\",\"properties\":{\"kind\":\"" + area.kind() + "\",\"change\":\"" + area.change()
                    + "\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[" + ring + "]]}}");
        }
        try (Writer w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            w.write("{\"type\":\"FeatureCollection\",\"features\":[\n" + String.join(",\n", features) + "\n]}\n");
        }
    }
}
