package eu.candela.ows.style;

/**
 * SLD {@code ContrastEnhancement}: a stretch of sample values to 0..255 and a gamma.
 *
 * @param method  none, normalize (linear between min and max) or histogram (equalisation)
 * @param gamma   SLD {@code GammaValue}, 1 for none
 * @param min     the value shown black for normalize (GeoServer's {@code minValue} vendor option);
 *                null to take it from the band's statistics
 * @param max     the value shown white for normalize ({@code maxValue}); null to take it from the statistics
 */
public record ContrastEnhancement(Method method, double gamma, Double min, Double max) {

    public enum Method { NONE, NORMALIZE, HISTOGRAM }

    public static final ContrastEnhancement NONE = new ContrastEnhancement(Method.NONE, 1.0, null, null);

    public ContrastEnhancement {
        method = method == null ? Method.NONE : method;
        if (!(gamma > 0) || Double.isInfinite(gamma)) {
            throw new IllegalArgumentException("GammaValue must be positive, got " + gamma);
        }
        if (min != null && max != null && !(min < max)) {
            throw new IllegalArgumentException("contrast stretch minValue " + min + " must be below maxValue " + max);
        }
    }
}
