package eu.candela.launcher.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProcessImagesTest {
    private static final String TABLE = """
            defaults:
              image: registry.example.eu:5000/candela/processing:0.1.0
              command: [java, -jar, /opt/candela/candela-processes.jar]
              env: { JAVA_TOOL_OPTIONS: "-XX:MaxRAMPercentage=75", LOG_LEVEL: info }
              resources:
                requests: { cpu: 1, memory: 2Gi }
                limits: { cpu: "2", memory: 4Gi }
              imagePullSecrets: [registry-credentials]
              ttlSecondsAfterFinished: 3600
            processes:
              ChangeDetection:
                image: candela/gpu@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
                args: [--verbose]
                env: { LOG_LEVEL: debug }
                resources:
                  limits: { memory: 8Gi }
                gpu: 1
                nodeSelector: { candela.eu/gpu: "true" }
                tolerations:
                  - { key: nvidia.com/gpu, operator: Exists, effect: NoSchedule }
                  - { key: dedicated, value: processing, effect: NoExecute, tolerationSeconds: 60 }
                serviceAccount: candela-processing
                activeDeadlineSeconds: 7200
                backoffLimit: 2
              Hello: {}
            """;

    @Test
    void processEntryOverridesDefaultsKeyByKeyAndMergesMaps() {
        ProcessImage image = ProcessImages.parse(TABLE, "images.yaml").find("ChangeDetection").orElseThrow();

        assertThat(image.image()).startsWith("candela/gpu@sha256:");
        assertThat(image.command()).containsExactly("java", "-jar", "/opt/candela/candela-processes.jar");
        assertThat(image.args()).containsExactly("--verbose");
        assertThat(image.env()).containsEntry("LOG_LEVEL", "debug")
                .containsEntry("JAVA_TOOL_OPTIONS", "-XX:MaxRAMPercentage=75");
        assertThat(image.requests()).isEqualTo(Map.of("cpu", "1", "memory", "2Gi"));
        assertThat(image.limits()).isEqualTo(Map.of("cpu", "2", "memory", "8Gi"));
        assertThat(image.gpu()).isEqualTo(1);
        assertThat(image.nodeSelector()).isEqualTo(Map.of("candela.eu/gpu", "true"));
        assertThat(image.tolerations()).containsExactly(
                new ProcessImage.ImageToleration("nvidia.com/gpu", "Exists", null, "NoSchedule", null),
                new ProcessImage.ImageToleration("dedicated", "Equal", "processing", "NoExecute", 60L));
        assertThat(image.serviceAccount()).contains("candela-processing");
        assertThat(image.imagePullSecrets()).containsExactly("registry-credentials");
        assertThat(image.activeDeadlineSeconds()).contains(7200L);
        assertThat(image.backoffLimit()).isEqualTo(2);
        assertThat(image.ttlSecondsAfterFinished()).contains(3600);
    }

    @Test
    void unlistedProcessGetsTheDefaults() {
        ProcessImages images = ProcessImages.parse(TABLE, "images.yaml");

        ProcessImage image = images.find("NotListed").orElseThrow();

        assertThat(image).isEqualTo(images.find("Hello").orElseThrow());
        assertThat(image.image()).isEqualTo("registry.example.eu:5000/candela/processing:0.1.0");
        assertThat(image.gpu()).isZero();
        assertThat(image.backoffLimit()).isZero();
        assertThat(image.activeDeadlineSeconds()).isEmpty();
        assertThat(images.listedProcesses()).containsExactly("ChangeDetection", "Hello");
    }

    @Test
    void withoutDefaultImageOnlyListedProcessesHaveOne() {
        ProcessImages images = ProcessImages.parse("processes:\n  Hello: { image: hello:1 }\n", "images.yaml");

        assertThat(images.find("Hello").map(ProcessImage::image)).contains("hello:1");
        assertThat(images.find("Other")).isEmpty();
    }

    @Test
    void theDataDirectoryTableLoads() throws Exception {
        Path file = Path.of("..", "geoserver-data-dir", ProcessImages.DATA_DIRECTORY_FILE);

        ProcessImages images = ProcessImages.load(file);

        assertThat(images.find("Hello").orElseThrow().limits()).containsEntry("memory", "512Mi");
        assertThat(images.find("ChangeDetection").orElseThrow().command()).doesNotContain("run");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            image without tag             | processes: { P: { image: candela/processing } }                 | processes.P.image: "candela/processing" is not an image reference
            image with bad digest         | processes: { P: { image: "a@sha256:12" } }                      | processes.P.image
            missing image                 | processes: { P: { gpu: 1 } }                                     | processes.P.image: no image
            bad quantity                  | processes: { P: { image: a:1, resources: { limits: { memory: 2GB } } } } | processes.P.resources.limits.memory: "2GB" is not a Kubernetes quantity
            unknown key                   | processes: { P: { image: a:1, memroy: 2Gi } }                    | processes.P.memroy: unknown key
            unknown resources key         | defaults: { resources: { request: {} } }                         | defaults.resources.request: unknown key
            negative gpu                  | processes: { P: { image: a:1, gpu: -1 } }                        | processes.P.gpu: must be at least 0
            gpu not a number              | processes: { P: { image: a:1, gpu: one } }                       | processes.P.gpu: expected a whole number
            zero deadline                 | processes: { P: { image: a:1, activeDeadlineSeconds: 0 } }       | processes.P.activeDeadlineSeconds: must be at least 1
            command not a list            | defaults: { image: a:1, command: java }                          | defaults.command: expected a list
            bad env name                  | processes: { P: { image: a:1, env: { "1X": y } } }               | processes.P.env.1X: not a valid environment variable name
            bad toleration operator       | processes: { P: { image: a:1, tolerations: [ { key: k, operator: In } ] } } | processes.P.tolerations.0.operator: expected Equal or Exists
            toleration without key        | processes: { P: { image: a:1, tolerations: [ { value: v } ] } }  | processes.P.tolerations.0.key: required
            bad service account           | processes: { P: { image: a:1, serviceAccount: Candela_SA } }     | processes.P.serviceAccount: "Candela_SA" is not a Kubernetes object name
            unknown section               | process: {}                                                      | process: unknown key
            processes not a mapping       | processes: [ a, b ]                                              | processes: expected a mapping
            """)
    void invalidEntryFailsAtLoadNamingProcessAndKey(String what, String yaml, String expected) {
        assertThatThrownBy(() -> ProcessImages.parse(yaml, "images.yaml"))
                .isInstanceOf(InvalidProcessImagesException.class)
                .hasMessageStartingWith("images.yaml: ")
                .hasMessageContaining(expected);
    }

    @Test
    void duplicateKeysAndBrokenYamlAreRejected() {
        assertThatThrownBy(() -> ProcessImages.parse("processes:\n  P: { image: a:1 }\n  P: { image: b:1 }\n", "x.yaml"))
                .isInstanceOf(InvalidProcessImagesException.class).hasMessageStartingWith("x.yaml: not valid YAML");
        assertThatThrownBy(() -> ProcessImages.parse("processes: [", "x.yaml"))
                .isInstanceOf(InvalidProcessImagesException.class);
    }

    @Test
    void acceptedImageReferences() {
        for (String reference : List.of("hello:1", "candela/processing:0.1.0", "localhost:5000/a/b:v1.2-rc.1",
                "ghcr.io/org/img@sha256:" + "a".repeat(64), "img:1@sha256:" + "0".repeat(64))) {
            Optional<ProcessImage> image = ProcessImages.parse("defaults: { image: \"" + reference + "\" }", "y")
                    .find("any");
            assertThat(image.map(ProcessImage::image)).as(reference).contains(reference);
        }
    }
}
