package dev.anyfn;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An HTTP trigger: the method answers requests whose method and canonical path match.
 *
 * <p>Path templates are absolute and made of literal segments and parameters: {@code
 * /users/{id}/orders}. A last segment written {@code {name+}} is greedy and captures the rest of
 * the path, one or more segments. Literal segments win over parameters, so {@code /users/me} is
 * chosen before {@code /users/{id}}. Trailing slashes are not significant: {@code /about/} is
 * served by {@code /about}.
 *
 * <p>Handler parameters may be {@link HttpRequest}, {@link Context}, values annotated with {@link
 * PathParam}, {@link QueryParam}, {@link FormParam}, {@link HeaderParam} or {@link CookieParam},
 * and at most one unannotated parameter, which is bound from the JSON body (a record or a POJO;
 * {@code String} and {@code byte[]} take the raw body); a handler with form fields takes no such
 * body parameter. Return {@link HttpResponse}, a record or POJO (JSON, 200), {@code String}
 * (text/plain, 200), {@code byte[]} (application/octet-stream, 200) or {@code void} (204); a {@code
 * null} return is a 204 too (for "not found", throw {@code HttpException.notFound}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Route {

  /** The path template, for example {@code /users/{id}}. */
  String value();

  /** The HTTP method. */
  HttpMethod method() default HttpMethod.GET;
}
