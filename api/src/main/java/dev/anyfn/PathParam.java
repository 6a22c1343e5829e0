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
 *
 * <p>A greedy parameter ({@code /files/{path+}}) binds the rest of the path, slashes included, as
 * one value ({@code @PathParam("path") String path} is {@code "a/b/c.txt"}), or its segments as a
 * {@code List}, each converted as one value ({@code @PathParam("ids") List<Long> ids} for {@code
 * /sum/1/2/3}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface PathParam {
  /** The name to bind. */
  String value();
}
