package dev.anyfn.local;

import dev.anyfn.HttpRequest;
import org.eclipse.jetty.server.Request;

/**
 * Translates a Jetty request and its buffered body into the neutral {@link HttpRequest} a function
 * is routed with: the method, the raw path ({@code /} when there is none) and query as received,
 * the headers as the profile's cloud hands them over ({@link FrontDoorHeaders}), the body.
 * Immutable and thread-safe.
 */
final class JettyRequestTranslator {
  private final Profile profile;

  JettyRequestTranslator(Profile profile) {
    this.profile = profile;
  }

  /**
   * A request the neutral model refuses, answered {@code 400}: {@link #code()} names the part
   * refused ({@code invalid_path}, {@code invalid_query} or {@code invalid_header}), the message
   * says why.
   */
  static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;
    private final String code;

    Refused(String code, IllegalArgumentException cause) {
      super(cause.getMessage(), cause);
      this.code = code;
    }

    String code() {
      return code;
    }
  }

  /**
   * The neutral request.
   *
   * @throws Refused when the model refuses the path, the query or the headers
   * @throws IllegalArgumentException when it refuses the method
   */
  HttpRequest translate(Request request, byte[] body) throws Refused {
    HttpRequest.Builder builder = HttpRequest.builder().method(request.getMethod());
    String rawPath = request.getHttpURI().getPath();
    String refused = "invalid_path";
    try {
      builder.rawPath(rawPath == null ? "/" : rawPath);
      refused = "invalid_query";
      builder.rawQuery(request.getHttpURI().getQuery());
      refused = "invalid_header";
      builder.headers(FrontDoorHeaders.of(profile, request.getHeaders()));
    } catch (IllegalArgumentException e) {
      throw new Refused(refused, e);
    }
    return builder.body(body).build();
  }
}
