package eu.candela.eodata.sentinel1;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.w3c.dom.Element;

/**
 * The product annotation of one polarisation ({@code annotation/s1?-*-grd-<pol>-*.xml}): image size,
 * pixel spacing, line times, pass, processing looks and the geolocation grid. Immutable.
 *
 * @param polarisation  upper case, for example {@code VV}
 * @param width         numberOfSamples (pixels per line)
 * @param height        numberOfLines
 * @param rangePixelSpacing   ground-range pixel spacing in metres
 * @param azimuthPixelSpacing azimuth pixel spacing in metres
 * @param firstLineTime productFirstLineUtcTime
 * @param lastLineTime  productLastLineUtcTime
 * @param pass          {@code ASCENDING} or {@code DESCENDING}
 * @param rangeLooks    numberOfLooks of the range processing of the first swath (1 when absent)
 * @param azimuthLooks  numberOfLooks of the azimuth processing of the first swath (1 when absent)
 * @param geolocation   the tie-point grid
 */
public record ProductAnnotation(String polarisation, int width, int height, double rangePixelSpacing,
                                double azimuthPixelSpacing, Instant firstLineTime, Instant lastLineTime, String pass,
                                int rangeLooks, int azimuthLooks, GeolocationGrid geolocation) {

    /** Nominal number of looks: range looks times azimuth looks. */
    public int nominalLooks() {
        return rangeLooks * azimuthLooks;
    }

    static ProductAnnotation read(Path file) throws IOException {
        SafeXml xml = SafeXml.parse(file);
        Element root = xml.root();
        if (!"product".equals(xml.rootName())) {
            throw new SafeFormatException(file + ": not a Sentinel-1 product annotation (root element <" + xml.rootName() + ">)");
        }
        String productType = xml.text(root, "productType");
        if (!"GRD".equalsIgnoreCase(productType)) {
            throw new SafeFormatException(file + ": not a GRD product annotation (productType " + productType + ")");
        }
        Element image = xml.required(root, "imageInformation");
        int width = xml.integer(image, "numberOfSamples");
        int height = xml.integer(image, "numberOfLines");
        if (width < 1 || height < 1) {
            throw new SafeFormatException(file + ": image size " + width + " x " + height + " is not positive");
        }
        List<GeolocationGrid.TiePoint> points = new ArrayList<>();
        for (Element p : SafeXml.all(xml.required(root, "geolocationGridPointList"), "geolocationGridPoint")) {
            points.add(new GeolocationGrid.TiePoint(xml.number(p, "line"), xml.number(p, "pixel"), xml.number(p, "latitude"),
                    xml.number(p, "longitude"), xml.number(p, "height"), xml.number(p, "incidenceAngle")));
        }
        GeolocationGrid grid;
        try {
            grid = new GeolocationGrid(points);
        } catch (IllegalArgumentException e) {
            throw new SafeFormatException(file + ": geolocation grid: " + e.getMessage(), e);
        }
        Element range = SafeXml.first(root, "rangeProcessing");
        Element azimuth = SafeXml.first(root, "azimuthProcessing");
        String pass = xml.optionalText(root, "pass");
        return new ProductAnnotation(xml.text(root, "polarisation").toUpperCase(Locale.ROOT), width, height,
                xml.number(image, "rangePixelSpacing"), xml.number(image, "azimuthPixelSpacing"),
                xml.time(image, "productFirstLineUtcTime"), xml.time(image, "productLastLineUtcTime"),
                pass == null ? "" : pass.toUpperCase(Locale.ROOT),
                range == null ? 1 : Math.max(1, (int) Math.round(xml.number(range, "numberOfLooks"))),
                azimuth == null ? 1 : Math.max(1, (int) Math.round(xml.number(azimuth, "numberOfLooks"))), grid);
    }
}
