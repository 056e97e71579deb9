package eu.candela.wps.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an input the client may omit and that has no default: the algorithm receives {@code null}
 * (or an empty list). Not allowed on primitive components, which cannot be null; give those a
 * {@link DefaultValue} instead.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface OptionalParam {
}
