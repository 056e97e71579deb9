package eu.candela.wps.jobdir;

import java.util.Objects;

/**
 * A literal input value exactly as the client sent it; the runner parses it with the input's type.
 *
 * @param value the text, for example {@code 0.99}
 */
public record LiteralValue(String value) implements InputValue {
    public LiteralValue {
        Objects.requireNonNull(value, "value");
    }
}
