package eu.candela.ows.maps;

import eu.candela.ows.catalog.CatalogEditor;
import eu.candela.ows.catalog.CoverageStoreInfo;
import eu.candela.ows.catalog.LayerInfo;
import eu.candela.ows.testing.ExternalTools;
import eu.candela.ows.testing.HeadlessChromium;
import eu.candela.ows.testing.ServerTestBase;
import eu.candela.ows.testing.TestCoverages;
import eu.candela.ows.testing.ToolRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Map clients other than OWSLib open the services: GDAL's WMS and WMTS drivers, and the preview page in Chromium. */
class MapClientsTest extends ServerTestBase {
    private static final String LAYER = "clients:gradient";

    @Autowired
    CatalogEditor catalog;

    @BeforeEach
    void publishAGradient() throws Exception {
        if (catalog.layer(LAYER).isPresent()) return;
        Path file = TestCoverages.Gradient.write(dataDir().resolve("eodata/clients/gradient.tif"), 1024, 10);
        catalog.addWorkspace("clients");
        catalog.putStore(new CoverageStoreInfo("clients", "gradient", file, "", true));
        catalog.putLayer(new LayerInfo("clients", "gradient", "gradient", "Gradient", "", "change_probability",
                List.of("raster"), true, Instant.now(), 0));
    }

    @Test
    void gdalListsTheLayerFromTheWmsCapabilities() throws Exception {
        ExternalTools.requireGdal();
        ToolRun run = ToolRun.run(Duration.ofSeconds(60),
                List.of("gdalinfo", "WMS:" + base() + "/wms?SERVICE=WMS&VERSION=1.1.1&REQUEST=GetCapabilities"));

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("LAYERS=clients%3Agradient").containsPattern("SUBDATASET_\\d+_DESC=Gradient");
    }

    @Test
    void gdalOpensTheLayerThroughWmtsAndReadsItsPixels() throws Exception {
        ExternalTools.requireGdal();
        String source = "WMTS:" + base() + "/wmts?SERVICE=WMTS&REQUEST=GetCapabilities,layer=" + LAYER
                + ",tilematrixset=GoogleMapsCompatible";
        ToolRun info = ToolRun.run(Duration.ofSeconds(60), List.of("gdalinfo", source));
        assertThat(info.exitCode()).as(info.output()).isZero();
        assertThat(info.output()).contains("Driver: WMTS/OGC Web Map Tile Service").contains("Band 4");

        Path png = Files.createTempFile("gdal-wmts", ".png");
        ToolRun translate = ToolRun.run(Duration.ofSeconds(120), List.of("gdal_translate", "-q", "-of", "PNG",
                "-outsize", "256", "0", source, png.toString()));
        assertThat(translate.exitCode()).as(translate.output()).isZero();
        BufferedImage image = ImageIO.read(png.toFile());
        // the gradient runs blue (0) to red (1) from the top-left to the bottom-right corner
        int topLeft = image.getRGB(image.getWidth() / 10, image.getHeight() / 10);
        int bottomRight = image.getRGB(image.getWidth() * 9 / 10, image.getHeight() * 9 / 10);
        assertThat(blue(topLeft)).isGreaterThan(red(topLeft));
        assertThat(red(bottomRight)).isGreaterThan(blue(bottomRight));
    }

    @Test
    void thePreviewPageShowsTheLayerTilesInABrowser() throws Exception {
        ExternalTools.requireChromium();
        String dom = HeadlessChromium.dumpDom(base() + "/preview/" + LAYER, Duration.ofSeconds(8));

        Matcher loaded = Pattern.compile("data-tiles-loaded=\"(\\d+)\"").matcher(dom);
        assertThat(loaded.find()).as(dom).isTrue();
        assertThat(Integer.parseInt(loaded.group(1))).isPositive();
        assertThat(dom).doesNotContain("data-tile-errors").contains("leaflet-container");

        Path shot = Path.of("target/layer-preview.png");
        HeadlessChromium.screenshot(base() + "/preview/" + LAYER, Duration.ofSeconds(8), shot, 1200, 800);
        assertThat(ImageIO.read(shot.toFile()).getWidth()).isEqualTo(1200);
    }

    private static int red(int argb) { return argb >> 16 & 0xFF; }

    private static int blue(int argb) { return argb & 0xFF; }
}
