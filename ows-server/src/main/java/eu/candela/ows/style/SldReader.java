package eu.candela.ows.style;

/**
 * Reads the SLD 1.0 RasterSymbolizer subset people use for coverages (ColorMap ramp / intervals /
 * values with opacity, ChannelSelection, ContrastEnhancement, Opacity) from a hardened parser.
 */
public final class SldReader {
    private SldReader() {}

    /**
     * Parses {@code sld} (UTF-8 or as declared) and returns the style of its first RasterSymbolizer.
     *
     * @throws StyleFormatException when the document is malformed, has a DTD or external entity,
     *                              is not SLD 1.0, or holds no RasterSymbolizer; the message names the element
     */
    public static RasterStyle read(byte[] sld) throws StyleFormatException {
        throw new UnsupportedOperationException("implemented by the rendering work");
    }
}
