package eu.candela.wps.subimage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code statistics} output of {@link MergeImages}: the merged map's pixel count and area per class.
 *
 * @param pair          the manifest pair merged, null without a manifest
 * @param subImages     sub-images merged
 * @param width         mosaic width, pixels
 * @param height        mosaic height, pixels
 * @param epsg          mosaic CRS
 * @param pixelArea     area of one pixel in square map units (m² for UTM)
 * @param maskFrom      {@code sub-image masks (deepest sub-image)} or {@code blended probability > threshold}
 * @param classes       change, no change, no data
 * @param changedFraction changed over valid pixels
 */
record MergeStatistics(String pair, int subImages, int width, int height, int epsg, double pixelArea, String maskFrom,
                       List<ClassCount> classes, double changedFraction) {

    /** @param value the mask value; {@code areaHectares} assumes metre map units */
    record ClassCount(String name, int value, long pixels, double fraction, double areaHectares) {
    }

    static MergeStatistics of(String pair, MosaicLayout layout, String maskFrom, MosaicPass.Counts counts) {
        double pixelArea = layout.grid().pixelSizeX() * layout.grid().pixelSizeY();
        long total = counts.changed() + counts.unchanged() + counts.nodata();
        List<ClassCount> classes = List.of(
                count("change", 1, counts.changed(), total, pixelArea),
                count("no change", 0, counts.unchanged(), total, pixelArea),
                count("no data", MosaicPass.MASK_NODATA, counts.nodata(), total, pixelArea));
        long valid = counts.changed() + counts.unchanged();
        return new MergeStatistics(pair, layout.placed().size(), layout.grid().width(), layout.grid().height(),
                layout.grid().epsg(), pixelArea, maskFrom, classes, valid == 0 ? 0 : (double) counts.changed() / valid);
    }

    private static ClassCount count(String name, int value, long pixels, long total, double pixelArea) {
        return new ClassCount(name, value, pixels, total == 0 ? 0 : (double) pixels / total, pixels * pixelArea / 10_000);
    }

    void write(Path file) throws IOException {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), this);
    }
}
