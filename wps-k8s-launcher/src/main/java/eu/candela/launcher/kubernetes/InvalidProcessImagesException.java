package eu.candela.launcher.kubernetes;

/**
 * {@code images.yaml} is malformed or one of its entries is invalid. The message names the file, the
 * entry ({@code defaults} or {@code processes.<id>}) and the key, e.g.
 * {@code images.yaml: processes.Hello.resources.limits.memory: "2GB" is not a Kubernetes quantity}.
 */
public class InvalidProcessImagesException extends IllegalArgumentException {
    public InvalidProcessImagesException(String message) {
        super(message);
    }

    public InvalidProcessImagesException(String message, Throwable cause) {
        super(message, cause);
    }
}
