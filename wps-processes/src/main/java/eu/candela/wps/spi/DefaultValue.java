package eu.candela.wps.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The value a literal input takes when the client omits it, written as a client would send it
 * ({@code "0.99"}, {@code "true"}, an enum constant name). An input with a default is optional. The
 * default must parse as the input's type and lie within its {@link Range} and allowed values, or the
 * process is rejected at start-up.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface DefaultValue {
    String value();
}
