package eu.candela.eodata.sentinel1;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A Sentinel-1 level-1 GRD product in the SAFE layout: a {@code *.SAFE} folder with
 * {@code manifest.safe}, {@code annotation/}, {@code annotation/calibration/} and
 * {@code measurement/}. Opening reads only the manifest; {@link #band} parses one polarisation's
 * metadata. Immutable.
 *
 * <pre>{@code
 * Sentinel1Product product = Sentinel1Product.open(Path.of("S1A_IW_GRDH_1SDV_....SAFE"));
 * try (Sentinel1Band vv = product.band("VV")) {
 *     RasterBlock sigma0 = vv.readCalibrated(0, 0, 512, 512, CalibrationType.SIGMA0, true);
 * }
 * }</pre>
 */
public final class Sentinel1Product {
    public static final String MANIFEST = "manifest.safe";

    private final Path directory;
    private final Sentinel1Manifest manifest;

    private Sentinel1Product(Path directory, Sentinel1Manifest manifest) {
        this.directory = directory;
        this.manifest = manifest;
    }

    /**
     * Opens the product folder, or the folder of a {@code manifest.safe} given directly.
     *
     * @throws SafeFormatException when it is not a Sentinel-1 GRD product (with the reason)
     */
    public static Sentinel1Product open(Path folderOrManifest) throws IOException {
        Path directory = Files.isDirectory(folderOrManifest) ? folderOrManifest : folderOrManifest.getParent();
        Path manifestFile = directory == null ? null : directory.resolve(MANIFEST);
        if (manifestFile == null || !Files.isRegularFile(manifestFile)) {
            throw new SafeFormatException(folderOrManifest + ": not a SAFE product (no " + MANIFEST + ")");
        }
        String name = directory.getFileName().toString();
        if (name.toUpperCase(Locale.ROOT).endsWith(".SAFE")) {
            name = name.substring(0, name.length() - 5);
        }
        Sentinel1Manifest manifest = Sentinel1Manifest.read(manifestFile, name);
        if (!"GRD".equals(manifest.productType())) {
            throw new SafeFormatException(name + ": not a GRD product (productType " + manifest.productType()
                    + "); only level-1 GRD products are supported");
        }
        return new Sentinel1Product(directory, manifest);
    }

    public Path directory() {
        return directory;
    }

    public Sentinel1Manifest manifest() {
        return manifest;
    }

    public List<String> polarisations() {
        return manifest.polarisations();
    }

    /**
     * Parses the annotation, calibration and noise of {@code polarisation} (case-insensitive).
     *
     * @throws SafeFormatException when the product has no such polarisation or its metadata are wrong
     */
    public Sentinel1Band band(String polarisation) throws IOException {
        String p = polarisation.toUpperCase(Locale.ROOT);
        Sentinel1Manifest.PolarisationFiles files = manifest.files().get(p);
        if (!manifest.polarisations().contains(p) || files == null) {
            throw new SafeFormatException(manifest.productName() + ": has no polarisation " + polarisation
                    + " (it has " + String.join(", ", manifest.polarisations()) + ")");
        }
        if (files.annotation() == null || files.calibration() == null || files.noise() == null) {
            throw new SafeFormatException(manifest.productName() + ": the manifest lists no annotation, calibration or noise file for " + p);
        }
        ProductAnnotation annotation = ProductAnnotation.read(directory.resolve(files.annotation()));
        CalibrationVectors calibration = CalibrationVectors.read(directory.resolve(files.calibration()));
        NoiseVectors noise = NoiseVectors.read(directory.resolve(files.noise()));
        Path measurement = files.measurement() == null ? null : directory.resolve(files.measurement());
        return new Sentinel1Band(annotation, calibration, noise, measurement);
    }
}
