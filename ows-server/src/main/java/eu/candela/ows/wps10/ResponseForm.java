package eu.candela.ows.wps10;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.List;
import java.util.Objects;

/** The WPS 1.0 ResponseForm: a ResponseDocument or one RawDataOutput. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "form")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ResponseForm.Document.class, name = "document"),
        @JsonSubTypes.Type(value = ResponseForm.Raw.class, name = "raw")})
public sealed interface ResponseForm {

    /**
     * @param outputs              the requested outputs; empty means all, inline
     * @param storeExecuteResponse answer at once and keep the response at {@code statusLocation}
     * @param lineage              echo the inputs and output definitions
     * @param status               update the stored response with progress while the process runs
     */
    record Document(List<OutputDefinition> outputs, boolean storeExecuteResponse, boolean lineage, boolean status)
            implements ResponseForm {
        public Document {
            outputs = List.copyOf(outputs == null ? List.of() : outputs);
        }

        public static Document defaults() {
            return new Document(List.of(), false, false, false);
        }
    }

    /** The single output to return as the whole HTTP response body. */
    record Raw(OutputDefinition output) implements ResponseForm {
        public Raw {
            Objects.requireNonNull(output, "output");
        }
    }
}
