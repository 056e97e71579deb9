package eu.candela.ows.style;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SldReaderTest {

    /** The default styles shipped in the data-directory template (Maven runs tests in the module directory). */
    static final Path DEFAULT_STYLES = Path.of("../geoserver-data-dir/styles");

    @Test
    void readsRampColourMapWithOpacityAndLabels() throws Exception {
        RasterStyle style = read("""
                <Opacity>0.8</Opacity>
                <ColorMap>
                  <ColorMapEntry color="#0000FF" quantity="0" opacity="0.25" label="low"/>
                  <ColorMapEntry color="#ff0000" quantity="1.5"/>
                </ColorMap>""");
        assertEquals(0.8, style.opacity());
        assertEquals(ColorMap.Type.RAMP, style.colorMap().type());
        assertEquals(List.of(new ColorMapEntry(0x0000FF, 0.25, 0, "low"), new ColorMapEntry(0xFF0000, 1, 1.5, "")),
                style.colorMap().entries());
    }

    @ParameterizedTest
    @CsvSource({"ramp, RAMP", "intervals, INTERVALS", "values, VALUES", "Values, VALUES"})
    void readsColourMapType(String attribute, ColorMap.Type type) throws Exception {
        RasterStyle style = read("<ColorMap type=\"" + attribute + "\"><ColorMapEntry color=\"#000000\" quantity=\"1\"/></ColorMap>");
        assertEquals(type, style.colorMap().type());
    }

    @Test
    void readsGreyChannelWithItsOwnContrast() throws Exception {
        RasterStyle style = read("""
                <ChannelSelection><GrayChannel><SourceChannelName>2</SourceChannelName>
                  <ContrastEnhancement><Histogram/></ContrastEnhancement></GrayChannel></ChannelSelection>""");
        assertEquals(2, style.channels().gray().band());
        assertEquals(ContrastEnhancement.Method.HISTOGRAM, style.channels().gray().contrast().method());
        assertEquals(ContrastEnhancement.NONE, style.contrast());
        assertNull(style.colorMap());
    }

    @Test
    void readsRgbChannels() throws Exception {
        RasterStyle style = read("""
                <ChannelSelection>
                  <RedChannel><SourceChannelName>4</SourceChannelName></RedChannel>
                  <GreenChannel><SourceChannelName>3</SourceChannelName></GreenChannel>
                  <BlueChannel><SourceChannelName>2</SourceChannelName></BlueChannel>
                </ChannelSelection>""");
        assertTrue(style.channels().isRgb());
        assertEquals(List.of(4, 3, 2), List.of(style.channels().red().band(), style.channels().green().band(),
                style.channels().blue().band()));
        assertNull(style.channels().red().contrast());
    }

    @Test
    void readsNormalizeWithVendorRangeAndGamma() throws Exception {
        RasterStyle style = read("""
                <ContrastEnhancement>
                  <Normalize>
                    <VendorOption name="algorithm">StretchToMinimumMaximum</VendorOption>
                    <VendorOption name="minValue">-10</VendorOption>
                    <VendorOption name="maxValue">250.5</VendorOption>
                  </Normalize>
                  <GammaValue>1.5</GammaValue>
                </ContrastEnhancement>""");
        assertEquals(new ContrastEnhancement(ContrastEnhancement.Method.NORMALIZE, 1.5, -10.0, 250.5), style.contrast());
    }

    @Test
    void readsGammaAlone() throws Exception {
        RasterStyle style = read("<ContrastEnhancement><GammaValue>0.5</GammaValue></ContrastEnhancement>");
        assertEquals(new ContrastEnhancement(ContrastEnhancement.Method.NONE, 0.5, null, null), style.contrast());
    }

    @Test
    void namesStyleFromUserStyleThenNamedLayerThenDefault() throws Exception {
        String body = "<RasterSymbolizer/>";
        assertEquals("mine", SldReader.read(document("<Name>layer</Name>", "<Name>mine</Name><Title>My style</Title>", body)).name());
        assertEquals("My style", SldReader.read(document("", "<Name>mine</Name><Title>My style</Title>", body)).title());
        assertEquals("layer", SldReader.read(document("<Name>layer</Name>", "", body)).name());
        assertEquals("style", SldReader.read(document("", "", body)).name());
    }

    @Test
    void emptySymbolizerIsTheDefaultStyle() throws Exception {
        RasterStyle style = read("");
        assertEquals(ChannelSelection.DEFAULT, style.channels());
        assertEquals(ContrastEnhancement.NONE, style.contrast());
        assertEquals(1, style.opacity());
    }

    @Test
    void readsSymbologyEncodingNamespaceSymbolizer() throws Exception {
        String sld = """
                <StyledLayerDescriptor version="1.1.0" xmlns="http://www.opengis.net/sld" xmlns:se="http://www.opengis.net/se">
                  <NamedLayer><se:Name>l</se:Name><UserStyle><se:Name>se_style</se:Name>
                    <se:Description><se:Title>SE title</se:Title></se:Description>
                    <se:FeatureTypeStyle><se:Rule><se:RasterSymbolizer>
                      <se:Opacity>0.5</se:Opacity>
                      <se:ChannelSelection><se:GrayChannel><se:SourceChannelName>1</se:SourceChannelName></se:GrayChannel></se:ChannelSelection>
                      <se:ContrastEnhancement><se:Normalize/></se:ContrastEnhancement>
                    </se:RasterSymbolizer></se:Rule></se:FeatureTypeStyle>
                  </UserStyle></NamedLayer>
                </StyledLayerDescriptor>""";
        RasterStyle style = SldReader.read(sld.getBytes(StandardCharsets.UTF_8));
        assertEquals("se_style", style.name());
        assertEquals("SE title", style.title());
        assertEquals(0.5, style.opacity());
        assertEquals(ContrastEnhancement.Method.NORMALIZE, style.contrast().method());
    }

    @Test
    void readsUserLayerAndDeclaredEncoding() throws Exception {
        String sld = """
                <?xml version="1.0" encoding="ISO-8859-1"?>
                <StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld">
                  <UserLayer><Name>u</Name><UserStyle><FeatureTypeStyle><Rule><RasterSymbolizer>
                    <ColorMap type="values"><ColorMapEntry color="#00FF00" quantity="3" label="forêt"/></ColorMap>
                  </RasterSymbolizer></Rule></FeatureTypeStyle></UserStyle></UserLayer>
                </StyledLayerDescriptor>""";
        RasterStyle style = SldReader.read(sld.getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("u", style.name());
        assertEquals("forêt", style.colorMap().entries().get(0).label());
    }

    @Test
    void takesTheFirstRasterSymbolizerOfAnyRule() throws Exception {
        byte[] sld = document("", "<Name>s</Name>", "<LineSymbolizer/></Rule><Rule><RasterSymbolizer><Opacity>0.3</Opacity></RasterSymbolizer>"
                + "</Rule><Rule><RasterSymbolizer><Opacity>0.9</Opacity></RasterSymbolizer>");
        assertEquals(0.3, SldReader.read(sld).opacity());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "<ColorMap><ColorMapEntry color='#12' quantity='1'/></ColorMap>                         | ColorMapEntry color | #12",
            "<ColorMap><ColorMapEntry color='#GGGGGG' quantity='1'/></ColorMap>                     | ColorMapEntry color | #GGGGGG",
            "<ColorMap><ColorMapEntry color='#000000' quantity='abc'/></ColorMap>                   | ColorMapEntry quantity | abc",
            "<ColorMap><ColorMapEntry color='#000000'/></ColorMap>                                  | ColorMapEntry | quantity",
            "<ColorMap><ColorMapEntry color='#000000' quantity='1' opacity='2'/></ColorMap>         | ColorMapEntry opacity | 2",
            "<ColorMap><ColorMapEntry color='#000000' quantity='5'/><ColorMapEntry color='#000000' quantity='2'/></ColorMap> | ascend | 2",
            "<ColorMap type='gradient'><ColorMapEntry color='#000000' quantity='1'/></ColorMap>     | ColorMap type | gradient",
            "<ColorMap/>                                                                            | ColorMap | ColorMapEntry",
            "<ChannelSelection><GrayChannel><SourceChannelName>0</SourceChannelName></GrayChannel></ChannelSelection>   | SourceChannelName | 0",
            "<ChannelSelection><GrayChannel><SourceChannelName>red</SourceChannelName></GrayChannel></ChannelSelection> | SourceChannelName | red",
            "<ChannelSelection><GrayChannel/></ChannelSelection>                                     | GrayChannel | SourceChannelName",
            "<ChannelSelection><RedChannel><SourceChannelName>1</SourceChannelName></RedChannel></ChannelSelection>     | ChannelSelection | green",
            "<Opacity>1.5</Opacity>                                                                 | Opacity | 1.5",
            "<Opacity>half</Opacity>                                                                | Opacity | half",
            "<ContrastEnhancement><GammaValue>-1</GammaValue></ContrastEnhancement>                 | GammaValue | -1",
            "<ContrastEnhancement><Logarithmic/></ContrastEnhancement>                              | ContrastEnhancement | Logarithmic",
            "<ContrastEnhancement><Normalize><VendorOption name='minValue'>x</VendorOption></Normalize></ContrastEnhancement> | minValue | x",
            "<ContrastEnhancement><Normalize><VendorOption name='minValue'>9</VendorOption><VendorOption name='maxValue'>3</VendorOption></Normalize></ContrastEnhancement> | maxValue | 3",
    })
    void refusesBadSymbolizerNamingElementAndValue(String symbolizer, String element, String value) {
        StyleFormatException e = assertThrows(StyleFormatException.class, () -> read(symbolizer.replace('\'', '"')));
        assertTrue(e.getMessage().contains(element), e.getMessage());
        assertTrue(e.getMessage().contains(value), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "not xml at all                                                                     | malformed",
            "<StyledLayerDescriptor xmlns='http://www.opengis.net/sld'><NamedLayer>              | malformed",
            "<FeatureTypeStyle xmlns='http://www.opengis.net/sld'/>                              | FeatureTypeStyle",
            "<StyledLayerDescriptor xmlns='http://example.com/other'/>                           | http://example.com/other",
            "<StyledLayerDescriptor version='2.0' xmlns='http://www.opengis.net/sld'/>           | 2.0",
            "<StyledLayerDescriptor version='1.0.0' xmlns='http://www.opengis.net/sld'/>         | no RasterSymbolizer",
    })
    void refusesBadDocuments(String document, String expected) {
        StyleFormatException e = assertThrows(StyleFormatException.class,
                () -> SldReader.read(document.replace('\'', '"').getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void refusesDoctypeAndExternalEntities() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE StyledLayerDescriptor [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld">
                  <NamedLayer><Name>&secret;</Name><UserStyle><FeatureTypeStyle><Rule><RasterSymbolizer/></Rule>
                  </FeatureTypeStyle></UserStyle></NamedLayer></StyledLayerDescriptor>""";
        StyleFormatException e = assertThrows(StyleFormatException.class,
                () -> SldReader.read(xxe.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
    }

    @Test
    void refusesDocumentsOverOneMegabyte() {
        String padding = "<!--" + "x".repeat(SldReader.MAX_BYTES) + "-->";
        byte[] big = document("", "", "<RasterSymbolizer/>" + padding);
        StyleFormatException e = assertThrows(StyleFormatException.class, () -> SldReader.read(big));
        assertTrue(e.getMessage().contains("limit"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"raster", "change_probability", "change_mask", "rgb_reflectance", "sar_db"})
    void defaultStylesParse(String name) throws Exception {
        RasterStyle style = SldReader.read(Files.readAllBytes(DEFAULT_STYLES.resolve(name + ".sld")));
        assertEquals(name, style.name());
        assertNotNull(style.title());
        assertTrue(!style.title().isEmpty());
    }

    @Test
    void defaultStylesAreListedInTheDataDirectoryIndex() throws IOException {
        List<String> index = Files.readAllLines(DEFAULT_STYLES.resolveSibling("index.txt"));
        try (var files = Files.list(DEFAULT_STYLES)) {
            files.map(f -> "styles/" + f.getFileName()).forEach(f -> assertTrue(index.contains(f), f + " in index.txt"));
        }
    }

    @Test
    void changeStylesColourAsDocumented() throws Exception {
        RasterStyle mask = SldReader.read(Files.readAllBytes(DEFAULT_STYLES.resolve("change_mask.sld")));
        RasterPainter maskPainter = RasterPainter.of(mask, List.of(RasterPainterTest.summaryOf(0, 1, new float[] {0, 1})));
        int[] out = new int[3];
        maskPainter.paint(new float[][] {{0, 1, Float.NaN}}, 3, out, 0);
        assertEquals(List.of(0, 0xFFFF0000, 0), List.of(out[0], out[1], out[2]));
        assertEquals("change", mask.colorMap().entries().get(1).label());

        RasterStyle probability = SldReader.read(Files.readAllBytes(DEFAULT_STYLES.resolve("change_probability.sld")));
        assertEquals(List.of(0.0, 0.5, 1.0), probability.colorMap().entries().stream().map(ColorMapEntry::quantity).toList());
        RasterPainter painter = RasterPainter.of(probability, List.of(RasterPainterTest.summaryOf(0, 1, new float[] {0, 1})));
        painter.paint(new float[][] {{0, 0.5f, 1}}, 3, out, 0);
        assertTrue((out[0] >>> 24) < 64 && (out[0] & 0xFF) > (out[0] >> 16 & 0xFF), "0 is faint blue");
        assertEquals(0xFFFF00, out[1] & 0xFFFFFF, "0.5 is yellow");
        assertEquals(0xFF, out[2] >>> 24, "1 is opaque");
        assertTrue((out[2] >> 16 & 0xFF) > 200 && (out[2] >> 8 & 0xFF) < 50, "1 is red");

        RasterStyle rgb = SldReader.read(Files.readAllBytes(DEFAULT_STYLES.resolve("rgb_reflectance.sld")));
        assertEquals(List.of(1, 2, 3), List.of(rgb.channels().red().band(), rgb.channels().green().band(), rgb.channels().blue().band()));
        assertEquals(ContrastEnhancement.Method.NORMALIZE, rgb.channels().blue().contrast().method());
    }

    @Test
    void sarStyleRampIsLinearInDecibels() throws Exception {
        RasterStyle style = SldReader.read(Files.readAllBytes(DEFAULT_STYLES.resolve("sar_db.sld")));
        RasterPainter painter = RasterPainter.of(style, List.of(RasterPainterTest.summaryOf(0, 1, new float[] {0})));
        for (double db = -25; db <= 5; db += 0.5) {
            float power = (float) Math.pow(10, db / 10);
            int[] out = new int[1];
            painter.paint(new float[][] {{power}}, 1, out, 0);
            double expected = 255 * (db + 25) / 30;
            assertEquals(expected, out[0] & 0xFF, 2.5, db + " dB");
            assertEquals(0xFF, out[0] >>> 24, db + " dB opaque");
        }
    }

    private static RasterStyle read(String symbolizerContent) throws StyleFormatException {
        return SldReader.read(document("<Name>layer</Name>", "<Name>test</Name>",
                "<RasterSymbolizer>" + symbolizerContent + "</RasterSymbolizer>"));
    }

    private static byte[] document(String layerHead, String styleHead, String rules) {
        return ("""
                <?xml version="1.0" encoding="UTF-8"?>
                <StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld">
                  <NamedLayer>%s<UserStyle>%s<FeatureTypeStyle><Rule>%s</Rule></FeatureTypeStyle></UserStyle></NamedLayer>
                </StyledLayerDescriptor>""".formatted(layerHead, styleHead, rules)).getBytes(StandardCharsets.UTF_8);
    }
}
