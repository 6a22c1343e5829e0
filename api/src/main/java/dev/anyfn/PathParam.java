package dev.anyfn;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A path template parameter, by its name in the template: {@code @PathParam("id") long id}.
 *
 * <p>Values convert to {@code String}, {@code int}, {@code long}, {@code double}, {@code boolean}
 * (and their boxes), {@code UUID}, enums (by constant name) and {@code Optional} of those. A value
 * that does not convert is a 400 naming the parameter.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface PathParam {
  /** The name to bind. */
  String value();
}
