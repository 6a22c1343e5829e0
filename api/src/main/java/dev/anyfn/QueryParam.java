package dev.anyfn;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A query parameter, by name. The first value is bound; bind {@code List<String>} for all values in
 * order. Absent values bind as {@code Optional.empty()} or fail with 400 when the parameter is not
 * {@code Optional}.
 *
 * <p>Values convert to {@code String}, {@code int}, {@code long}, {@code double}, {@code boolean}
 * (and their boxes), {@code UUID}, enums (by constant name) and {@code Optional} of those. A value
 * that does not convert is a 400 naming the parameter.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface QueryParam {
  /** The name to bind. */
  String value();
}
