package eu.candela.wps.samples;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntToDoubleFunction;

/**
 * Writes the XML of a generated GRD product in the layout and element names of real IPF 003.x
 * products: {@code manifest.safe}, and per polarisation the product annotation (image information,
 * processing looks, geolocation grid), the calibration annotation (sigma0, beta0, gamma, dn
 * vectors) and the noise annotation (range vectors and per-swath azimuth vectors). Only the
 * elements a reader needs are filled; the rest of ESA's schema is left out.
 */
final class GrdMetadataWriter {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);
    static final double LINE_INTERVAL_SECONDS = 1.4984e-3;
    static final int LUT_PIXEL_STEP = 40;
    static final int AZIMUTH_NOISE_LINE_STEP = 10;
    static final int GRID_ROWS = 10;
    static final int GRID_COLUMNS = 21;

    private final Sentinel1ProductGenerator.Identity id;
    private final GrdGeometry geometry;
    private final GrdRadiometry radiometry;

    GrdMetadataWriter(Sentinel1ProductGenerator.Identity id, GrdGeometry geometry, GrdRadiometry radiometry) {
        this.id = id;
        this.geometry = geometry;
        this.radiometry = radiometry;
    }

    static String time(Instant t) {
        return TIME.format(t);
    }

    Instant lineTime(double line) {
        return id.start().plusNanos(Math.round(line * LINE_INTERVAL_SECONDS * 1e9));
    }

    /** Lines of the geolocation grid: {@link #GRID_ROWS} rows from the first to the last line. */
    List<Integer> gridLines() {
        return spread(geometry.height(), Math.min(GRID_ROWS, geometry.height()));
    }

    List<Integer> gridPixels() {
        return spread(geometry.width(), Math.min(GRID_COLUMNS, geometry.width()));
    }

    private static List<Integer> spread(int size, int count) {
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            positions.add((int) Math.round(i * (size - 1) / (double) (count - 1)));
        }
        return positions;
    }

    /** Vector lines of the calibration and range noise tables: about 25 over the image, one past its end, as ESA does. */
    private List<Integer> vectorLines() {
        int step = Math.max(1, (int) Math.ceil(geometry.height() / 25.0));
        List<Integer> lines = new ArrayList<>();
        for (int line = 0; line < geometry.height() + step; line += step) {
            lines.add(line);
        }
        return lines;
    }

    private List<Integer> vectorPixels() {
        List<Integer> pixels = new ArrayList<>();
        for (int p = 0; p < geometry.width() - 1; p += LUT_PIXEL_STEP) {
            pixels.add(p);
        }
        pixels.add(geometry.width() - 1);
        return pixels;
    }

    void writeManifest(Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xfdu:XFDU xmlns:xfdu=\"urn:ccsds:schema:xfdu:1\" "
                    + "xmlns:safe=\"http://www.esa.int/safe/sentinel-1.0\" xmlns:s1=\"http://www.esa.int/safe/sentinel-1.0/sentinel-1\" "
                    + "xmlns:s1sarl1=\"http://www.esa.int/safe/sentinel-1.0/sentinel-1/sar/level-1\" "
                    + "version=\"esa/safe/sentinel-1.0/sentinel-1/sar/level-1/grd/standard/iwdp\">\n");
            w.write("  <informationPackageMap>\n    <xfdu:contentUnit unitType=\"SAFE Archive Information Package\" "
                    + "textInfo=\"Sentinel-1 IW Level-1 GRD Product\"/>\n  </informationPackageMap>\n");
            w.write("  <metadataSection>\n");
            w.write("    <metadataObject ID=\"processing\" classification=\"PROVENANCE\" category=\"PDI\">\n      <metadataWrap mimeType=\"text/xml\" "
                    + "vocabularyName=\"SAFE\" textInfo=\"Processing\">\n        <xmlData>\n          <safe:processing name=\"GRD Post Processing\">\n"
                    + "            <safe:facility name=\"Candela generator\">\n              <safe:software name=\"Sentinel-1 IPF\" version=\"003.31\"/>\n"
                    + "            </safe:facility>\n          </safe:processing>\n        </xmlData>\n      </metadataWrap>\n    </metadataObject>\n");
            w.write("    <metadataObject ID=\"platform\" classification=\"DESCRIPTION\" category=\"DMD\">\n      <metadataWrap mimeType=\"text/xml\" "
                    + "vocabularyName=\"SAFE\" textInfo=\"Platform Description\">\n        <xmlData>\n          <safe:platform>\n"
                    + "            <safe:nssdcIdentifier>2014-016A</safe:nssdcIdentifier>\n            <safe:familyName>SENTINEL-1</safe:familyName>\n"
                    + "            <safe:number>" + id.mission().substring(2) + "</safe:number>\n            <safe:instrument>\n"
                    + "              <safe:familyName abbreviation=\"SAR\">Synthetic Aperture Radar</safe:familyName>\n              <safe:extension>\n"
                    + "                <s1sarl1:instrumentMode>\n                  <s1sarl1:mode>IW</s1sarl1:mode>\n"
                    + "                  <s1sarl1:swath>IW1</s1sarl1:swath>\n                  <s1sarl1:swath>IW2</s1sarl1:swath>\n"
                    + "                  <s1sarl1:swath>IW3</s1sarl1:swath>\n                </s1sarl1:instrumentMode>\n"
                    + "              </safe:extension>\n            </safe:instrument>\n          </safe:platform>\n        </xmlData>\n"
                    + "      </metadataWrap>\n    </metadataObject>\n");
            w.write("    <metadataObject ID=\"measurementOrbitReference\" classification=\"DESCRIPTION\" category=\"DMD\">\n      <metadataWrap "
                    + "mimeType=\"text/xml\" vocabularyName=\"SAFE\" textInfo=\"Orbit Reference\">\n        <xmlData>\n          <safe:orbitReference>\n"
                    + "            <safe:orbitNumber type=\"start\">" + id.absoluteOrbit() + "</safe:orbitNumber>\n"
                    + "            <safe:extension>\n              <s1:orbitProperties>\n                <s1:pass>" + passWord() + "</s1:pass>\n"
                    + "              </s1:orbitProperties>\n            </safe:extension>\n          </safe:orbitReference>\n        </xmlData>\n"
                    + "      </metadataWrap>\n    </metadataObject>\n");
            w.write("    <metadataObject ID=\"generalProductInformation\" classification=\"DESCRIPTION\" category=\"DMD\">\n      <metadataWrap "
                    + "mimeType=\"text/xml\" vocabularyName=\"SAFE\" textInfo=\"General Product Information\">\n        <xmlData>\n"
                    + "          <s1sarl1:standAloneProductInformation>\n");
            for (String p : id.polarisations()) {
                w.write("            <s1sarl1:transmitterReceiverPolarisation>" + p + "</s1sarl1:transmitterReceiverPolarisation>\n");
            }
            w.write("            <s1sarl1:productClass>S</s1sarl1:productClass>\n            <s1sarl1:productType>GRD</s1sarl1:productType>\n"
                    + "          </s1sarl1:standAloneProductInformation>\n        </xmlData>\n      </metadataWrap>\n    </metadataObject>\n");
            w.write("    <metadataObject ID=\"acquisitionPeriod\" classification=\"DESCRIPTION\" category=\"DMD\">\n      <metadataWrap "
                    + "mimeType=\"text/xml\" vocabularyName=\"SAFE\" textInfo=\"Acquisition Period\">\n        <xmlData>\n          <safe:acquisitionPeriod>\n"
                    + "            <safe:startTime>" + time(id.start()) + "</safe:startTime>\n            <safe:stopTime>" + time(stopTime())
                    + "</safe:stopTime>\n          </safe:acquisitionPeriod>\n        </xmlData>\n      </metadataWrap>\n    </metadataObject>\n");
            w.write("  </metadataSection>\n  <dataObjectSection>\n");
            for (String p : id.polarisations()) {
                String base = id.fileBase(p);
                dataObject(w, "product" + base, "s1Level1ProductSchema", "text/xml", "./annotation/" + base + ".xml");
                dataObject(w, "noise" + base, "s1Level1NoiseSchema", "text/xml", "./annotation/calibration/noise-" + base + ".xml");
                dataObject(w, "calibration" + base, "s1Level1CalibrationSchema", "text/xml",
                        "./annotation/calibration/calibration-" + base + ".xml");
                dataObject(w, base, "s1Level1MeasurementSchema", "application/octet-stream", "./measurement/" + base + ".tiff");
            }
            w.write("  </dataObjectSection>\n</xfdu:XFDU>\n");
        }
    }

    private static void dataObject(BufferedWriter w, String idValue, String rep, String mime, String href) throws IOException {
        w.write("    <dataObject ID=\"" + idValue.replace("-", "") + "\" repID=\"" + rep + "\">\n      <byteStream mimeType=\"" + mime + "\">\n"
                + "        <fileLocation locatorType=\"URL\" href=\"" + href + "\"/>\n      </byteStream>\n    </dataObject>\n");
    }

    private String passWord() {
        return id.ascending() ? "ASCENDING" : "DESCENDING";
    }

    Instant stopTime() {
        return id.stop();
    }

    private void header(BufferedWriter w, String pol, int imageNumber) throws IOException {
        w.write("  <adsHeader>\n    <missionId>" + id.mission() + "</missionId>\n    <productType>GRD</productType>\n"
                + "    <polarisation>" + pol + "</polarisation>\n    <mode>IW</mode>\n    <swath>IW</swath>\n"
                + "    <startTime>" + time(id.start()) + "</startTime>\n    <stopTime>" + time(stopTime()) + "</stopTime>\n"
                + "    <absoluteOrbitNumber>" + id.absoluteOrbit() + "</absoluteOrbitNumber>\n"
                + "    <imageNumber>" + String.format(Locale.ROOT, "%03d", imageNumber) + "</imageNumber>\n  </adsHeader>\n");
    }

    void writeAnnotation(Path file, String pol, int imageNumber, int looks) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<product>\n");
            header(w, pol, imageNumber);
            w.write("  <generalAnnotation>\n    <productInformation>\n      <pass>" + (id.ascending() ? "Ascending" : "Descending")
                    + "</pass>\n      <timelinessCategory>Fast-24h</timelinessCategory>\n      <platformHeading>"
                    + num(id.headingDegrees()) + "</platformHeading>\n      <projection>Ground Range</projection>\n"
                    + "      <rangeSamplingRate>6.4345241e+07</rangeSamplingRate>\n      <radarFrequency>5.405000454334350e+09</radarFrequency>\n"
                    + "    </productInformation>\n  </generalAnnotation>\n");
            w.write("  <imageAnnotation>\n    <imageInformation>\n      <productFirstLineUtcTime>" + time(id.start())
                    + "</productFirstLineUtcTime>\n      <productLastLineUtcTime>" + time(stopTime()) + "</productLastLineUtcTime>\n"
                    + "      <productComposition>Slice</productComposition>\n      <rangePixelSpacing>" + num(geometry.spacing())
                    + "</rangePixelSpacing>\n      <azimuthPixelSpacing>" + num(geometry.spacing()) + "</azimuthPixelSpacing>\n"
                    + "      <azimuthTimeInterval>" + num(LINE_INTERVAL_SECONDS) + "</azimuthTimeInterval>\n"
                    + "      <numberOfSamples>" + geometry.width() + "</numberOfSamples>\n      <numberOfLines>" + geometry.height()
                    + "</numberOfLines>\n    </imageInformation>\n    <processingInformation>\n      <swathProcessingParamsList count=\"3\">\n");
            for (int s = 1; s <= GrdRadiometry.SWATHS; s++) {
                w.write("        <swathProcessingParams>\n          <swath>IW" + s + "</swath>\n          <rangeProcessing>\n"
                        + "            <windowType>Hamming</windowType>\n            <numberOfLooks>" + looks + "</numberOfLooks>\n"
                        + "          </rangeProcessing>\n          <azimuthProcessing>\n            <windowType>Hamming</windowType>\n"
                        + "            <numberOfLooks>1</numberOfLooks>\n          </azimuthProcessing>\n        </swathProcessingParams>\n");
            }
            w.write("      </swathProcessingParamsList>\n    </processingInformation>\n  </imageAnnotation>\n");
            List<Integer> lines = gridLines();
            List<Integer> pixels = gridPixels();
            w.write("  <geolocationGrid>\n    <geolocationGridPointList count=\"" + lines.size() * pixels.size() + "\">\n");
            double[] en = new double[2];
            for (int line : lines) {
                for (int pixel : pixels) {
                    geometry.toEastNorth(line, pixel, en);
                    double[] ll = geometry.toLatLon(en[0], en[1]);
                    w.write("      <geolocationGridPoint>\n        <azimuthTime>" + time(lineTime(line)) + "</azimuthTime>\n"
                            + "        <slantRangeTime>" + num(5.34e-3 + pixel * geometry.spacing() * 2 / 299_792_458.0 * 0.6) + "</slantRangeTime>\n"
                            + "        <line>" + line + "</line>\n        <pixel>" + pixel + "</pixel>\n"
                            + "        <latitude>" + num(ll[0]) + "</latitude>\n        <longitude>" + num(ll[1]) + "</longitude>\n"
                            + "        <height>" + num(GrdGeometry.terrainHeight(en[0], en[1])) + "</height>\n"
                            + "        <incidenceAngle>" + num(geometry.incidenceAngle(pixel)) + "</incidenceAngle>\n"
                            + "        <elevationAngle>" + num(geometry.incidenceAngle(pixel) - 3.3) + "</elevationAngle>\n"
                            + "      </geolocationGridPoint>\n");
                }
            }
            w.write("    </geolocationGridPointList>\n  </geolocationGrid>\n</product>\n");
        }
    }

    void writeCalibration(Path file, String pol, int imageNumber) throws IOException {
        List<Integer> lines = vectorLines();
        List<Integer> pixels = vectorPixels();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<calibration>\n");
            header(w, pol, imageNumber);
            w.write("  <calibrationInformation>\n    <absoluteCalibrationConstant>1.000000e+00</absoluteCalibrationConstant>\n"
                    + "  </calibrationInformation>\n  <calibrationVectorList count=\"" + lines.size() + "\">\n");
            for (int line : lines) {
                w.write("    <calibrationVector>\n      <azimuthTime>" + time(lineTime(line)) + "</azimuthTime>\n      <line>" + line + "</line>\n");
                list(w, "pixel", pixels, p -> p, true);
                list(w, "sigmaNought", pixels, radiometry::sigma0Constant, false);
                list(w, "betaNought", pixels, p -> GrdRadiometry.BETA0, false);
                list(w, "gamma", pixels, radiometry::gammaConstant, false);
                list(w, "dn", pixels, p -> GrdRadiometry.BETA0, false);
                w.write("    </calibrationVector>\n");
            }
            w.write("  </calibrationVectorList>\n</calibration>\n");
        }
    }

    void writeNoise(Path file, String pol, int imageNumber) throws IOException {
        List<Integer> lines = vectorLines();
        List<Integer> pixels = vectorPixels();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<noise>\n");
            header(w, pol, imageNumber);
            w.write("  <noiseRangeVectorList count=\"" + lines.size() + "\">\n");
            for (int line : lines) {
                w.write("    <noiseRangeVector>\n      <azimuthTime>" + time(lineTime(line)) + "</azimuthTime>\n      <line>" + line + "</line>\n");
                list(w, "pixel", pixels, p -> p, true);
                list(w, "noiseRangeLut", pixels, radiometry::rangeNoise, false);
                w.write("    </noiseRangeVector>\n");
            }
            int swaths = 0;
            for (int s = 0; s < GrdRadiometry.SWATHS; s++) {
                swaths += radiometry.lastPixelOfSwath(s) >= radiometry.firstPixelOfSwath(s) ? 1 : 0;
            }
            w.write("  </noiseRangeVectorList>\n  <noiseAzimuthVectorList count=\"" + swaths + "\">\n");
            List<Integer> azimuthLines = new ArrayList<>();
            for (int line = 0; line < geometry.height() - 1; line += AZIMUTH_NOISE_LINE_STEP) {
                azimuthLines.add(line);
            }
            azimuthLines.add(geometry.height() - 1);
            for (int s = 0; s < GrdRadiometry.SWATHS; s++) {
                int swath = s;
                int last = radiometry.lastPixelOfSwath(s);
                if (last < radiometry.firstPixelOfSwath(s)) {
                    continue; // the image does not reach this sub-swath
                }
                w.write("    <noiseAzimuthVector>\n      <swath>IW" + (s + 1) + "</swath>\n      <firstAzimuthLine>0</firstAzimuthLine>\n"
                        + "      <firstRangeSample>" + radiometry.firstPixelOfSwath(s) + "</firstRangeSample>\n"
                        + "      <lastAzimuthLine>" + (geometry.height() - 1) + "</lastAzimuthLine>\n"
                        + "      <lastRangeSample>" + last + "</lastRangeSample>\n");
                list(w, "line", azimuthLines, l -> l, true);
                list(w, "noiseAzimuthLut", azimuthLines, l -> radiometry.azimuthNoise(swath, l), false);
                w.write("    </noiseAzimuthVector>\n");
            }
            w.write("  </noiseAzimuthVectorList>\n</noise>\n");
        }
    }

    private static void list(BufferedWriter w, String element, List<Integer> at, IntToDoubleFunction value, boolean integers) throws IOException {
        StringBuilder b = new StringBuilder("      <").append(element).append(" count=\"").append(at.size()).append("\">");
        for (int i = 0; i < at.size(); i++) {
            if (i > 0) {
                b.append(' ');
            }
            double v = value.applyAsDouble(at.get(i));
            b.append(integers ? Long.toString(Math.round(v)) : String.format(Locale.ROOT, "%.6e", v));
        }
        w.write(b.append("</").append(element).append(">\n").toString());
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.15e", v);
    }
}
