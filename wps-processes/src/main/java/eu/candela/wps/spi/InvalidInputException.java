package eu.candela.wps.spi;

/** An input value a client sent cannot be used; carries the input id so fronts can report it as the locator. */
public class InvalidInputException extends RuntimeException {
    private final String inputId;

    public InvalidInputException(String inputId, String reason) {
        super("Input '" + inputId + "' " + reason);
        this.inputId = inputId;
    }

    public String inputId() { return inputId; }
}
