package eu.candela.ows.publish;

import eu.candela.eodata.raster.GeoTiffReader;
import eu.candela.eodata.raster.RasterInfo;
import eu.candela.ows.catalog.CatalogEditor;
import eu.candela.ows.catalog.CatalogException;
import eu.candela.ows.catalog.CoverageStoreInfo;
import eu.candela.ows.catalog.LayerInfo;
import eu.candela.ows.jobs.JobRecord;
import eu.candela.ows.jobs.ResultFinisher;
import eu.candela.ows.security.LayerOwners;
import eu.candela.wps.jobdir.JobFileCodec;
import eu.candela.wps.jobdir.JobResult;
import eu.candela.wps.jobdir.OutputValue;
import eu.candela.wps.spi.OutputDescriptor;
import eu.candela.wps.spi.ProcessDescriptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Publishes every GeoTIFF a job produced as a map layer, before the job is recorded as successful:
 * the file is kept as a COG in the catalogue's data area ({@code data/<workspace>/<layer>.tif}),
 * registered as a coverage store and a layer named {@code <process>_<job>_<output>} with a style
 * that fits what it holds, and the result gains a literal output {@code <output>_layer} with the
 * layer's qualified name (its statistics carry the style and the WGS 84 bounds, from which
 * {@link LayerOutputs} derives the WMS and WMTS addresses per request).
 *
 * <p>Publishing is idempotent (a layer of the same name is replaced), so a result recovered after
 * a restart is published again safely. A raster that cannot be published is logged and left out;
 * the job keeps its result.
 */
public final class ResultPublisher implements ResultFinisher {
    private static final Logger LOG = LoggerFactory.getLogger(ResultPublisher.class);
    private static final JobFileCodec CODEC = new JobFileCodec();

    private final CatalogEditor catalog;
    private final Function<String, Optional<ProcessDescriptor>> processes;
    private final Path dataDir;
    private final String workspace;
    private final LayerOwners owners;

    /**
     * @param catalog   where layers are registered
     * @param processes process descriptors by id, for the outputs' display hints
     * @param dataDir   the data directory; published files go to {@code data/<workspace>/}
     * @param workspace the workspace of published results
     * @param owners    records each layer's owner (the job's) before the layer is registered: private to them
     */
    public ResultPublisher(CatalogEditor catalog, Function<String, Optional<ProcessDescriptor>> processes,
                           Path dataDir, String workspace, LayerOwners owners) {
        this.owners = owners;
        this.catalog = catalog;
        this.processes = processes;
        this.dataDir = dataDir;
        this.workspace = workspace;
    }

    @Override
    public String finish(JobRecord job, Path jobDirectory, String resultJson) {
        JobResult result;
        try {
            result = CODEC.decode(resultJson.getBytes(StandardCharsets.UTF_8), JobResult.class, jobDirectory.resolve("result.json"));
        } catch (IOException e) {
            LOG.warn("job {}: result not readable, nothing published: {}", job.jobId(), e.getMessage());
            return resultJson;
        }
        Optional<ProcessDescriptor> process = processes.apply(job.processId());
        List<OutputValue> outputs = new ArrayList<>(result.outputs());
        for (OutputValue output : result.outputs()) {
            if (!isGeoTiff(output)) continue;
            String hint = process.flatMap(p -> p.output(output.id())).map(OutputDescriptor::style).orElse("");
            try {
                outputs.add(publish(job, jobDirectory.resolve(output.path()), output, hint));
            } catch (IOException | CatalogException | RuntimeException e) {
                LOG.warn("job {}: output {} could not be published as a layer: {}", job.jobId(), output.id(), e.toString());
            }
        }
        if (outputs.size() == result.outputs().size()) return resultJson;
        return new String(CODEC.encode(new JobResult(outputs)), StandardCharsets.UTF_8);
    }

    /** The layer name of an output: letters, digits, '_' and '-' only, as catalogue names must be. */
    public static String layerName(String processId, String jobId, String outputId) {
        return (processId + "_" + jobId + "_" + outputId).replaceAll("[^A-Za-z0-9_-]", "_");
    }

    static boolean isGeoTiff(OutputValue output) {
        return output.isFile() && output.mimeType().toLowerCase(Locale.ROOT).startsWith("image/tiff");
    }

    private OutputValue publish(JobRecord job, Path file, OutputValue output, String hint) throws IOException, CatalogException {
        String name = layerName(job.processId(), job.jobId(), output.id());
        Path stored = dataDir.resolve("data").resolve(workspace).resolve(name + ".tif");
        boolean converted = CogStorage.store(file, stored);
        RasterInfo info;
        try (GeoTiffReader reader = GeoTiffReader.open(stored)) {
            info = reader.info();
        }
        double[] range = bandOneRange(output);
        String style = DefaultStyleChoice.choose(hint, RasterContent.of(info, range[0], range[1]),
                s -> catalog.style(s).isPresent());
        if (catalog.workspaces().stream().noneMatch(w -> w.name().equals(workspace))) {
            try {
                catalog.addWorkspace(workspace);
            } catch (CatalogException e) {
                if (e.reason() != CatalogException.Reason.CONFLICT) throw e; // another job created it meanwhile
            }
        }
        owners.assign(workspace + ":" + name, job.owner()); // before the layer exists: never visible unowned
        catalog.putStore(new CoverageStoreInfo(workspace, name, stored, "output " + output.id() + " of job " + job.jobId(), true));
        LayerInfo layer = catalog.putLayer(new LayerInfo(workspace, name, name,
                job.processId() + " " + output.id(), "Output " + output.id() + " of " + job.processId() + " job " + job.jobId(),
                style, List.of(), true, Instant.now(), 0));
        LOG.info("job {}: output {} published as layer {} (style {}{})", job.jobId(), output.id(), layer.qualifiedName(),
                style, converted ? ", converted to COG" : "");
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("style", style);
        about.put("wgs84Bounds", toList(info.grid().wgs84Bounds()));
        return new OutputValue(LayerOutputs.layerOutputId(output.id()), null, null, layer.qualifiedName(), "string", about);
    }

    /** Band 1's min and max from the statistics the process runner recorded; NaN when absent. */
    private static double[] bandOneRange(OutputValue output) {
        if (output.statistics().get("bands") instanceof List<?> bands && !bands.isEmpty()
                && bands.get(0) instanceof Map<?, ?> band && band.get("min") instanceof Number min
                && band.get("max") instanceof Number max) {
            return new double[] {min.doubleValue(), max.doubleValue()};
        }
        return new double[] {Double.NaN, Double.NaN};
    }

    private static List<Double> toList(double[] values) {
        List<Double> list = new ArrayList<>(values.length);
        for (double v : values) list.add(v);
        return list;
    }
}
