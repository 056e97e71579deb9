package eu.candela.ows.security;

import eu.candela.ows.testing.ExternalTools;
import eu.candela.ows.testing.ToolRun;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Debian's OWSLib, as a notebook uses it, with a token from the real OIDC server, and without one. */
class OwsLibBearerTokenTest extends SecuredServerTestBase {

    @Test
    void owsLibExecutesWithABearerTokenAndIsRefusedWithout() throws Exception {
        ExternalTools.requireOwsLib();
        Path script = Path.of("src/test/python/owslib_wps_bearer_client.py").toAbsolutePath();

        ToolRun run = ToolRun.python(Duration.ofMinutes(2), script, base(), userToken(ALICE));

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("5 passed, 0 failed");
    }
}
