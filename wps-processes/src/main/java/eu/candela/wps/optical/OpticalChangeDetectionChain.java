package eu.candela.wps.optical;

import eu.candela.wps.change.ThresholdMethod;
import eu.candela.wps.sentinel2.Jpeg2Tiff;
import eu.candela.wps.spi.BoundingBox;
import eu.candela.wps.spi.Crs;
import eu.candela.wps.spi.DefaultValue;
import eu.candela.wps.spi.EoProcess;
import eu.candela.wps.spi.Formats;
import eu.candela.wps.spi.InvalidInputException;
import eu.candela.wps.spi.MediaTypes;
import eu.candela.wps.spi.OptionalParam;
import eu.candela.wps.spi.Param;
import eu.candela.wps.spi.ProductRef;
import eu.candela.wps.spi.Range;
import eu.candela.wps.spi.RasterRef;
import eu.candela.wps.spi.Result;
import eu.candela.wps.spi.Step;
import eu.candela.wps.spi.StepOutputs;
import eu.candela.wps.spi.Workflow;
import eu.candela.wps.spi.WorkflowContext;
import eu.candela.wps.subimage.SplitManifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two Sentinel-2 products to a change map of the requested area, as one process: Jpeg2Tiff of both
 * products (at once), SplitImage into overlapping sub-image pairs, ChangeDetection on every
 * sub-image pair in parallel (at most {@code concurrency} at a time, each a job of its own through
 * the launcher), and MergeImages into one seamless probability and mask with statistics and a preview.
 *
 * <p>Scenes already converted (Jpeg2Tiff outputs, or any pair of GeoTIFFs on one grid) may be given
 * instead of the products, which skips the conversion.
 *
 * <p>Progress: conversion to 25 %, split to 35 %, detections to 90 %, merge to 100 %.
 */
@EoProcess(id = "OpticalChangeDetectionChain", version = "1.0", title = "Optical change detection chain (Sentinel-2)",
        description = "Jpeg2Tiff of two Sentinel-2 products, SplitImage into overlapping sub-images, IR-MAD ChangeDetection on "
                + "each sub-image pair in parallel, MergeImages: a seamless change probability and mask of the area, masked "
                + "for clouds, shadows and no data, with per-class statistics and a preview.")
public final class OpticalChangeDetectionChain implements Workflow<OpticalChangeDetectionChain.In, OpticalChangeDetectionChain.Out> {

    public record In(
            @Param(title = "Earlier product", description = "Sentinel-2 Level-1C or Level-2A product (*.SAFE) of the first date")
            @Formats({MediaTypes.SAFE}) @OptionalParam ProductRef before,
            @Param(title = "Later product", description = "Sentinel-2 product of the same tile at the second date")
            @Formats({MediaTypes.SAFE}) @OptionalParam ProductRef after,
            @Param(title = "Earlier scene", description = "Instead of 'before': a scene already converted (a Jpeg2Tiff output or "
                    + "a multiband GeoTIFF with SENSING_TIME metadata or a date in its name)")
            @Formats({MediaTypes.GEOTIFF, MediaTypes.COG}) @OptionalParam RasterRef beforeImage,
            @Param(title = "Later scene", description = "Instead of 'after': the converted scene of the second date, on the grid of the first")
            @Formats({MediaTypes.GEOTIFF, MediaTypes.COG}) @OptionalParam RasterRef afterImage,
            @Param(title = "Area", description = "Bounding box to process, as Jpeg2Tiff's area (EPSG:4326 in latitude, longitude "
                    + "order, CRS84, Web Mercator or any UTM zone); the whole tile when omitted; products only")
            @Crs(value = {"EPSG:4326", "urn:ogc:def:crs:OGC:1.3:CRS84", "EPSG:3857"}, wgs84UtmZones = true) @OptionalParam BoundingBox area,
            @Param(title = "Sub-image size", description = "Side of the sub-images processed in parallel, pixels")
            @DefaultValue("2048") @Range(min = 256, max = 8192) Integer size,
            @Param(title = "Overlap", description = "Least overlap of neighbouring sub-images, pixels, blended by the merge")
            @DefaultValue("128") @Range(min = 0, max = 2048) Integer overlap,
            @Param(title = "Concurrency", description = "Sub-image change detections running at once (the platform may cap it)")
            @DefaultValue("4") @Range(min = 1, max = 64) Integer concurrency,
            @Param(title = "Bands", description = "Bands compared, 1-based in the Jpeg2Tiff order B02, B03, B04, B08, B05, B06, B07, "
                    + "B8A, B11, B12; the 10 m bands by default, which scored best on urban change (docs/accuracy.md)")
            @DefaultValue("1,2,3,4") String bands,
            @Param(title = "Probability threshold", description = "As ChangeDetection's threshold")
            @DefaultValue("0.999999") @Range(min = 0, max = 1) Double threshold,
            @Param(title = "Median filter", description = "As ChangeDetection's medianFilter; odd")
            @DefaultValue("3") @Range(min = 1, max = 9) Integer medianFilter) {
    }

    public record Out(
            @Result(title = "Change probability", description = "Float32 COG of the area, -1 where no data, cloud or shadow",
                    mediaType = MediaTypes.COG, style = "change_probability") Path probability,
            @Result(title = "Change mask", description = "Uint8 COG: 1 change, 0 no change, 255 no data, cloud, shadow",
                    mediaType = MediaTypes.COG, style = "change_mask") Path mask,
            @Result(title = "Statistics", description = "Pixels, fraction and hectares per class", mediaType = MediaTypes.JSON)
            Path statistics,
            @Result(title = "Preview", description = "PNG of the later scene with the changes in red", mediaType = "image/png") Path preview,
            @Result(title = "Changed pixels", description = "Pixels marked changed") Integer changedPixels,
            @Result(title = "Changed fraction", description = "Changed over valid pixels") Double changedFraction,
            @Result(title = "Sub-image pairs", description = "Change detections run") Integer subImagePairs) {
    }

