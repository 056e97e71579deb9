package eu.candela.eodata.raster;

/**
 * The file is a valid TIFF but uses a feature this reader does not implement (a compression, a
 * sample type, a bit depth). Subclass of {@link RasterFormatException} so callers that do not care
 * about the distinction handle one type.
 */
public class UnsupportedRasterException extends RasterFormatException {
    private static final long serialVersionUID = 1L;

    public UnsupportedRasterException(String message) {
        super(message);
    }
}
