package eu.candela.wps.vector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.candela.wps.spi.Algorithm;
import eu.candela.wps.spi.BoundingBox;
import eu.candela.wps.spi.Crs;
import eu.candela.wps.spi.DefaultValue;
import eu.candela.wps.spi.Range;
import eu.candela.wps.spi.Uom;
import eu.candela.wps.spi.EoProcess;
import eu.candela.wps.spi.GeoJson;
import eu.candela.wps.spi.InvalidInputException;
import eu.candela.wps.spi.OptionalParam;
import eu.candela.wps.spi.Param;
import eu.candela.wps.spi.ProcessContext;
import eu.candela.wps.spi.Result;

import java.io.IOException;

/**
 * Selects the GeoJSON features whose extent meets an area of interest, and reports how many there
 * are and the extent they cover: the step that turns a drawn or uploaded set of areas into the
 * area a scene analysis should cover. GeoJSON coordinates are longitude, latitude (RFC 7946); the
 * area may be given in EPSG:4326 (latitude first, as WPS 1.0 clients send it) or CRS84 (longitude first).
 */
@EoProcess(id = "FeatureSelection", version = "1.0", title = "Select GeoJSON features by area",
        description = "Keeps the features of a GeoJSON document whose extent intersects a bounding box; returns them, their count and their extent")
public final class FeatureSelection implements Algorithm<FeatureSelection.In, FeatureSelection.Out> {
    static final String CRS84 = "urn:ogc:def:crs:OGC:1.3:CRS84";
    private static final ObjectMapper JSON = new ObjectMapper();

    public record In(
            @Param(title = "Features", description = "A GeoJSON FeatureCollection, Feature or Geometry (longitude, latitude)") GeoJson features,
            @Param(title = "Area", description = "Only features whose extent intersects this box are kept; all when omitted")
            @Crs({"EPSG:4326", CRS84}) @OptionalParam BoundingBox area,
            @Param(title = "Margin", description = "Grows the area by this distance on every side before selecting")
            @Uom("m") @DefaultValue("0") @Range(min = 0, max = 100_000) Double margin) {
    }

    public record Out(
            @Result(title = "Selected features", description = "FeatureCollection of the kept features") GeoJson selected,
            @Result(title = "Count", description = "Number of kept features") Integer count,
            @Result(title = "Extent", description = "Polygon of the extent of the kept features; null geometry when none") GeoJson extent) {
    }

    @Override
    public Out run(In in, ProcessContext ctx) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(in.features().text());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidInputException("features", "is not valid JSON: " + e.getOriginalMessage());
        }
        double[] area = in.area() == null ? null : grow(lonLat(in.area()), in.margin());
        ArrayNode kept = JSON.createArrayNode();
        Extent total = new Extent();
        for (JsonNode feature : features(root)) {
            ctx.checkCancelled();
            Extent e = new Extent();
            e.addCoordinates(feature.path("geometry").path("coordinates"));
            if (e.isEmpty()) continue;
            if (area == null || e.intersects(area)) {
                kept.add(feature);
                total.add(e);
            }
        }
        ctx.progress(90, kept.size() + " features selected");
        ObjectNode collection = JSON.createObjectNode().put("type", "FeatureCollection");
        collection.set("features", kept);
        ObjectNode extent = JSON.createObjectNode().put("type", "Feature");
        extent.set("properties", JSON.createObjectNode().put("count", kept.size()));
        extent.set("geometry", total.isEmpty() ? null : total.polygon(JSON));
        return new Out(new GeoJson(JSON.writeValueAsString(collection)), kept.size(), new GeoJson(JSON.writeValueAsString(extent)));
    }

    /** Every GeoJSON object becomes a list of features: a bare geometry is wrapped in one. */
    private static Iterable<JsonNode> features(JsonNode root) {
        String type = root.path("type").asText();
        switch (type) {
            case "FeatureCollection":
                if (!root.path("features").isArray()) throw new InvalidInputException("features", "FeatureCollection has no features array");
                return root.get("features");
            case "Feature":
                return JSON.createArrayNode().add(root);
            case "Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon": {
                ObjectNode f = JSON.createObjectNode().put("type", "Feature");
                f.set("geometry", root);
                f.set("properties", JSON.createObjectNode());
                return JSON.createArrayNode().add(f);
            }
            default:
                throw new InvalidInputException("features", "is not a GeoJSON object (type '" + type + "')");
        }
    }

    /**
     * Grows a {minLon, minLat, maxLon, maxLat} box by a distance in metres, on the sphere of the
     * WGS84 mean radius: exact enough for selecting, and free of a projection per feature.
     */
    static double[] grow(double[] box, double metres) {
        double metresPerDegree = Math.PI * 6_371_008.8 / 180;
        double dLat = metres / metresPerDegree;
        double widestLatitude = Math.min(89.0, Math.max(Math.abs(box[1]), Math.abs(box[3])));
        double dLon = metres / (metresPerDegree * Math.cos(Math.toRadians(widestLatitude)));
        return new double[] {box[0] - dLon, box[1] - dLat, box[2] + dLon, box[3] + dLat};
    }

    /** The area as {minLon, minLat, maxLon, maxLat}: EPSG:4326 boxes arrive latitude first. */
    static double[] lonLat(BoundingBox b) {
        boolean latitudeFirst = !b.crs().toUpperCase().endsWith("CRS84");
        return latitudeFirst
                ? new double[] {b.minY(), b.minX(), b.maxY(), b.maxX()}
                : new double[] {b.minX(), b.minY(), b.maxX(), b.maxY()};
    }
}
