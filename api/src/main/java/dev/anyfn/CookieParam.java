package dev.anyfn;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A request cookie, by its exact (case-sensitive) name, from the {@code Cookie} headers; the first
 * cookie of that name is bound, as {@link HttpRequest#cookies()} reads them. An absent cookie binds
 * as {@code Optional.empty()} or fails with 400 when the parameter is not {@code Optional}.
 *
 * <p>Values convert as {@link HeaderParam} values do: {@code String}, {@code int}, {@code long},
 * {@code double}, {@code boolean} (and their boxes), {@code UUID}, enums (by constant name) and
 * {@code Optional} of those. A value that does not convert is a 400 naming the cookie. The value is
 * bound as sent, not URL-decoded.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface CookieParam {
  /** The cookie's name: an RFC 6265 token (letters, digits and {@code !#$%&'*+-.^_`|~}). */
  String value();
}
