package eu.candela.wps.workflow;

import eu.candela.eodata.raster.GeoTiffReader;
import eu.candela.wps.spi.EoProcess;
import eu.candela.wps.spi.Formats;
import eu.candela.wps.spi.MediaTypes;
import eu.candela.wps.spi.Param;
import eu.candela.wps.spi.RasterRef;
import eu.candela.wps.spi.Result;
import eu.candela.wps.spi.Step;
import eu.candela.wps.spi.StepOutputs;
import eu.candela.wps.spi.Workflow;
import eu.candela.wps.spi.WorkflowContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Test-only workflow of real processes: crops both scenes into a top and a bottom half (four
 * {@code test.CropRows} steps), runs {@code ChangeDetection} on each half (two steps at once) and
 * adds up the changed pixels. Its outputs are the halves' masks and the total.
 */
@EoProcess(id = "test.HalvesChangeDetection", version = "1.0", title = "Change detection by halves")
public final class HalvesChangeDetection implements Workflow<HalvesChangeDetection.In, HalvesChangeDetection.Out> {

    public record In(@Param(title = "Before") @Formats({MediaTypes.GEOTIFF, MediaTypes.COG}) RasterRef before,
                     @Param(title = "After") @Formats({MediaTypes.GEOTIFF, MediaTypes.COG}) RasterRef after) {
    }

    public record Out(@Result(title = "Changed pixels") Integer changedPixels,
                      @Result(title = "Top mask", mediaType = MediaTypes.COG, style = "change_mask") Path topMask,
                      @Result(title = "Bottom mask", mediaType = MediaTypes.COG, style = "change_mask") Path bottomMask) {
    }

    @Override
    public Out run(In in, WorkflowContext ctx) throws Exception {
        int height;
        try (GeoTiffReader reader = GeoTiffReader.open(in.before().path())) {
            height = reader.info().height();
        }
        int top = height / 2;
        List<StepOutputs> crops = ctx.fanOut(List.of(
                crop("crop-before-top", in.before(), 0, top), crop("crop-after-top", in.after(), 0, top),
                crop("crop-before-bottom", in.before(), top, height - top), crop("crop-after-bottom", in.after(), top, height - top)),
                4, 30);
        List<StepOutputs> detections = ctx.fanOut(List.of(
                detect("detect-top", crops.get(0), crops.get(1)), detect("detect-bottom", crops.get(2), crops.get(3))), 2, 95);
        int changed = 0;
        for (StepOutputs d : detections) {
            changed += Integer.parseInt(d.literal("changedPixels"));
        }
        Path topMask = Files.copy(detections.get(0).file("mask"), ctx.outputDirectory().resolve("top_mask.tif"));
        Path bottomMask = Files.copy(detections.get(1).file("mask"), ctx.outputDirectory().resolve("bottom_mask.tif"));
        return new Out(changed, topMask, bottomMask);
    }

    private static Step crop(String name, RasterRef raster, int fromRow, int rows) {
        return Step.of(name, CropRows.class, new CropRows.In(raster, fromRow, rows));
    }

    private static Step detect(String name, StepOutputs before, StepOutputs after) {
        // by input id rather than ChangeDetection.In, whose components grow as the process does
        return Step.of(name, "ChangeDetection", Map.of("before", before.file("cropped"), "after", after.file("cropped")));
    }
}
