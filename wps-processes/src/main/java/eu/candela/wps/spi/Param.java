package eu.candela.wps.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes one process input, on a component of the algorithm's input record. Every input
 * component needs it. Further facts each have their own annotation, present only when they apply:
 * {@link DefaultValue}, {@link OptionalParam}, {@link Range}, {@link Uom}, {@link Formats},
 * {@link Crs}, {@link MaxOccurs}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Param {
    String title();

    String description() default "";
}
