package eu.candela.wps.vector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.candela.wps.spi.InvalidInputException;

/** The longitude / latitude extent of GeoJSON coordinates, grown position by position. */
final class Extent {
    private double minLon = Double.POSITIVE_INFINITY;
    private double minLat = Double.POSITIVE_INFINITY;
    private double maxLon = Double.NEGATIVE_INFINITY;
    private double maxLat = Double.NEGATIVE_INFINITY;

    boolean isEmpty() {
        return minLon > maxLon;
    }

    /** Adds GeoJSON {@code coordinates} of any nesting depth; a position is an array whose first item is a number. */
    void addCoordinates(JsonNode coordinates) {
        if (!coordinates.isArray() || coordinates.isEmpty()) return;
        if (coordinates.get(0).isNumber()) {
            if (coordinates.size() < 2 || !coordinates.get(1).isNumber()) {
                throw new InvalidInputException("features", "has a position that is not [longitude, latitude]");
            }
            addPoint(coordinates.get(0).asDouble(), coordinates.get(1).asDouble());
            return;
        }
        for (JsonNode child : coordinates) addCoordinates(child);
    }

    void add(Extent other) {
        if (other.isEmpty()) return;
        addPoint(other.minLon, other.minLat);
        addPoint(other.maxLon, other.maxLat);
    }

    /** @param box {minLon, minLat, maxLon, maxLat}, bounds inclusive */
    boolean intersects(double[] box) {
        return !isEmpty() && minLon <= box[2] && maxLon >= box[0] && minLat <= box[3] && maxLat >= box[1];
    }

    JsonNode polygon(ObjectMapper json) {
        ObjectNode polygon = json.createObjectNode().put("type", "Polygon");
        ArrayNode ring = json.createArrayNode();
        double[][] corners = {{minLon, minLat}, {maxLon, minLat}, {maxLon, maxLat}, {minLon, maxLat}, {minLon, minLat}};
        for (double[] c : corners) ring.add(json.createArrayNode().add(c[0]).add(c[1]));
        polygon.set("coordinates", json.createArrayNode().add(ring));
        return polygon;
    }

    private void addPoint(double lon, double lat) {
        minLon = Math.min(minLon, lon);
        maxLon = Math.max(maxLon, lon);
        minLat = Math.min(minLat, lat);
        maxLat = Math.max(maxLat, lat);
    }
}
