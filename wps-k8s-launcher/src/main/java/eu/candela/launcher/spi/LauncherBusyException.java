package eu.candela.launcher.spi;

/** The launcher's queue is full; the job was not accepted and the caller still owns it. */
public class LauncherBusyException extends Exception {
    public LauncherBusyException(String message) {
        super(message);
    }
}
