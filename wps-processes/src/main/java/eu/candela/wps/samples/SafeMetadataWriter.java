package eu.candela.wps.samples;

import eu.candela.eodata.grid.GridGeometry;
import eu.candela.eodata.sentinel2.ProcessingLevel;
import eu.candela.eodata.sentinel2.Sentinel2Band;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Writes the metadata files of a generated product with the element paths, namespaces and
 * values of ESA's PSD 14 files (compare ../shared/data/safe), trimmed to what describes the
 * generated content: no angle grids, no spectral response curves.
 */
final class SafeMetadataWriter {
    private static final String[] SCL_CLASSES = {"SC_NODATA", "SC_SATURATED_DEFECTIVE", "SC_DARK_FEATURE_SHADOW",
            "SC_CLOUD_SHADOW", "SC_VEGETATION", "SC_NOT_VEGETATED", "SC_WATER", "SC_UNCLASSIFIED",
            "SC_CLOUD_MEDIUM_PROBA", "SC_CLOUD_HIGH_PROBA", "SC_THIN_CIRRUS", "SC_SNOW_ICE"};

    private SafeMetadataWriter() {
    }

    static void writeProduct(Path file, Sentinel2ProductGenerator.Layout layout, List<String> imageFiles) throws IOException {
        boolean l2a = layout.level() == ProcessingLevel.LEVEL_2A;
        String level = l2a ? "2A" : "1C";
        StringBuilder x = new StringBuilder();
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n")
                .append("<n1:Level-").append(level).append("_User_Product xmlns:n1=\"https://psd-14.sentinel2.eo.esa.int/PSD/User_Product_Level-")
                .append(level).append(".xsd\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n")
                .append("  <n1:General_Info>\n    <Product_Info>\n")
                .append(element(6, "PRODUCT_START_TIME", layout.sensingTime().toString()))
                .append(element(6, "PRODUCT_STOP_TIME", layout.sensingTime().toString()))
                .append(element(6, "PRODUCT_URI", layout.name()))
                .append(element(6, "PROCESSING_LEVEL", layout.level().text()))
                .append(element(6, "PRODUCT_TYPE", "S2MSI" + level))
                .append(element(6, "PROCESSING_BASELINE", layout.baseline()))
                .append(element(6, "GENERATION_TIME", layout.generationTime().toString()))
                .append("      <Datatake datatakeIdentifier=\"G").append(layout.spacecraftCode()).append('_')
                .append(layout.datatake()).append("_N").append(layout.baseline()).append("\">\n")
                .append(element(8, "SPACECRAFT_NAME", layout.spacecraft()))
                .append(element(8, "DATATAKE_TYPE", "INS-NOBS"))
                .append(element(8, "DATATAKE_SENSING_START", layout.sensingTime().toString()))
                .append(element(8, "SENSING_ORBIT_NUMBER", "51"))
                .append(element(8, "SENSING_ORBIT_DIRECTION", "DESCENDING"))
                .append("      </Datatake>\n      <Query_Options completeSingleTile=\"true\">\n")
                .append(element(8, "PRODUCT_FORMAT", "SAFE_COMPACT"))
                .append("      </Query_Options>\n      <Product_Organisation>\n        <Granule_List>\n")
                .append("          <Granule granuleIdentifier=\"").append(layout.granuleId()).append("\" imageFormat=\"JPEG2000\">\n");
        for (String image : imageFiles) x.append(element(12, "IMAGE_FILE", image));
        x.append("          </Granule>\n        </Granule_List>\n      </Product_Organisation>\n    </Product_Info>\n")
                .append("    <Product_Image_Characteristics>\n")
                .append(special("NODATA", 0)).append(special("SATURATED", 65535));
        if (l2a) {
            x.append("      <QUANTIFICATION_VALUES_LIST>\n")
                    .append("        <BOA_QUANTIFICATION_VALUE unit=\"none\">10000</BOA_QUANTIFICATION_VALUE>\n")
                    .append("        <AOT_QUANTIFICATION_VALUE unit=\"none\">1000.0</AOT_QUANTIFICATION_VALUE>\n")
                    .append("        <WVP_QUANTIFICATION_VALUE unit=\"cm\">1000.0</WVP_QUANTIFICATION_VALUE>\n")
                    .append("      </QUANTIFICATION_VALUES_LIST>\n");
        } else {
            x.append("      <QUANTIFICATION_VALUE unit=\"none\">10000</QUANTIFICATION_VALUE>\n");
        }
        if (layout.hasOffset()) {
            String list = l2a ? "BOA_ADD_OFFSET_VALUES_LIST" : "Radiometric_Offset_List";
            String item = l2a ? "BOA_ADD_OFFSET" : "RADIO_ADD_OFFSET";
            x.append("      <").append(list).append(">\n");
            for (Sentinel2Band band : Sentinel2Band.values()) {
                x.append("        <").append(item).append(" band_id=\"").append(band.bandId()).append("\">")
                        .append((int) Sentinel2ProductGenerator.OFFSET).append("</").append(item).append(">\n");
            }
            x.append("      </").append(list).append(">\n");
        }
        if (l2a) {
            x.append("      <Scene_Classification_List>\n");
            for (int i = 0; i < SCL_CLASSES.length; i++) {
                x.append("        <Scene_Classification_ID>\n").append(element(10, "SCENE_CLASSIFICATION_TEXT", SCL_CLASSES[i]))
                        .append(element(10, "SCENE_CLASSIFICATION_INDEX", Integer.toString(i))).append("        </Scene_Classification_ID>\n");
            }
            x.append("      </Scene_Classification_List>\n");
        }
        x.append("    </Product_Image_Characteristics>\n  </n1:General_Info>\n</n1:Level-").append(level).append("_User_Product>\n");
        Files.writeString(file, x, StandardCharsets.UTF_8);
    }

