package eu.candela.ows.wps10;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What an ExecuteResponse shows of one execution: its phase, progress and, once it succeeded, the
 * outputs to write. Built from a job record by {@link Wps10ExecuteService}; keeps the encoder free
 * of the job engine.
 */
public record ExecutionView(String jobId, Phase phase, int percentCompleted, String message, Instant created,
                            List<OutputContent> outputs) {
    public enum Phase { ACCEPTED, STARTED, SUCCEEDED, FAILED }

    public ExecutionView {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(phase, "phase");
        outputs = List.copyOf(outputs == null ? List.of() : outputs);
        message = message == null ? "" : message;
    }

    /**
     * One output as it goes into the document.
     *
     * @param id           output identifier
     * @param title        output title
     * @param mimeType     media type of complex data; null for literals
     * @param referenceUrl where to fetch it, when sent by reference; null when inline
     * @param inlineText   inline content: literal text, JSON text, or base64 of a binary file
     * @param encoding     {@code base64} when inlineText is base64
     * @param dataType     XML Schema type of a literal; null for complex data
     * @param literal      true for LiteralData
     */
    public record OutputContent(String id, String title, String mimeType, String referenceUrl, String inlineText,
                                String encoding, String dataType, boolean literal) {}
}
