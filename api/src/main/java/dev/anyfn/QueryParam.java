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
 *
 * <p>Without a name, on a record parameter, it binds the whole query: each component from the
 * parameter of its name, or of the name a {@code @QueryParam} on the component gives, converted as
 * above (a search form's filters, say):
 *
 * <pre>{@code
 * public record ProductFilter(
 *     Optional<String> category, @QueryParam("min_price") Optional<Integer> minPrice,
 *     List<String> tag) {}
 *
 * @Route("/products")
 * public List<Product> products(@QueryParam ProductFilter filter) { ... }
 * }</pre>
 *
 * <p>An {@link IllegalArgumentException} thrown by the record's constructor is answered 400 with
 * its message.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
public @interface QueryParam {
  /** The name to bind; empty on a record parameter, which binds the whole query. */
  String value() default "";
}
