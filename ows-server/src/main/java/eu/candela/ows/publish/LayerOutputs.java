package eu.candela.ows.publish;

import eu.candela.ows.wps10.ProcessView;
import eu.candela.ows.wps10.ServiceUrls;
import eu.candela.wps.jobdir.JobResult;
import eu.candela.wps.jobdir.OutputValue;
import eu.candela.wps.spi.DataKind;
import eu.candela.wps.spi.LiteralType;
import eu.candela.wps.spi.OutputDescriptor;
import eu.candela.wps.spi.ProcessDescriptor;
import eu.candela.wps.spi.ProcessRegistry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The processes as clients see them when results are published: every GeoTIFF output {@code X}
 * is followed by three literal outputs, declared in DescribeProcess and filled in each response:
 * <ul>
 *   <li>{@code X_layer}: the layer's qualified name ({@code results:ChangeDetection_<job>_X}), for
 *       OWSLib's {@code WebMapService} / {@code WebMapTileService} at {@code /wms} and {@code /wmts};</li>
 *   <li>{@code X_wms}: a WMS 1.3.0 GetMap URL of the whole layer (a picture when clicked);</li>
 *   <li>{@code X_wmts}: the WMTS RESTful tile template in XYZ form for Leaflet, OpenLayers or folium.</li>
 * </ul>
 * Only {@code X_layer} is stored with the job; the addresses are derived per request from the
 * address the client used, so they stay right behind proxies and after a change of host name.
 */
public final class LayerOutputs implements ProcessView {
    static final String LAYER = "_layer";
    static final String WMS = "_wms";
    static final String WMTS = "_wmts";
    /** Width of the picture the GetMap address asks for; the height follows the layer's shape. */
    private static final int MAP_WIDTH = 768;

    private final ProcessRegistry registry;

    public LayerOutputs(ProcessRegistry registry) {
        this.registry = registry;
    }

    static String layerOutputId(String outputId) {
        return outputId + LAYER;
    }

    @Override
    public List<ProcessDescriptor> descriptors() {
        return registry.descriptors().stream().map(LayerOutputs::describe).toList();
    }

    @Override
    public Optional<ProcessDescriptor> descriptor(String processId) {
        return registry.descriptor(processId).map(LayerOutputs::describe);
    }

    /** {@code process} with the layer outputs after each raster output. */
    static ProcessDescriptor describe(ProcessDescriptor process) {
        List<OutputDescriptor> outputs = new ArrayList<>();
        for (OutputDescriptor o : process.outputs()) {
            outputs.add(o);
            if (!isRaster(o)) continue;
            outputs.add(literal(o.id() + LAYER, o.title() + ": map layer",
                    "Name of the WMS / WMTS layer this output was published as (workspace:layer)."));
            outputs.add(literal(o.id() + WMS, o.title() + ": WMS map",
                    "WMS 1.3.0 GetMap address of the whole layer as a PNG; the service address is the part before '?'."));
            outputs.add(literal(o.id() + WMTS, o.title() + ": WMTS tiles",
                    "WMTS RESTful tile address template ({z}/{y}/{x}, GoogleMapsCompatible) for web maps."));
        }
        return new ProcessDescriptor(process.id(), process.version(), process.title(), process.description(),
                process.inputs(), outputs);
    }

    @Override
    public JobResult result(JobResult stored, ServiceUrls urls) {
        List<OutputValue> outputs = new ArrayList<>(stored.outputs());
        for (OutputValue o : stored.outputs()) {
            if (o.literal() == null || !o.id().endsWith(LAYER)) continue;
            String base = o.id().substring(0, o.id().length() - LAYER.length());
            String style = String.valueOf(o.statistics().getOrDefault("style", "raster"));
            outputs.add(OutputValue.literal(base + WMS, urls.wmsMap(o.literal(), bounds(o.statistics()), MAP_WIDTH), "string"));
            outputs.add(OutputValue.literal(base + WMTS, urls.xyzTiles(o.literal(), style), "string"));
        }
        return new JobResult(outputs);
    }

    static boolean isRaster(OutputDescriptor o) {
        return o.kind() == DataKind.COMPLEX && !o.formats().isEmpty()
                && o.formats().get(0).mimeType().toLowerCase(Locale.ROOT).startsWith("image/tiff");
    }

    private static OutputDescriptor literal(String id, String title, String description) {
        return new OutputDescriptor(id, title, description, DataKind.LITERAL, LiteralType.STRING, null, List.of(), "");
    }

    private static double[] bounds(Map<String, Object> about) {
        if (about.get("wgs84Bounds") instanceof List<?> l && l.size() == 4 && l.stream().allMatch(Number.class::isInstance)) {
            double[] b = new double[4];
            for (int i = 0; i < 4; i++) b[i] = ((Number) l.get(i)).doubleValue();
            if (b[0] < b[2] && b[1] < b[3]) return b;
        }
        return new double[] {-180, -90, 180, 90};
    }
}