    static void writeTile(Path file, Sentinel2ProductGenerator.Layout layout, GridGeometry grid10, List<String[]> masks) throws IOException {
        String level = layout.level() == ProcessingLevel.LEVEL_2A ? "2A" : "1C";
        StringBuilder x = new StringBuilder();
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n")
                .append("<n1:Level-").append(level).append("_Tile_ID xmlns:n1=\"https://psd-14.sentinel2.eo.esa.int/PSD/S2_PDI_Level-")
                .append(level).append("_Tile_Metadata.xsd\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n")
                .append("  <n1:General_Info>\n")
                .append("    <TILE_ID metadataLevel=\"Brief\">").append(layout.tileIdentifier()).append("</TILE_ID>\n")
                .append("    <SENSING_TIME metadataLevel=\"Standard\">").append(layout.sensingTime()).append("</SENSING_TIME>\n")
                .append("  </n1:General_Info>\n  <n1:Geometric_Info>\n    <Tile_Geocoding metadataLevel=\"Brief\">\n")
                .append(element(6, "HORIZONTAL_CS_NAME", "WGS84 / UTM zone " + layout.utmZone() + "N"))
                .append(element(6, "HORIZONTAL_CS_CODE", "EPSG:" + grid10.epsg()));
        int[] resolutions = {10, 20, 60};
        for (int res : resolutions) {
            int n = grid10.width() * 10 / res;
            x.append("      <Size resolution=\"").append(res).append("\">\n").append(element(8, "NROWS", Integer.toString(n)))
                    .append(element(8, "NCOLS", Integer.toString(n))).append("      </Size>\n");
        }
        double[] t = grid10.geoTransform();
        for (int res : resolutions) {
            x.append("      <Geoposition resolution=\"").append(res).append("\">\n")
                    .append(element(8, "ULX", number(t[0]))).append(element(8, "ULY", number(t[3])))
                    .append(element(8, "XDIM", Integer.toString(res))).append(element(8, "YDIM", Integer.toString(-res)))
                    .append("      </Geoposition>\n");
        }
        x.append("    </Tile_Geocoding>\n  </n1:Geometric_Info>\n  <n1:Quality_Indicators_Info metadataLevel=\"Standard\">\n")
                .append("    <Pixel_Level_QI geometry=\"FULL_RESOLUTION\">\n");
        for (String[] mask : masks) {
            x.append("      <MASK_FILENAME type=\"").append(mask[0]).append("\">").append(mask[1]).append("</MASK_FILENAME>\n");
        }
        x.append("    </Pixel_Level_QI>\n  </n1:Quality_Indicators_Info>\n</n1:Level-").append(level).append("_Tile_ID>\n");
        Files.writeString(file, x, StandardCharsets.UTF_8);
    }

    /** An XFDU manifest listing every file of the product with its MD5, as the pre-05.00 manifests do. */
    static void writeManifest(Path safe, Sentinel2ProductGenerator.Layout layout) throws IOException {
        StringBuilder x = new StringBuilder();
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xfdu:XFDU xmlns:xfdu=\"urn:ccsds:schema:xfdu:1\" version=\"esa/safe/sentinel/1.1/sentinel-2/msi/archive_l")
                .append(layout.level() == ProcessingLevel.LEVEL_2A ? "2a" : "1c").append("_user_product\">\n  <dataObjectSection>\n");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(safe)) {
            files = walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("manifest.safe")).sorted().toList();
        }
        int id = 0;
        for (Path file : files) {
            String href = safe.relativize(file).toString().replace('\\', '/');
            x.append("    <dataObject ID=\"Object").append(id++).append("\">\n      <byteStream mimeType=\"")
                    .append(href.endsWith(".jp2") ? "application/octet-stream" : "text/xml").append("\" size=\"").append(Files.size(file))
                    .append("\">\n        <fileLocation locatorType=\"URL\" href=\"./").append(href).append("\"/>\n")
                    .append("        <checksum checksumName=\"MD5\">").append(md5(file)).append("</checksum>\n")
                    .append("      </byteStream>\n    </dataObject>\n");
        }
        x.append("  </dataObjectSection>\n</xfdu:XFDU>\n");
        Files.writeString(safe.resolve("manifest.safe"), x, StandardCharsets.UTF_8);
    }

    private static String md5(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("MD5");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) digest.update(buffer, 0, n);
            return HexFormat.of().formatHex(digest.digest()).toUpperCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String special(String name, int value) {
        return "      <Special_Values>\n" + element(8, "SPECIAL_VALUE_TEXT", name)
                + element(8, "SPECIAL_VALUE_INDEX", Integer.toString(value)) + "      </Special_Values>\n";
    }

    private static String element(int indent, String name, String text) {
        return " ".repeat(indent) + "<" + name + ">" + text + "</" + name + ">\n";
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
