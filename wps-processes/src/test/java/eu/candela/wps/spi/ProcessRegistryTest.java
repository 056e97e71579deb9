package eu.candela.wps.spi;

import static org.assertj.core.api.Assertions.assertThat;

import eu.candela.wps.change.ChangeDetection;
import eu.candela.wps.hello.Hello;
import org.junit.jupiter.api.Test;

/** Discovery through META-INF/services, as the server and the CLI do it. */
class ProcessRegistryTest {

    private final ProcessRegistry registry = ProcessRegistry.discover();

    @Test
    void discoversChangeDetectionAndHello() {
        assertThat(registry.algorithm("ChangeDetection")).containsInstanceOf(ChangeDetection.class);
        assertThat(registry.algorithm("Hello")).containsInstanceOf(Hello.class);
    }

    @Test
    void listsDescriptorsSortedById() {
        assertThat(registry.descriptors()).extracting(ProcessDescriptor::id).isSorted();
    }

    @Test
    void answersEmptyForUnknownProcess() {
        assertThat(registry.descriptor("NoSuchProcess")).isEmpty();
        assertThat(registry.algorithm("NoSuchProcess")).isEmpty();
    }

    @Test
    void describesChangeDetectionInputsForTheFronts() {
        ProcessDescriptor d = registry.descriptor("ChangeDetection").orElseThrow();
        assertThat(d.input("after").orElseThrow().formats()).extracting(Format::mimeType)
                .containsExactly(MediaTypes.GEOTIFF, MediaTypes.COG);
        assertThat(d.input("iterations").orElseThrow().defaultValue()).isEqualTo("20");
        assertThat(d.input("threshold").orElseThrow().maximum()).isEqualTo(1.0);
        assertThat(d.input("thresholdMethod").orElseThrow().allowedValues()).containsExactly("PROBABILITY", "OTSU");
        assertThat(d.input("bands").orElseThrow().required()).isFalse();
    }

    @Test
    void describesHelloLikePywpsSayHello() {
        ProcessDescriptor d = registry.descriptor("Hello").orElseThrow();
        assertThat(d.inputs()).extracting(InputDescriptor::id).containsExactly("name");
        assertThat(d.outputs()).extracting(OutputDescriptor::id).containsExactly("response");
    }

    @Test
    void discoversJpeg2TiffTakingAProduct() {
        ProcessDescriptor d = registry.descriptor("Jpeg2Tiff").orElseThrow();
        assertThat(d.input("product").orElseThrow().formats()).extracting(Format::mimeType).containsExactly(MediaTypes.SAFE);
        assertThat(d.input("area").orElseThrow().supportedCrs()).contains("EPSG:4326", "EPSG:32631", "EPSG:32760");
        assertThat(d.outputs()).extracting(OutputDescriptor::id).containsExactly("image");
    }
}
