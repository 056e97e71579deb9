package eu.candela.eodata.sentinel2;

import eu.candela.eodata.raster.RasterFormatException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.w3c.dom.Element;

/**
 * What the product metadata file ({@code MTD_MSIL1C.xml} or {@code MTD_MSIL2A.xml}) says.
 *
 * @param productUri         {@code PRODUCT_URI}, the SAFE folder name
 * @param level              {@code PROCESSING_LEVEL}
 * @param productType        {@code PRODUCT_TYPE}, for example {@code S2MSI2A}
 * @param spacecraft         {@code SPACECRAFT_NAME}, for example {@code Sentinel-2A}
 * @param sensingStart       {@code PRODUCT_START_TIME}, the datatake sensing start also in the product name
 * @param processingBaseline {@code PROCESSING_BASELINE}, for example {@code 04.00}
 * @param quantification     {@code QUANTIFICATION_VALUE} (L1C) or {@code BOA_QUANTIFICATION_VALUE} (L2A)
 * @param offsets            {@code RADIO_ADD_OFFSET} (L1C) or {@code BOA_ADD_OFFSET} (L2A) per band; empty before baseline 04.00
 * @param nodata             the {@code NODATA} special value (0)
 * @param saturated          the {@code SATURATED} special value (65535)
 * @param imageFiles         the {@code IMAGE_FILE} entries: paths in the SAFE without the {@code .jp2} extension
 */
public record ProductMetadata(String productUri, ProcessingLevel level, String productType, String spacecraft,
                              Instant sensingStart, String processingBaseline, double quantification,
                              Map<Sentinel2Band, Double> offsets, int nodata, int saturated, List<String> imageFiles) {
    public ProductMetadata {
        Objects.requireNonNull(productUri, "productUri");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(sensingStart, "sensingStart");
        Objects.requireNonNull(processingBaseline, "processingBaseline");
        offsets = offsets.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(offsets));
        imageFiles = List.copyOf(imageFiles);
    }

    /** The radiometric scale of {@code band}: its offset (0 when the metadata give none) and the quantification. */
    public RadiometricScale scale(Sentinel2Band band) {
        return new RadiometricScale(quantification, offsets.getOrDefault(band, 0.0), nodata, saturated);
    }

    /** True from processing baseline 04.00 on, where DN carry an additive offset. */
    public boolean hasRadiometricOffset() {
        return !offsets.isEmpty();
    }

    /** Reads and checks a product metadata file. */
    public static ProductMetadata read(Path file) throws IOException {
        Sentinel2Xml xml = Sentinel2Xml.parse(file);
        ProcessingLevel level;
        try {
            level = ProcessingLevel.of(xml.text("PROCESSING_LEVEL"));
        } catch (IllegalArgumentException e) {
            throw new RasterFormatException(file.getFileName() + ": " + e.getMessage());
        }
        String quantificationElement = level == ProcessingLevel.LEVEL_2A ? "BOA_QUANTIFICATION_VALUE" : "QUANTIFICATION_VALUE";
        String offsetElement = level == ProcessingLevel.LEVEL_2A ? "BOA_ADD_OFFSET" : "RADIO_ADD_OFFSET";
        double quantification = xml.number(quantificationElement);
        if (!(quantification > 0)) {
            throw new RasterFormatException(file.getFileName() + ": " + quantificationElement + " must be positive, is " + quantification);
        }
        Map<Sentinel2Band, Double> offsets = new EnumMap<>(Sentinel2Band.class);
        for (Element offset : xml.elements(offsetElement)) {
            String id = offset.getAttribute("band_id");
            Sentinel2Band band;
            try {
                band = Sentinel2Band.ofBandId(Integer.parseInt(id.trim()));
            } catch (IllegalArgumentException e) {
                throw new RasterFormatException(file.getFileName() + ": " + offsetElement + " has a bad band_id '" + id + "'");
            }
            offsets.put(band, xml.number(offsetElement, offset.getTextContent()));
        }
        int nodata = 0;
        int saturated = 65535;
        for (Element special : xml.elements("Special_Values")) {
            String name = xml.childText(special, "SPECIAL_VALUE_TEXT");
            int value = (int) xml.number("SPECIAL_VALUE_INDEX", xml.childText(special, "SPECIAL_VALUE_INDEX"));
            if (name.equals("NODATA")) nodata = value;
            if (name.equals("SATURATED")) saturated = value;
        }
        List<String> imageFiles = xml.elements("IMAGE_FILE").stream().map(e -> e.getTextContent().trim()).toList();
        return new ProductMetadata(xml.text("PRODUCT_URI"), level, xml.text("PRODUCT_TYPE"), xml.text("SPACECRAFT_NAME"),
                instant(xml, "PRODUCT_START_TIME"), xml.text("PROCESSING_BASELINE"), quantification, offsets,
                nodata, saturated, imageFiles);
    }

    static Instant instant(Sentinel2Xml xml, String element) throws RasterFormatException {
        String text = xml.text(element);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new RasterFormatException(xml.file().getFileName() + ": " + element + " '" + text + "' is not an ISO-8601 UTC time");
        }
    }
}
