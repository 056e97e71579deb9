package eu.candela.eodata.sentinel1;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.w3c.dom.Element;

/**
 * What {@code manifest.safe} of a Sentinel-1 level-1 product says: mission, mode, product type,
 * polarisations, acquisition period, processor version and, per polarisation, where the annotation,
 * calibration, noise and measurement files are (paths relative to the product folder). Immutable.
 *
 * @param productName the folder name without {@code .SAFE}
 * @param mission     {@code S1A}, {@code S1B}, {@code S1C} ...
 * @param mode        acquisition mode: {@code IW}, {@code EW}, {@code SM}, {@code WV}
 * @param productType {@code GRD}, {@code SLC} ...
 * @param polarisations as listed, upper case: {@code VV}, {@code VH}, {@code HH}, {@code HV}
 * @param startTime   first line, UTC
 * @param stopTime    last line, UTC
 * @param ipfVersion  Instrument Processing Facility version, for example {@code 003.31}; empty when absent
 * @param pass        {@code ASCENDING} or {@code DESCENDING}; empty when absent
 * @param files       per polarisation, the files of its data objects
 */
public record Sentinel1Manifest(String productName, String mission, String mode, String productType,
                                List<String> polarisations, Instant startTime, Instant stopTime, String ipfVersion,
                                String pass, Map<String, PolarisationFiles> files) {

    /** Paths, relative to the product folder, of one polarisation's files; null when the manifest lists none. */
    public record PolarisationFiles(String annotation, String calibration, String noise, String measurement) {
    }

    public Sentinel1Manifest {
        Objects.requireNonNull(productName, "productName");
        polarisations = List.copyOf(polarisations);
        files = Map.copyOf(files);
    }

    /** The spacecraft as named in metadata: {@code Sentinel-1A}. */
    public String spacecraft() {
        return "Sentinel-1" + mission.substring(mission.length() - 1);
    }

    /** IPF version as a number (3.31), or NaN when unknown. */
    public double ipfVersionNumber() {
        try {
            return Double.parseDouble(ipfVersion);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    static Sentinel1Manifest read(Path manifestFile, String productName) throws SafeFormatException, java.io.IOException {
        SafeXml xml = SafeXml.parse(manifestFile);
        Element root = xml.root();
        if (!"XFDU".equals(xml.rootName())) {
            throw new SafeFormatException(manifestFile + ": not a SAFE manifest (root element <" + xml.rootName() + ">, expected <XFDU>)");
        }
        String family = xml.optionalText(root, "familyName");
        if (family == null || !family.toUpperCase(Locale.ROOT).startsWith("SENTINEL-1")) {
            throw new SafeFormatException(manifestFile + ": not a Sentinel-1 product (platform " + family + ")");
        }
        String number = xml.text(root, "number");
        String mode = xml.text(root, "mode");
        String productType = xml.text(root, "productType");
        List<String> polarisations = new ArrayList<>();
        for (Element e : SafeXml.all(root, "transmitterReceiverPolarisation")) {
            polarisations.add(e.getTextContent().trim().toUpperCase(Locale.ROOT));
        }
        if (polarisations.isEmpty()) {
            throw new SafeFormatException(manifestFile + ": no <transmitterReceiverPolarisation> element");
        }
        Instant start = xml.time(root, "startTime");
        Instant stop = xml.time(root, "stopTime");
        String ipf = "";
        for (Element e : SafeXml.all(root, "software")) {
            if ("Sentinel-1 IPF".equals(e.getAttribute("name")) && !e.getAttribute("version").isEmpty()) {
                ipf = e.getAttribute("version");
                break;
            }
        }
        String pass = xml.optionalText(root, "pass");
        Map<String, String[]> byPolarisation = new LinkedHashMap<>();
        for (Element object : SafeXml.all(root, "dataObject")) {
            Element location = SafeXml.first(object, "fileLocation");
            if (location == null) {
                continue;
            }
            String href = location.getAttribute("href");
            int slot = switch (object.getAttribute("repID")) {
                case "s1Level1ProductSchema" -> 0;
                case "s1Level1CalibrationSchema" -> 1;
                case "s1Level1NoiseSchema" -> 2;
                case "s1Level1MeasurementSchema" -> 3;
                default -> -1;
            };
            String polarisation = polarisationOf(href);
            if (slot < 0 || polarisation == null) {
                continue;
            }
            byPolarisation.computeIfAbsent(polarisation, p -> new String[4])[slot] = normalise(href, manifestFile);
        }
        Map<String, PolarisationFiles> files = new LinkedHashMap<>();
        byPolarisation.forEach((p, f) -> files.put(p, new PolarisationFiles(f[0], f[1], f[2], f[3])));
        return new Sentinel1Manifest(productName, "S1" + number.toUpperCase(Locale.ROOT), mode.toUpperCase(Locale.ROOT),
                productType.toUpperCase(Locale.ROOT), polarisations, start, stop, ipf,
                pass == null ? "" : pass.toUpperCase(Locale.ROOT), files);
    }

    /** Polarisation from an ESA file name such as {@code s1a-iw-grd-vv-...}. */
    private static String polarisationOf(String href) {
        String name = href.substring(href.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        for (String p : List.of("vv", "vh", "hh", "hv")) {
            if (name.contains("-" + p + "-")) {
                return p.toUpperCase(Locale.ROOT);
            }
        }
        return null;
    }

    /** A relative path inside the product; anything escaping the folder is refused. */
    private static String normalise(String href, Path manifestFile) throws SafeFormatException {
        String relative = href.startsWith("./") ? href.substring(2) : href;
        Path p = Path.of(relative).normalize();
        if (p.isAbsolute() || p.startsWith("..") || relative.contains(":")) {
            throw new SafeFormatException(manifestFile + ": data object location '" + href + "' points outside the product");
        }
        return p.toString().replace('\\', '/');
    }
}
