package dev.anyfn;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Lets web pages of other origins call the function's {@link Route}s (cross-origin resource
 * sharing), the same way on every provider and on the emulator. anyfn answers a browser's preflight
 * ({@code OPTIONS} with {@code Access-Control-Request-Method}) for any route of the function,
 * without calling a handler, and adds {@code Access-Control-Allow-Origin} to the answers of an
 * allowed origin, errors included. A request from an origin that is not allowed is still served,
 * without those headers, so the browser keeps the answer from the page; CORS is not an access
 * control for other clients.
 *
 * <pre>{@code
 * @ServerlessFunction("api")
 * @Cors(origins = "https://app.example.com")
 * public class Api { ... }
 * }</pre>
 *
 * <p>The annotation processor checks the values when you compile.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Cors {
  /**
   * The origins allowed, each written as browsers send it, {@code scheme://host} or {@code
   * scheme://host:port} (no path, no trailing slash), or {@code "*"} alone for any origin (not with
   * {@link #allowCredentials()}).
   */
  String[] origins();

  /** Request headers a page may send, besides those CORS always allows. */
  String[] allowHeaders() default {"Content-Type", "Authorization"};

  /** Response headers a page may read, besides those CORS always exposes. */
  String[] exposeHeaders() default {};

  /** Whether a page may send cookies and HTTP authentication with its requests. */
  boolean allowCredentials() default false;

  /** How long, in seconds, a browser may reuse a preflight answer (0 to 86400). */
  int maxAgeSeconds() default 600;
}
