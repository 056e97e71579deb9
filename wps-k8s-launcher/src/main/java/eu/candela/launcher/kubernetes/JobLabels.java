package eu.candela.launcher.kubernetes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The labels and names by which Candela finds its Jobs and pods. Label values must match
 * {@code [A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?} in at most 63 characters, which owners (e-mail
 * addresses, long subjects) need not: {@link #labelValue} maps any text to a value that fits, the same one
 * every time, so a per-owner count by label still works.
 */
public final class JobLabels {
    public static final String APP = "app.kubernetes.io/name";
    public static final String APP_VALUE = "candela";
    public static final String JOB_ID = "candela.eu/job-id";
    public static final String PROCESS = "candela.eu/process";
    public static final String OWNER = "candela.eu/owner";
    /** Annotation with the owner as given, since the label may be shortened. */
    public static final String OWNER_ANNOTATION = "candela.eu/owner";
    /** The selector of every Candela Job and pod. */
    public static final String SELECTOR = APP + "=" + APP_VALUE;

    private static final int MAX_VALUE = 63;
    private static final Pattern SAFE_VALUE = Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?");
    private static final Pattern JOB_ID_PATTERN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final String NAME_PREFIX = "candela-";

    private JobLabels() {
    }

    /** The Job's name: {@code candela-<jobId>}. */
    public static String jobName(String jobId) {
        String id = jobId.toLowerCase(Locale.ROOT);
        if (!JOB_ID_PATTERN.matcher(id).matches() || NAME_PREFIX.length() + id.length() > MAX_VALUE) {
            throw new IllegalArgumentException("job id \"" + jobId + "\" cannot name a Kubernetes Job");
        }
        return NAME_PREFIX + id;
    }

    /**
     * {@code text} itself when it is a valid label value; otherwise its allowed characters (others become
     * {@code _}), cut to leave room for {@code -} and 8 hex digits of its SHA-256, so that two owners who
     * differ only in those characters still get different values.
     */
    public static String labelValue(String text) {
        if (text.length() <= MAX_VALUE && SAFE_VALUE.matcher(text).matches()) {
            return text;
        }
        String hash = HexFormat.of().formatHex(sha256(text), 0, 4);
        String cleaned = text.replaceAll("[^-A-Za-z0-9_.]", "_");
        int room = MAX_VALUE - hash.length() - 1;
        if (cleaned.length() > room) {
            cleaned = cleaned.substring(0, room);
        }
        cleaned = cleaned.replaceAll("^[^A-Za-z0-9]+", "").replaceAll("[^A-Za-z0-9]+$", "");
        return cleaned.isEmpty() ? hash : cleaned + "-" + hash;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
