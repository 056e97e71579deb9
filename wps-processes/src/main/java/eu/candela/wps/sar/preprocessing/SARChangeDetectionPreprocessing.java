package eu.candela.wps.sar.preprocessing;

import eu.candela.eodata.grid.GridGeometry;
import eu.candela.eodata.raster.GeoTiffReader;
import eu.candela.eodata.raster.RasterFormatException;
import eu.candela.eodata.sentinel1.ProductAnnotation;
import eu.candela.eodata.sentinel1.SafeFormatException;
import eu.candela.eodata.sentinel1.Sentinel1Band;
import eu.candela.eodata.sentinel1.Sentinel1Product;
import eu.candela.wps.spi.Algorithm;
import eu.candela.wps.spi.BoundingBox;
import eu.candela.wps.spi.Crs;
import eu.candela.wps.spi.DefaultValue;
import eu.candela.wps.spi.EoProcess;
import eu.candela.wps.spi.Formats;
import eu.candela.wps.spi.InvalidInputException;
import eu.candela.wps.spi.MediaTypes;
import eu.candela.wps.spi.OptionalParam;
import eu.candela.wps.spi.Param;
import eu.candela.wps.spi.ProcessContext;
import eu.candela.wps.spi.ProductRef;
import eu.candela.wps.spi.Range;
import eu.candela.wps.spi.RasterRef;
import eu.candela.wps.spi.Result;
import eu.candela.wps.spi.Uom;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prepares two Sentinel-1 GRD products for change detection: for each, thermal noise removal,
 * radiometric calibration to sigma0 with the look-up tables interpolated per pixel, optional
 * multilooking, a speckle filter, and geocoding onto one common map grid from the tie points
 * (height-aware with a DEM), written in dB as a Float32 COG per product: one band per
 * polarisation, nodata -9999, both on the same grid (shared contract 4).
 *
 * <p>Output tile by output tile: only the window of each measurement a tile needs is read, so
 * memory stays flat whatever the scene size. Progress: the first product 0-50 %, the second 50-100 %.
 */
@EoProcess(id = "SARChangeDetectionPreprocessing", version = "1.0", title = "Sentinel-1 GRD preprocessing for change detection",
        description = "Thermal noise removal, sigma0 calibration, multilooking, speckle filtering and geocoding of two Sentinel-1 "
                + "GRD products onto one common map grid, in dB: the input of SARChangeDetection.")
