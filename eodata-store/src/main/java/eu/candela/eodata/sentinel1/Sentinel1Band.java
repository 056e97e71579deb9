package eu.candela.eodata.sentinel1;

import eu.candela.eodata.raster.RasterBlock;
import eu.candela.eodata.raster.TiffImageReader;
import java.io.IOException;
import java.nio.file.Path;

/**
 * One polarisation of a Sentinel-1 GRD product: its parsed annotation, calibration and noise, and
 * its measurement file, read by windows (from any number of threads). Open with {@link Sentinel1Product#band(String)}; close it
 * to release the measurement file.
 */
public final class Sentinel1Band implements AutoCloseable {
    private final ProductAnnotation annotation;
    private final CalibrationVectors calibration;
    private final NoiseVectors noise;
    private final Path measurementFile;
    private TiffImageReader measurement;

    Sentinel1Band(ProductAnnotation annotation, CalibrationVectors calibration, NoiseVectors noise, Path measurementFile) {
        this.annotation = annotation;
        this.calibration = calibration;
        this.noise = noise;
        this.measurementFile = measurementFile;
    }

    public String polarisation() {
        return annotation.polarisation();
    }

    public ProductAnnotation annotation() {
        return annotation;
    }

    public CalibrationVectors calibration() {
        return calibration;
    }

    public NoiseVectors noise() {
        return noise;
    }

    /** The measurement GeoTIFF; it may be absent (metadata-only copies), which {@link #readDigitalNumbers} reports. */
    public Path measurementFile() {
        return measurementFile;
    }

    /** The calibrator of {@code type}, removing thermal noise when {@code removeNoise}. */
    public RadiometricCalibrator calibrator(CalibrationType type, boolean removeNoise) {
        return new RadiometricCalibrator(calibration.lut(type), removeNoise ? noise : null);
    }

    /**
     * Digital numbers of the window (x = first pixel, y = first line), which must lie inside the image.
     *
     * @throws SafeFormatException when the measurement file is missing or does not match the annotation
     */
    public RasterBlock readDigitalNumbers(int x, int y, int width, int height) throws IOException {
        return measurement().read(x, y, width, height);
    }

    /** The measurement reader, opened on first use; reads need no lock (the reader is thread-safe). */
    private synchronized TiffImageReader measurement() throws IOException {
        if (measurement == null) {
            if (measurementFile == null || !java.nio.file.Files.isRegularFile(measurementFile)) {
                throw new SafeFormatException("the measurement file of " + polarisation() + " is missing: " + measurementFile);
            }
            TiffImageReader reader = TiffImageReader.open(measurementFile);
            if (reader.width() != annotation.width() || reader.height() != annotation.height()) {
                reader.close();
                throw new SafeFormatException(measurementFile + ": the measurement is " + reader.width() + " x " + reader.height()
                        + " pixels but its annotation says " + annotation.width() + " x " + annotation.height());
            }
            measurement = reader;
        }
        return measurement;
    }

    /** Calibrated values (linear) of the window; NaN where the product has no data. */
    public RasterBlock readCalibrated(int x, int y, int width, int height, CalibrationType type, boolean removeNoise) throws IOException {
        RasterBlock block = readDigitalNumbers(x, y, width, height);
        calibrator(type, removeNoise).calibrate(block);
        return block;
    }

    @Override
    public synchronized void close() throws IOException {
        if (measurement != null) {
            measurement.close();
            measurement = null;
        }
    }
}
