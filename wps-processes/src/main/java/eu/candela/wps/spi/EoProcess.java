package eu.candela.wps.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an {@link Algorithm} class as a published process and names it. Every protocol front shows
 * these values; {@link ProcessDefinitions} rejects an algorithm class without this annotation.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EoProcess {
    /** The process identifier clients use, for example {@code ChangeDetection}: letters, digits, '.', '_' and '-'. */
    String id();

    /** The process version, for example {@code 1.0}. */
    String version();

    /** Short human title. */
    String title();

    /** Abstract shown in DescribeProcess; say what the process computes and from what. */
    String description() default "";
}
