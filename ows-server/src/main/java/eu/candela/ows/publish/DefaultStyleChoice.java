package eu.candela.ows.publish;

import java.util.function.Predicate;

/**
 * Picks the style a published raster is shown with when nobody chose one: the process's display
 * hint if the catalogue has that style, otherwise a guess from the content, the same guess an
 * analyst would make on opening the file.
 */
final class DefaultStyleChoice {
    static final String RASTER = "raster";
    static final String CHANGE_PROBABILITY = "change_probability";
    static final String CHANGE_MASK = "change_mask";
    static final String RGB_REFLECTANCE = "rgb_reflectance";
    static final String SAR_DB = "sar_db";

    private DefaultStyleChoice() {}

    /**
     * @param hint    the process output's {@code @Result(style)}, empty for none
     * @param content what the raster holds
     * @param exists  whether the catalogue has a style of that name
     */
    static String choose(String hint, RasterContent content, Predicate<String> exists) {
        if (!hint.isEmpty() && exists.test(hint)) return hint;
        String guess = guess(content);
        return exists.test(guess) ? guess : RASTER;
    }

    static String guess(RasterContent content) {
        if (content.bandCount() >= 3) return RGB_REFLECTANCE;
        if (content.describes("sigma0", "sigma_0", "gamma0", "beta0", "backscatter", "_vv", "_vh", "_hh", "_hv")
                || content.descriptions().stream().anyMatch(d -> d.matches("(vv|vh|hh|hv)"))) {
            return SAR_DB;
        }
        if (content.isUnitRange()) return content.isInteger() ? CHANGE_MASK : CHANGE_PROBABILITY;
        return RASTER;
    }
}
