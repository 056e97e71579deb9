package eu.candela.ows.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/**
 * The audit trail: every Execute, dismissal and administrative change, one line each with who,
 * what, on which object, when and the outcome. Written to the dedicated logger
 * {@value #LOGGER}, which {@code logback-spring.xml} sends to its own file ({@code audit.log}).
 * Never carries tokens or inputs.
 */
public final class AuditLog {
    public static final String LOGGER = "eu.candela.audit";
    private static final Logger AUDIT = LoggerFactory.getLogger(LOGGER);

    /**
     * @param action  what was asked, such as {@code wps.execute}, {@code job.dismiss}, {@code rest.PUT}
     * @param target  what it was done to: a process, job id, layer or REST path
     * @param outcome how it ended: {@code ok}, an HTTP status, {@code forbidden}, ...
     */
    public void record(Caller caller, String action, String target, String outcome) {
        AUDIT.info("time={} user={} roles={} action={} target={} outcome={}", Instant.now(), quoted(caller.name()),
                caller.roles(), action, quoted(target), quoted(outcome));
    }

    /** Quoted with newlines and quotes escaped, so a crafted name cannot forge a line. */
    private static String quoted(String value) {
        if (value == null) return "\"\"";
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r") + '"';
    }
}
