package eu.candela.ows.security;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import eu.candela.ows.testing.Xml;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every Execute, dismissal and administrative change leaves one audit line: who, what, on what, when, outcome. */
class AuditLogTest extends SecuredServerTestBase {
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private Logger audit;

    @BeforeEach
    void listen() {
        audit = (Logger) LoggerFactory.getLogger(AuditLog.LOGGER);
        lines.start();
        audit.addAppender(lines);
    }

    @AfterEach
    void stop() {
        audit.detachAppender(lines);
    }

    private List<String> messages() {
        return List.copyOf(lines.list).stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    /** The line is written once the request has ended, which may be just after the client has the response. */
    private List<String> awaitLines(int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> lines.list.size() >= count);
        return messages();
    }

    @Test
    void executeIsAuditedWithUserProcessAndOutcome() {
        get("/wps?service=WPS&version=1.0.0&request=Execute&identifier=Hello&DataInputs=name=audit", userToken(ALICE));
        assertThat(awaitLines(1)).singleElement().satisfies(line -> assertThat(line)
                .contains("user=\"alice\"", "action=wps.execute", "target=\"Hello\"", "outcome=\"200\"").containsPattern("time=\\d{4}-"));
    }

    @Test
    void refusedExecuteAndForeignDismissAreAuditedToo() {
        get("/wps?service=WPS&version=1.0.0&request=Execute&identifier=Hello&DataInputs=name=x", null);
        String status = Xml.of(get("/wps?service=WPS&version=1.0.0&request=Execute&identifier=Hello&DataInputs=name=x"
                + "&storeExecuteResponse=true", userToken(ALICE)).body()).text("/wps:ExecuteResponse/@statusLocation");
        delete(status, userToken(BOB));
        List<String> m = awaitLines(3);
        assertThat(m.get(0)).contains("user=\"anonymous\"", "action=wps.execute", "outcome=\"refused\"");
        assertThat(m.get(2)).contains("user=\"bob\"", "action=job.dismiss", "outcome=\"404\"");
    }

    @Test
    void administrativeChangesAreAuditedWithTheirPath() {
        put("/rest/workspaces", "application/json", "{\"workspace\":{\"name\":\"audited\"}}".getBytes(StandardCharsets.UTF_8), operatorToken());
        assertThat(awaitLines(1)).singleElement().satisfies(line -> assertThat(line)
                .contains("user=\"olga\"", "roles=[", "OPERATOR", "action=rest.PUT", "target=\"/rest/workspaces\""));
    }

    @Test
    void crafedNamesCannotForgeAuditLines() {
        new AuditLog().record(new Caller("eve\"\nuser=\"root", java.util.Set.of(Role.USER), true), "wps.execute", "x", "200");
        assertThat(messages()).singleElement().satisfies(line -> assertThat(line).doesNotContain("\n").contains("eve\\\"\\nuser="));
    }
}
