package eu.candela.wps.sar;

import static org.assertj.core.api.Assertions.assertThat;

import eu.candela.wps.spi.InputDescriptor;
import eu.candela.wps.spi.OutputDescriptor;
import eu.candela.wps.spi.ProcessDescriptor;
import eu.candela.wps.spi.ProcessRegistry;
import org.junit.jupiter.api.Test;

/** SARChangeDetection is found through META-INF/services and described for the fronts. */
class SARChangeDetectionDiscoveryTest {

    private final ProcessRegistry registry = ProcessRegistry.discover();

    @Test
    void isDiscoveredWithItsInputsAndOutputs() {
        assertThat(registry.algorithm("SARChangeDetection")).containsInstanceOf(SARChangeDetection.class);
        ProcessDescriptor d = registry.descriptor("SARChangeDetection").orElseThrow();
        assertThat(d.inputs()).extracting(InputDescriptor::id).containsExactly("before", "after", "band", "scale", "index",
                "window", "thresholdMethod", "classifier", "classifierWindow");
        assertThat(d.input("index").orElseThrow().allowedValues()).containsExactly("LOG_RATIO", "MEAN_RATIO", "NEIGHBOURHOOD_RATIO", "DIFFERENCE");
        assertThat(d.input("thresholdMethod").orElseThrow().allowedValues())
                .containsExactly("KI_GENERALIZED_GAUSSIAN", "KI_GAUSSIAN", "OTSU");
        assertThat(d.input("classifier").orElseThrow().required()).isFalse();
        assertThat(d.input("band").orElseThrow().required()).isFalse();
        assertThat(d.outputs()).extracting(OutputDescriptor::id).containsExactly("changeMap", "probability", "changeIndex",
                "increasedPixels", "decreasedPixels", "statistics", "preview");
    }
}
