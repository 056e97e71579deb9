package eu.candela.wps.subimage;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import eu.candela.eodata.grid.GridGeometry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code manifest} output of {@link SplitImage}, as JSON: the images found, the consecutive
 * pairs per tile, and for each pair its grid and sub-images (window in pixels and in map
 * coordinates, and the two files). File paths are relative to the manifest's folder, so the
 * manifest stays valid wherever the job directory is mounted.
 *
 * @param subImageSize requested sub-image side, pixels
 * @param overlap      requested least overlap between neighbours, pixels
 * @param images       every input image, sorted by tile then time
 * @param pairs        consecutive images of each tile
 * @param unpaired     files of tiles with a single image, which form no pair
 */
public record SplitManifest(int subImageSize, int overlap, List<Image> images, List<Pair> pairs, List<String> unpaired) {

    public SplitManifest {
        images = List.copyOf(images);
        pairs = List.copyOf(pairs);
        unpaired = List.copyOf(unpaired);
    }

    /**
     * @param file        the input image as the job saw it
     * @param tileId      tile identifier
     * @param sensingTime ISO-8601 UTC
     * @param identifiedBy {@code metadata} or {@code file name}
     */
    public record Image(String file, String tileId, String sensingTime, String identifiedBy) {
    }

    /** The grid of a pair (both images share it). */
    public record Grid(int width, int height, int epsg, double[] geoTransform) {
        static Grid of(GridGeometry grid) {
            return new Grid(grid.width(), grid.height(), grid.epsg(), grid.geoTransform());
        }

        public GridGeometry geometry() {
            return new GridGeometry(width, height, geoTransform, epsg);
        }
    }

    /**
     * @param id        e.g. {@code T30TXQ_20170419T105621_20170429T105621}
     * @param before    the earlier image (an {@link Image#file()})
     * @param after     the later image
     */
    public record Pair(String id, String tileId, String before, String after, String beforeTime, String afterTime, Grid grid,
                       List<SubImage> subImages) {
        public Pair {
            subImages = List.copyOf(subImages);
        }
    }

    /**
     * @param id     {@code r<row>_c<column>}
     * @param x      first column in the pair's grid
     * @param y      first row in the pair's grid
     * @param bounds minX, minY, maxX, maxY in the pair's CRS
     * @param before sub-image of the earlier image, relative to the manifest
     * @param after  sub-image of the later image, relative to the manifest
     */
    public record SubImage(String id, int row, int column, int x, int y, int width, int height, double[] bounds,
                           String before, String after) {
    }

    private static ObjectMapper mapper() {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public void write(Path file) throws IOException {
        mapper().writeValue(file.toFile(), this);
    }

    public static SplitManifest read(Path file) throws IOException {
        return mapper().readValue(file.toFile(), SplitManifest.class);
    }

    public static SplitManifest parse(String json) throws IOException {
        return mapper().readValue(json, SplitManifest.class);
    }
}
