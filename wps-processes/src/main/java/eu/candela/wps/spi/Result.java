package eu.candela.wps.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes one process output, on a component of the algorithm's output record. Every output
 * component needs it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Result {
    String title();

    String description() default "";

    /**
     * The media type(s) of a complex output, the first being the one written. Required for a
     * {@link java.nio.file.Path} output; a {@link GeoJson} output defaults to
     * {@link MediaTypes#GEOJSON}; must be empty for literal outputs.
     */
    String[] mediaType() default {};

    /**
     * How a map client should show a raster output once the server publishes it as a layer: the
     * name of a style in the data directory ({@code change_probability}, {@code change_mask},
     * {@code rgb_reflectance}, {@code sar_db}, {@code raster}). Empty lets the server choose from
     * the raster's content.
     */
    String style() default "";
}