    @Override
    public Out run(In in, WorkflowContext ctx) throws Exception {
        List<Path> scenes = scenes(in, ctx);
        StepOutputs split = ctx.run(Step.of("split", "SplitImage", Map.of("images", scenes, "size", in.size(),
                "overlap", in.overlap())), 35);
        Path manifestFile = split.file("manifest");
        SplitManifest manifest = SplitManifest.read(manifestFile);
        if (manifest.pairs().size() != 1) {
            throw new InvalidInputException("after", "forms " + manifest.pairs().size() + " pairs with 'before'; the two scenes "
                    + "must be one tile (" + manifest.images().stream().map(SplitManifest.Image::tileId).toList() + ")");
        }
        SplitManifest.Pair pair = manifest.pairs().get(0);
        Path manifestDir = manifestFile.getParent();
        List<Step> detections = new ArrayList<>();
        for (SplitManifest.SubImage s : pair.subImages()) {
            Map<String, Object> inputs = new LinkedHashMap<>();
            inputs.put("before", manifestDir.resolve(s.before()));
            inputs.put("after", manifestDir.resolve(s.after()));
            inputs.put("bands", in.bands());
            inputs.put("threshold", in.threshold());
            inputs.put("thresholdMethod", ThresholdMethod.PROBABILITY);
            inputs.put("medianFilter", in.medianFilter());
            // A sub-image under cloud or outside the swath gives no data, not a failed tile.
            inputs.put("allowEmpty", true);
            detections.add(Step.of("detect-" + s.id(), "ChangeDetection", inputs));
        }
        ctx.log().info("{} sub-image pairs of {} px, {} at a time", detections.size(), in.size(),
                Math.min(in.concurrency(), ctx.maxConcurrentSteps()));
        List<StepOutputs> detected = ctx.fanOut(detections, in.concurrency(), 90);
        List<Path> probabilities = detected.stream().map(d -> d.file("probability")).toList();
        List<Path> masks = detected.stream().map(d -> d.file("mask")).toList();
        Path laterScene = scenes.get(1);
        StepOutputs merged = ctx.run(Step.of("merge", "MergeImages", Map.of("probability", probabilities, "mask", masks,
                "manifest", manifestFile, "pair", pair.id(), "scene", laterScene)), 100);
        return new Out(copy(merged.file("probability"), ctx, "change_probability.tif"), copy(merged.file("mask"), ctx, "change_mask.tif"),
                copy(merged.file("statistics"), ctx, "change_statistics.json"), copy(merged.file("preview"), ctx, "change_preview.png"),
                Integer.valueOf(merged.literal("changedPixels")), Double.valueOf(merged.literal("changedFraction")), detections.size());
    }

    /** The two scenes to split: the products converted by Jpeg2Tiff (both at once), or the scenes given. */
    private static List<Path> scenes(In in, WorkflowContext ctx) {
        Path before = chooseOne(in.before(), in.beforeImage(), "before", "beforeImage");
        Path after = chooseOne(in.after(), in.afterImage(), "after", "afterImage");
        if (in.before() == null && in.after() == null) {
            if (in.area() != null) {
                throw new InvalidInputException("area", "applies to products ('before' and 'after'); cut converted scenes before");
            }
            ctx.progress(25, "scenes given, no conversion");
            return List.of(before, after);
        }
        List<Step> conversions = new ArrayList<>();
        if (in.before() != null) {
            conversions.add(jpeg2Tiff("convert-before", in.before(), in.area()));
        }
        if (in.after() != null) {
            conversions.add(jpeg2Tiff("convert-after", in.after(), in.area()));
        }
        List<StepOutputs> converted = ctx.fanOut(conversions, 2, 25);
        int next = 0;
        Path b = in.before() != null ? image(converted.get(next++)) : before;
        Path a = in.after() != null ? image(converted.get(next)) : after;
        return List.of(b, a);
    }

    private static Path chooseOne(ProductRef product, RasterRef image, String productInput, String imageInput) {
        if ((product == null) == (image == null)) {
            throw new InvalidInputException(productInput, product == null
                    ? "is required (or '" + imageInput + "', a converted scene)" : "and '" + imageInput + "' are both given; give one");
        }
        return product != null ? product.directory() : image.path();
    }

    private static Step jpeg2Tiff(String name, ProductRef product, BoundingBox area) {
        return Step.of(name, Jpeg2Tiff.class, new Jpeg2Tiff.In(product, area));
    }

    /** Jpeg2Tiff's COG (shared contract 3: ten reflectance bands and QUALITY). */
    private static Path image(StepOutputs converted) {
        return converted.as(Jpeg2Tiff.Out.class).image();
    }

    /**
     * The workflow's own outputs live in its output folder (the steps' folders are working space):
     * a hard link where the file system allows, since a full-tile probability is hundreds of megabytes.
     */
    private static Path copy(Path file, WorkflowContext ctx, String name) throws java.io.IOException {
        Path target = ctx.outputDirectory().resolve(name);
        Files.deleteIfExists(target);
        try {
            return Files.createLink(target, file);
        } catch (java.io.IOException | UnsupportedOperationException e) {
            return Files.copy(file, target);
        }
    }
}
