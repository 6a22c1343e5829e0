package dev.anyfn;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A request header, by case-insensitive name. The first value is bound. Absent headers bind as
 * {@code Optional.empty()} or fail with 400 when the parameter is not {@code Optional}.
 *
 * <p>Values convert to {@code String}, {@code int}, {@code long}, {@code double}, {@code boolean}
 * (and their boxes), {@code UUID}, enums (by constant name) and {@code Optional} of those. A value
 * that does not convert is a 400 naming the parameter.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface HeaderParam {
  /** The name to bind. */
  String value();
}
