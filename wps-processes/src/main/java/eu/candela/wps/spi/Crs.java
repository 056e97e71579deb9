package eu.candela.wps.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The coordinate reference systems a {@link BoundingBox} input accepts, the first being the
 * default, for example {@code {"EPSG:4326", "EPSG:32630"}}. Without it only {@code EPSG:4326} is
 * accepted.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Crs {
    String[] value();

    /**
     * Also accepts the 120 WGS 84 / UTM zones (EPSG:32601-32660 north, 32701-32760 south), listed after
     * {@link #value()}: the natural CRS of any Sentinel tile, without spelling out 120 codes.
     */
    boolean wgs84UtmZones() default false;
}
