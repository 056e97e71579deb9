package eu.candela.launcher.manifests;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repository holds Secret templates, never secrets: every value a rendered Secret carries is
 * the placeholder an operator replaces, and no credential slips into a ConfigMap instead.
 */
class SecretTemplateManifestTest {
    static final List<String> OVERLAYS = RenderedOverlay.OVERLAYS;

    static final String PLACEHOLDER = "REPLACE_ME";
    private static final Pattern CREDENTIAL_KEY = Pattern.compile("(?i).*(password|passwd|secret|token|credential|private[-_.]?key).*");

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everySecretValueIsThePlaceholder(String overlay) {
        var secrets = RenderedOverlay.of(overlay).all(Secret.class);
        assertThat(secrets).isNotEmpty();
        for (Secret secret : secrets) {
            assertThat(secret.getStringData()).as("stringData of %s", secret.getMetadata().getName()).isNullOrEmpty();
            assertThat(secret.getData()).as("data of %s", secret.getMetadata().getName()).isNotEmpty();
            for (Map.Entry<String, String> e : secret.getData().entrySet()) {
                String value = new String(Base64.getDecoder().decode(e.getValue()), StandardCharsets.UTF_8);
                assertThat(value).as("%s of Secret %s", e.getKey(), secret.getMetadata().getName()).isEqualTo(PLACEHOLDER);
            }
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void noConfigMapHoldsACredential(String overlay) {
        for (ConfigMap map : RenderedOverlay.of(overlay).all(ConfigMap.class)) {
            assertThat(map.getData().keySet()).as("keys of ConfigMap %s", map.getMetadata().getName())
                    .noneMatch(key -> CREDENTIAL_KEY.matcher(key).matches());
        }
    }

    /** Also the files an overlay does not use yet: a real value committed anywhere under k8s/ is a leak. */
    @Test
    void everyCommittedSecretSourceHoldsOnlyPlaceholders() throws IOException {
        try (Stream<Path> files = Files.walk(RepositoryFiles.resolve("k8s"))) {
            List<Path> sources = files.filter(Files::isRegularFile)
                    .filter(p -> p.getParent().getFileName().toString().equals("secrets")).toList();
            assertThat(sources).isNotEmpty();
            for (Path source : sources) {
                for (String line : Files.readAllLines(source)) {
                    if (line.isBlank() || line.startsWith("#")) continue;
                    assertThat(line).as("a line of %s", RepositoryFiles.root().relativize(source)).endsWith("=" + PLACEHOLDER);
                }
            }
        }
    }
}
