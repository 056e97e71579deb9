package eu.candela.wps.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How many values a {@code List} input accepts at most. Only allowed on {@code List} components.
 * A {@code List} component without it accepts any number of values ({@code maxOccurs} is then
 * {@link Integer#MAX_VALUE}, which fronts render as "unbounded").
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface MaxOccurs {
    int value();
}
