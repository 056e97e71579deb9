package eu.candela.wps.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The media types a complex input accepts, the first being the default. Without it a
 * {@link RasterRef} accepts {@link MediaTypes#GEOTIFF} and {@link MediaTypes#COG}, a
 * {@link ProductRef} {@link MediaTypes#SAFE}, and a {@link GeoJson} {@link MediaTypes#GEOJSON}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Formats {
    String[] value();
}
