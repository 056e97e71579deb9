package eu.candela.ows.preview;

import eu.candela.ows.catalog.LayerInfo;
import eu.candela.ows.wps10.ServiceUrls;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PreviewPagesTest {
    private static final ServiceUrls URLS = new ServiceUrls("http://127.0.0.1:8080");
    private static final double[] BOUNDS = {-0.6, 44.8, -0.5, 44.9};

    private static LayerInfo layer(String title) {
        return new LayerInfo("results", "cd_mask", "cd_mask", title, "<b>abstract</b>", "change_mask",
                List.of("raster"), true, Instant.EPOCH, 1);
    }

    @Test
    void theMapPageCarriesEverythingTheScriptNeedsInDataAttributesAndNoInlineScript() {
        String html = PreviewPages.layer(layer("Change mask"), BOUNDS, URLS, "https://tile.openstreetmap.org/{z}/{x}/{y}.png", "OSM");

        assertThat(html).contains("data-layer=\"results:cd_mask\"", "data-style=\"change_mask\"",
                "data-wmts=\"http://127.0.0.1:8080/wmts\"", "data-bounds=\"-0.60000000,44.80000000,-0.50000000,44.90000000\"",
                "REQUEST=GetLegendGraphic", "<option>raster</option>");
        assertThat(html).doesNotContainPattern("<script>(?s).*</script>").doesNotContain("onclick", " style=\"");
    }

    @Test
    void freeTextIsEscaped() {
        String html = PreviewPages.layer(layer("<script>alert(1)</script>"), BOUNDS, URLS, "", "");

        assertThat(html).doesNotContain("<script>alert(1)").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("&lt;b&gt;abstract&lt;/b&gt;");
    }

    @Test
    void theListLinksEachLayerToItsPreview() {
        String html = PreviewPages.list(List.of(layer("Mask")), URLS, l -> BOUNDS);

        assertThat(html).contains("href=\"http://127.0.0.1:8080/preview/results:cd_mask\"", "BBOX=-0.6,44.8,-0.5,44.9");
        assertThat(PreviewPages.list(List.of(), URLS, l -> BOUNDS)).contains("No layers are published yet");
    }

    @Test
    void thePolicyAllowsOnlyThisServerAndTheBaseMapHost() {
        assertThat(ContentSecurityPolicy.of("https://{s}.tile.example.org/{z}/{x}/{y}.png"))
                .contains("script-src 'self';", "img-src 'self' data: https://*.tile.example.org;", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline");
        assertThat(ContentSecurityPolicy.origin("javascript:alert(1)")).isEmpty();
        assertThat(ContentSecurityPolicy.origin("https://evil.example'; script-src *")).isEmpty();
        assertThat(ContentSecurityPolicy.origin("http://localhost:8081/{z}/{x}/{y}.png")).isEqualTo("http://localhost:8081");
    }
}