public final class SARChangeDetectionPreprocessing
        implements Algorithm<SARChangeDetectionPreprocessing.In, SARChangeDetectionPreprocessing.Out> {

    static final String CRS84 = "urn:ogc:def:crs:OGC:1.3:CRS84";

    public record In(
            @Param(title = "Earlier product", description = "Sentinel-1 GRD product folder (*.SAFE) of the first date") ProductRef before,
            @Param(title = "Later product", description = "Sentinel-1 GRD product folder (*.SAFE) of the second date, over the same ground")
            ProductRef after,
            @Param(title = "Area", description = "The area to process; the overlap of the two products when omitted")
            @Crs({"EPSG:4326", CRS84, "EPSG:3857", "EPSG:4258", "EPSG:3035", "EPSG:2154", "EPSG:32629", "EPSG:32630", "EPSG:32631",
                "EPSG:32632", "EPSG:32633", "EPSG:32634", "EPSG:32635"}) @OptionalParam BoundingBox area,
            @Param(title = "Polarisations", description = "Comma-separated, for example VV,VH or VH; every polarisation both products have "
                    + "when omitted") @OptionalParam String polarisations,
            @Param(title = "Azimuth looks", description = "Lines averaged per multilook cell; about the pixel size over the azimuth "
                    + "spacing when omitted (1 for none)") @OptionalParam @Range(min = 1, max = 32) Integer azimuthLooks,
            @Param(title = "Range looks", description = "Pixels averaged per multilook cell in range; about the pixel size over the range "
                    + "spacing when omitted (1 for none)") @OptionalParam @Range(min = 1, max = 32) Integer rangeLooks,
            @Param(title = "Speckle filter", description = "REFINED_LEE (Lee 1981), LEE (Lee 1980), GAMMA_MAP (Lopes et al. 1990) or NONE")
            @DefaultValue("REFINED_LEE") SpeckleFilter speckleFilter,
            @Param(title = "Filter window", description = "Side of the speckle filter window in multilooked cells, odd")
            @DefaultValue("7") @Range(min = 3, max = 15) Integer filterWindow,
            @Param(title = "Target CRS", description = "UTM (the WGS 84 UTM zone of the area's centre) or EPSG:4326")
            @DefaultValue("UTM") String targetCrs,
            @Param(title = "Pixel size", description = "Output pixel size on the ground (in EPSG:4326 converted to degrees at the area's centre)")
            @Uom("m") @DefaultValue("20") @Range(min = 1, max = 1000) Double pixelSize,
            @Param(title = "DEM", description = "Optional terrain heights (ellipsoidal, metres) as a GeoTIFF covering the area: moves each "
                    + "map pixel in range by its height above the tie-point heights")
            @Formats({MediaTypes.GEOTIFF, MediaTypes.COG}) @OptionalParam RasterRef dem) {
    }

    public record Out(
            @Result(title = "Earlier sigma0", description = "Float32 COG, sigma0 in dB per polarisation (band descriptions VV / VH), nodata -9999",
                    mediaType = MediaTypes.COG, style = "sar_db") Path before,
            @Result(title = "Later sigma0", description = "Float32 COG on the same grid as 'before'", mediaType = MediaTypes.COG,
                    style = "sar_db") Path after) {
    }

    @Override
    public Out run(In in, ProcessContext ctx) throws IOException {
        if (in.filterWindow() % 2 == 0) {
            throw new InvalidInputException("filterWindow", "must be odd (3, 5, 7 ...), got " + in.filterWindow());
        }
        Sentinel1Product before = open(in.before(), "before");
        Sentinel1Product after = open(in.after(), "after");
        List<String> polarisations = polarisations(in.polarisations(), before, after);
        ProductAnnotation first;
        ProductAnnotation second;
        try (Sentinel1Band a = band(before, polarisations.get(0), "before"); Sentinel1Band b = band(after, polarisations.get(0), "after")) {
            first = a.annotation();
            second = b.annotation();
        }
        GridGeometry grid = TargetGrid.build(first.geolocation(), second.geolocation(), in.area(), in.targetCrs(), in.pixelSize());
        ctx.log().info("Target grid EPSG:{}, {} x {} pixels of {} m, polarisations {}", grid.epsg(), grid.width(), grid.height(),
                in.pixelSize(), polarisations);
        Path beforeOut = ctx.outputDirectory().resolve("sigma0_before.tif");
        Path afterOut = ctx.outputDirectory().resolve("sigma0_after.tif");
        StepTimes times = new StepTimes();
        try (DemHeights dem = openDem(in.dem())) {
            renderProduct(before, first, polarisations, grid, in, dem, beforeOut, ctx, 0, 50, times);
            renderProduct(after, second, polarisations, grid, in, dem, afterOut, ctx, 50, 100, times);
        }
        ctx.log().info("Step times: {}", times);
        return new Out(beforeOut, afterOut);
    }

    private static void renderProduct(Sentinel1Product product, ProductAnnotation annotation, List<String> polarisations, GridGeometry grid,
                                      In in, DemHeights dem, Path target, ProcessContext ctx, int from, int to, StepTimes times)
            throws IOException {
        double metres = in.pixelSize();
        int azimuthLooks = in.azimuthLooks() != null ? in.azimuthLooks()
                : (int) Math.max(1, Math.min(32, Math.round(metres / annotation.azimuthPixelSpacing())));
        int rangeLooks = in.rangeLooks() != null ? in.rangeLooks()
                : (int) Math.max(1, Math.min(32, Math.round(metres / annotation.rangePixelSpacing())));
        double enl = (double) annotation.nominalLooks() * azimuthLooks * rangeLooks;
        ProductRenderer.Settings settings = new ProductRenderer.Settings(azimuthLooks, rangeLooks, in.speckleFilter(), in.filterWindow(), enl);
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("PRODUCT", product.manifest().productName());
        metadata.put("SPACECRAFT", product.manifest().spacecraft());
        metadata.put("SENSING_TIME", product.manifest().startTime().toString());
        metadata.put("POLARISATIONS", String.join(",", polarisations));
        metadata.put("SPECKLE_FILTER", in.speckleFilter() == SpeckleFilter.NONE ? "NONE"
                : in.speckleFilter().name() + " " + in.filterWindow() + "x" + in.filterWindow());
        metadata.put("LOOKS", formatLooks(enl));
        metadata.put("MULTILOOK", azimuthLooks + "x" + rangeLooks);
        metadata.put("CALIBRATION", "sigma0, thermal noise removed");
        metadata.put("TERRAIN_CORRECTION", dem == null ? "none (tie-point heights)" : "range shift from DEM heights");
        ctx.log().info("{}: multilook {} x {} (azimuth x range), {} with ENL {}", product.manifest().productName(), azimuthLooks, rangeLooks,
                metadata.get("SPECKLE_FILTER"), metadata.get("LOOKS"));
        ProductRenderer.render(product, polarisations, grid, settings, dem, metadata, target, ctx, from, to, times);
    }

    private static String formatLooks(double enl) {
        return enl == Math.rint(enl) ? Long.toString((long) enl) : String.format(Locale.ROOT, "%.1f", enl);
    }

    private static Sentinel1Product open(ProductRef ref, String input) throws IOException {
        try {
            return Sentinel1Product.open(ref.directory());
        } catch (SafeFormatException e) {
            throw new InvalidInputException(input, "is not a Sentinel-1 GRD product: " + e.getMessage());
        }
    }

    private static Sentinel1Band band(Sentinel1Product product, String polarisation, String input) throws IOException {
        try {
            return product.band(polarisation);
        } catch (SafeFormatException e) {
            throw new InvalidInputException(input, "has unusable metadata: " + e.getMessage());
        }
    }

    static List<String> polarisations(String requested, Sentinel1Product before, Sentinel1Product after) {
        List<String> wanted = new ArrayList<>();
        if (requested == null || requested.isBlank()) {
            for (String p : before.polarisations()) {
                if (after.polarisations().contains(p)) {
                    wanted.add(p);
                }
            }
            if (wanted.isEmpty()) {
                throw new InvalidInputException("after", "shares no polarisation with 'before' (" + before.polarisations() + " and "
                        + after.polarisations() + ")");
            }
            return wanted;
        }
        for (String token : requested.split(",")) {
            String p = token.trim().toUpperCase(Locale.ROOT);
            if (!List.of("VV", "VH", "HH", "HV").contains(p)) {
                throw new InvalidInputException("polarisations", "names an unknown polarisation '" + token.trim() + "' (use VV, VH, HH or HV)");
            }
            for (Map.Entry<String, Sentinel1Product> e : Map.of("before", before, "after", after).entrySet()) {
                if (!e.getValue().polarisations().contains(p)) {
                    throw new InvalidInputException("polarisations", "asks for " + p + ", which product '" + e.getKey() + "' does not have (it has "
                            + String.join(", ", e.getValue().polarisations()) + ")");
                }
            }
            if (!wanted.contains(p)) {
                wanted.add(p);
            }
        }
        return wanted;
    }

    private static DemHeights openDem(RasterRef dem) throws IOException {
        if (dem == null) {
            return null;
        }
        try {
            return new DemHeights(GeoTiffReader.open(dem.path()));
        } catch (RasterFormatException e) {
            throw new InvalidInputException("dem", "is not a GeoTIFF this server can read: " + e.getMessage());
        }
    }
}
