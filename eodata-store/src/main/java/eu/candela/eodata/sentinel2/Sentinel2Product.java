package eu.candela.eodata.sentinel2;

import eu.candela.eodata.grid.GridGeometry;
import eu.candela.eodata.raster.RasterFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A Sentinel-2 Level-1C or Level-2A product folder ({@code *.SAFE}): its metadata, its single
 * granule's metadata and where its rasters are. Rasters are located through the metadata's
 * {@code IMAGE_FILE} and {@code MASK_FILENAME} entries, as ESA intends, not by guessing names.
 * Immutable; opening reads only the two metadata files.
 */
public final class Sentinel2Product {
    private final Path directory;
    private final ProductMetadata metadata;
    private final TileMetadata tile;

    private Sentinel2Product(Path directory, ProductMetadata metadata, TileMetadata tile) {
        this.directory = directory;
        this.metadata = metadata;
        this.tile = tile;
    }

    /**
     * Opens the product in {@code directory}.
     *
     * @throws RasterFormatException when the folder holds no product metadata, no granule with its
     *                               {@code MTD_TL.xml}, or the metadata are malformed
     */
    public static Sentinel2Product open(Path directory) throws IOException {
        Objects.requireNonNull(directory, "directory");
        if (!Files.isDirectory(directory)) {
            throw new RasterFormatException(directory.getFileName() + " is not a product folder");
        }
        Path productXml = Stream.of("MTD_MSIL2A.xml", "MTD_MSIL1C.xml").map(directory::resolve)
                .filter(Files::isRegularFile).findFirst()
                .orElseThrow(() -> new RasterFormatException(directory.getFileName()
                        + " holds no MTD_MSIL1C.xml or MTD_MSIL2A.xml: not a Sentinel-2 Level-1C or Level-2A product"));
        ProductMetadata metadata = ProductMetadata.read(productXml);
        Path tileXml = granule(directory).resolve("MTD_TL.xml");
        if (!Files.isRegularFile(tileXml)) {
            throw new RasterFormatException(directory.getFileName() + " has no granule metadata " + directory.relativize(tileXml));
        }
        return new Sentinel2Product(directory, metadata, TileMetadata.read(tileXml));
    }

    private static Path granule(Path directory) throws IOException {
        Path granules = directory.resolve("GRANULE");
        if (!Files.isDirectory(granules)) {
            throw new RasterFormatException(directory.getFileName() + " has no GRANULE folder");
        }
        try (Stream<Path> list = Files.list(granules)) {
            List<Path> found = list.filter(Files::isDirectory).toList();
            if (found.size() != 1) {
                throw new RasterFormatException(directory.getFileName() + " must hold exactly one granule, holds " + found.size());
            }
            return found.get(0);
        }
    }

    public Path directory() { return directory; }

    /** The folder name, for example {@code S2A_MSIL2A_20221005T115411_N0400_R023_T29UNU_20221005T164454.SAFE}. */
    public String name() { return directory.getFileName().toString(); }

    public ProductMetadata metadata() { return metadata; }

    public TileMetadata tile() { return tile; }

    public ProcessingLevel level() { return metadata.level(); }

    /** The pixel grid at {@code resolution} metres (10, 20 or 60). */
    public GridGeometry grid(int resolution) { return tile.grid(resolution); }

    /** The radiometric scale of {@code band}. */
    public RadiometricScale scale(Sentinel2Band band) { return metadata.scale(band); }

    /** The JPEG 2000 file of {@code band} at its native resolution. */
    public Path bandFile(Sentinel2Band band) throws RasterFormatException {
        return bandFile(band, band.resolution());
    }

    /**
     * The JPEG 2000 file of {@code band} at {@code resolution} metres. Level-1C products have each
     * band at its native resolution only ({@code IMG_DATA/..._B05.jp2}); Level-2A products have
     * {@code IMG_DATA/R<res>m/..._B05_<res>m.jp2} at 10, 20 and 60 m where ESA makes them.
     *
     * @throws RasterFormatException when the metadata list no such file, or it is missing
     */
    public Path bandFile(Sentinel2Band band, int resolution) throws RasterFormatException {
        String suffix = level() == ProcessingLevel.LEVEL_2A ? "_" + band.name() + "_" + resolution + "m"
                : resolution == band.resolution() ? "_" + band.name() : null;
        return imageFile(suffix, band.name() + " at " + resolution + " m");
    }

    /** The Level-2A scene classification (SCL, 20 m), values 0..11. */
    public Path sceneClassificationFile() throws RasterFormatException {
        if (level() != ProcessingLevel.LEVEL_2A) {
            throw new RasterFormatException(name() + " is " + level().text() + ": only Level-2A products have a scene classification");
        }
        return imageFile("_SCL_20m", "the scene classification (SCL) at 20 m");
    }

    /**
     * The classification mask {@code MSK_CLASSI_B00.jp2} of baseline 04.00 on (three Byte layers at
     * 60 m: opaque clouds, cirrus, snow and ice; 1 where the class applies), when the tile lists it
     * and the file is there.
     */
    public Optional<Path> classificationMask() {
        return tile.mask("MSK_CLASSI").map(m -> directory.resolve(m.path())).filter(Files::isRegularFile);
    }

    /** The GML cloud mask {@code MSK_CLOUDS_B00.gml} of products before baseline 04.00, when present. */
    public Optional<Path> cloudMaskGml() {
        return tile.mask("MSK_CLOUDS").map(m -> directory.resolve(m.path())).filter(Files::isRegularFile);
    }

    private Path imageFile(String suffix, String what) throws RasterFormatException {
        if (suffix != null) {
            for (String entry : metadata.imageFiles()) {
                if (entry.endsWith(suffix)) {
                    Path file = directory.resolve(entry + ".jp2").normalize();
                    if (!file.startsWith(directory)) break;
                    if (!Files.isRegularFile(file)) {
                        throw new RasterFormatException(name() + ": the file of " + what + ", " + entry + ".jp2, is missing");
                    }
                    return file;
                }
            }
        }
        throw new RasterFormatException(name() + " lists no file for " + what);
    }

    @Override
    public String toString() {
        return name();
    }
}
