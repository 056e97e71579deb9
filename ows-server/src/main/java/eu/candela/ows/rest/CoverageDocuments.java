package eu.candela.ows.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.candela.eodata.grid.GridGeometry;
import eu.candela.eodata.raster.RasterInfo;
import eu.candela.ows.catalog.CoverageStoreInfo;
import eu.candela.ows.catalog.LayerInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static eu.candela.ows.rest.RestDocuments.JSON;

/** GeoServer's coverage document: a layer seen as the coverage of its store, with what the GeoTIFF says of itself. */
final class CoverageDocuments {
    private static final Logger LOG = LoggerFactory.getLogger(CoverageDocuments.class);

    private CoverageDocuments() {}

    static ObjectNode coverage(LayerInfo layer, CoverageStoreInfo store, RasterInfo info, RestLinks links) {
        ObjectNode root = JSON.objectNode();
        ObjectNode c = root.putObject("coverage").put("name", layer.name()).put("nativeName", store.name());
        c.putObject("namespace").put("name", layer.workspace()).put("href", RestLinks.json(links.workspace(layer.workspace())));
        c.put("title", layer.title()).put("abstract", layer.abstractText()).put("enabled", layer.enabled());
        GridGeometry grid = info.grid();
        String srs = "EPSG:" + grid.epsg();
        c.put("nativeCRS", srs).put("srs", srs);
        c.set("nativeBoundingBox", box(grid.envelope(), srs));
        try {
            c.set("latLonBoundingBox", box(grid.wgs84Bounds(), "EPSG:4326"));
        } catch (RuntimeException e) {
            LOG.warn("Coverage {}: no WGS 84 bounds ({})", layer.qualifiedName(), e.getMessage());
        }
        c.put("nativeFormat", "GeoTIFF");
        ObjectNode g = c.putObject("grid").put("@dimension", "2");
        g.putObject("range").put("low", "0 0").put("high", grid.width() + " " + grid.height());
        double[] gt = grid.geoTransform();
        g.putObject("transform").put("scaleX", gt[1]).put("scaleY", gt[5]).put("shearX", gt[2]).put("shearY", gt[4])
                .put("translateX", gt[0]).put("translateY", gt[3]);
        g.put("crs", srs);
        c.set("dimensions", bands(info));
        c.putObject("store").put("@class", "coverageStore").put("name", store.workspace() + ":" + store.name())
                .put("href", RestLinks.json(links.store(store.workspace(), store.name())));
        return root;
    }

    private static ObjectNode box(double[] minXminYmaxXmaxY, String crs) {
        return JSON.objectNode().put("minx", minXminYmaxXmaxY[0]).put("maxx", minXminYmaxXmaxY[2])
                .put("miny", minXminYmaxXmaxY[1]).put("maxy", minXminYmaxXmaxY[3]).put("crs", crs);
    }

    private static ObjectNode bands(RasterInfo info) {
        ObjectNode dimensions = JSON.objectNode();
        ArrayNode list = dimensions.putArray("coverageDimension");
        for (int b = 0; b < info.bandCount(); b++) {
            String description = info.spec().bandDescriptions().isEmpty() ? "" : info.spec().bandDescriptions().get(b);
            ObjectNode band = list.addObject().put("name", description.isBlank() ? "band " + (b + 1) : description)
                    .put("description", description);
            if (info.spec().nodata() != null) band.putObject("nullValues").putArray("double").add(info.spec().nodata());
            band.putObject("dimensionType").put("name", info.spec().sampleType().name());
        }
        return dimensions;
    }
}
