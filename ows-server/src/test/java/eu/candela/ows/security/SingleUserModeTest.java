package eu.candela.ows.security;

import eu.candela.ows.CandelaServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded mode without an issuer is never silently open on a public interface. */
class SingleUserModeTest {

    @Test
    void refusesToStartOnAllInterfacesWithoutAnIssuer(@TempDir Path dataDir) {
        assertThatThrownBy(() -> start(dataDir, "server.address=0.0.0.0").close())
                .rootCause().hasMessageContaining("single-user mode").hasMessageContaining("candela.security.issuer-uri");
    }

    @Test
    void refusesToStartWithoutAnyAddressWithoutAnIssuer(@TempDir Path dataDir) {
        assertThatThrownBy(() -> start(dataDir, "server.address=").close())
                .rootCause().hasMessageContaining("every network interface");
    }

    @Test
    void callerOfTheSingleUserModeHasEveryRole() {
        var token = new org.springframework.security.authentication.AnonymousAuthenticationToken("key", "anonymous",
                java.util.List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority(Role.ADMIN.authority())));
        Caller caller = Callers.of(token);
        assertThat(caller.authenticated()).isTrue();
        assertThat(caller.roles()).containsExactlyInAnyOrder(Role.USER, Role.OPERATOR, Role.ADMIN);
        assertThat(caller.name()).isEqualTo("anonymous");
    }

    private static org.springframework.context.ConfigurableApplicationContext start(Path dataDir, String address) {
        // command-line arguments: they take precedence over application.yml, as an operator's would
        return new SpringApplicationBuilder(CandelaServer.class).run("--" + address, "--server.port=0",
                "--candela.data-dir=" + dataDir, "--candela.samples.generate=false",
                "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("jobstore/jobs"));
    }
}
