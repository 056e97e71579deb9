package eu.candela.ows.publish;

import eu.candela.ows.wps10.ServiceUrls;
import eu.candela.wps.jobdir.JobResult;
import eu.candela.wps.jobdir.OutputValue;
import eu.candela.wps.spi.OutputDescriptor;
import eu.candela.wps.spi.ProcessDescriptor;
import eu.candela.wps.spi.ProcessRegistry;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LayerOutputsTest {
    private final LayerOutputs outputs = new LayerOutputs(ProcessRegistry.discover());

    @Test
    void eachRasterOutputIsFollowedByItsLayerOutputsAndOthersAreUntouched() {
        ProcessDescriptor plain = ProcessRegistry.discover().descriptor("ChangeDetection").orElseThrow();
        ProcessDescriptor shown = outputs.descriptor("ChangeDetection").orElseThrow();

        List<String> ids = shown.outputs().stream().map(OutputDescriptor::id).toList();
        for (OutputDescriptor o : plain.outputs()) {
            assertThat(ids).contains(o.id());
            if (LayerOutputs.isRaster(o)) {
                int at = ids.indexOf(o.id());
                assertThat(ids.subList(at + 1, at + 4)).containsExactly(o.id() + "_layer", o.id() + "_wms", o.id() + "_wmts");
            } else {
                assertThat(ids).doesNotContain(o.id() + "_layer");
            }
        }
        assertThat(plain.outputs().stream().filter(LayerOutputs::isRaster)).isNotEmpty();
    }

    @Test
    void addressesAreDerivedFromTheLayerAndTheClientsBaseUrl() {
        OutputValue layer = new OutputValue("mask_layer", null, null, "results:cd_1_mask", "string",
                Map.of("style", "change_mask", "wgs84Bounds", List.of(-0.6, 44.8, -0.5, 44.9)));
        JobResult shown = outputs.result(new JobResult(List.of(layer)), new ServiceUrls("https://eo.example.org/candela/"));

        String wms = shown.output("mask_wms").orElseThrow().literal();
        assertThat(URI.create(wms).getPath()).isEqualTo("/candela/wms");
        assertThat(wms).contains("LAYERS=results%3Acd_1_mask", "CRS=CRS:84", "BBOX=-0.6,44.8,-0.5,44.9", "WIDTH=768", "HEIGHT=768");
        assertThat(shown.output("mask_wmts").orElseThrow().literal())
                .isEqualTo("https://eo.example.org/candela/wmts/rest/results:cd_1_mask/change_mask/GoogleMapsCompatible/{z}/{y}/{x}.png");
    }

    @Test
    void layerNamesAreValidCatalogueNames() {
        assertThat(ResultPublisher.layerName("ChangeDetection", "0f8e-7a", "change.map"))
                .isEqualTo("ChangeDetection_0f8e-7a_change_map");
    }
}
