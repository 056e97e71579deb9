package eu.candela.ows.wps10;

import java.util.Objects;

/**
 * How the client wants one output: by reference or inline, in which format. Null fields mean
 * "the process default".
 */
public record OutputDefinition(String id, boolean asReference, String mimeType, String encoding, String schema,
                               String uom) {
    public OutputDefinition {
        Objects.requireNonNull(id, "id");
    }

    public static OutputDefinition of(String id) {
        return new OutputDefinition(id, false, null, null, null, null);
    }
}
