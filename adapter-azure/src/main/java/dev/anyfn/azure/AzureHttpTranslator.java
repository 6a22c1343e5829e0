package dev.anyfn.azure;

import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.HttpStatusType;
import dev.anyfn.Headers;
import dev.anyfn.HttpRequest;
import dev.anyfn.HttpResponse;
import dev.anyfn.core.Problems;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Translates Azure's {@code HttpRequestMessage} into the neutral {@link HttpRequest} and the
 * neutral {@link HttpResponse} back into an {@code HttpResponseMessage}. The path is taken raw from
 * the URI, with the host's route prefix and the function's own route prefix removed, so the anyfn
 * router sees the path the user declared. Thread-safe: its only state is the last response's
 * headers in Azure's form, an immutable value swapped atomically.
 */
final class AzureHttpTranslator {
  private static final byte[] NO_BODY = new byte[0];

  /** Lower case, so that the case-insensitive lookup needs no conversion. */
  static final String SET_COOKIE = "set-cookie";

  /** Azure's status values by code, made once: the standard ones and custom ones alike. */
  private static final HttpStatusType[] STATUSES = new HttpStatusType[600];

  static {
    for (int code = 100; code < STATUSES.length; code++) {
      STATUSES[code] = HttpStatusType.custom(code);
    }
    for (HttpStatus status : HttpStatus.values()) {
      if (status.value() < STATUSES.length) {
        STATUSES[status.value()] = status;
      }
    }
  }

  private final AzureRuntimeOptions options;

  /** The headers of the last response translated; see {@link #azureHeaders}. */
  private volatile AzureResponseHeaders lastResponseHeaders =
      AzureResponseHeaders.of(Headers.empty());

  AzureHttpTranslator(AzureRuntimeOptions options) {
    this.options = options;
  }

  /** A translated request, or the problem response that answers a request that cannot be one. */
  record Translated(HttpRequest request, HttpResponse problem) {}

  Translated request(
      HttpRequestMessage<Optional<byte[]>> message, String functionRoutePrefix, String requestId) {
    URI uri;
    try {
      // The Java worker parses the host's URL only here (URI.create), and the host passes on
      // characters a browser leaves unencoded in a query ({, }, |, ^) that java.net.URI refuses.
      uri = message.getUri();
    } catch (IllegalArgumentException e) {
      return problem(
          400,
          "invalid_url",
          "The request URL cannot be read: it holds a character that must be percent-encoded"
              + " (such as {, }, |, ^ or a space in the query) or a malformed %-escape. Encode it"
              + " and send the request again.",
          requestId);
    }
    String rawQuery = uri.getRawQuery();
    if (rawQuery != null && rawQuery.length() > AzureRuntimeOptions.MAX_QUERY_LENGTH) {
      return problem(
          414,
          "query_too_long",
          "The query string has "
              + rawQuery.length()
              + " characters; Azure Functions accepts at most "
              + AzureRuntimeOptions.MAX_QUERY_LENGTH
              + ".",
          requestId);
    }
    int urlLength = uri.toString().length();
    if (urlLength > AzureRuntimeOptions.MAX_URL_LENGTH) {
      return problem(
          414,
          "url_too_long",
          "The URL has "
              + urlLength
              + " characters; Azure Functions accepts at most "
              + AzureRuntimeOptions.MAX_URL_LENGTH
              + ".",
          requestId);
    }
    String prefix = join(options.routePrefix(), functionRoutePrefix);
    Optional<String> path = strip(uri.getRawPath(), prefix);
    if (path.isEmpty()) {
      return problem(
          404,
          "not_found",
          "No route outside this function's prefix '/" + prefix + "'.",
          requestId);
    }
    HttpRequest.Builder b = HttpRequest.builder().method(message.getHttpMethod().name());
    try {
      b.rawPath(path.get());
    } catch (IllegalArgumentException e) {
      return problem(400, "invalid_path", e.getMessage(), requestId);
    }
    try {
      b.rawQuery(rawQuery);
    } catch (IllegalArgumentException e) {
      return problem(400, "invalid_query", e.getMessage(), requestId);
    }
    try {
      b.headers(headers(message.getHeaders()));
    } catch (IllegalArgumentException e) {
      return problem(400, "invalid_header", e.getMessage(), requestId);
    }
    Optional<byte[]> body = message.getBody();
    b.body(body == null ? NO_BODY : body.orElse(NO_BODY));
    return new Translated(b.build(), null);
  }

  private static Translated problem(int status, String code, String detail, String requestId) {
    return new Translated(null, Problems.response(status, code, detail, requestId));
  }

  private static String join(String hostPrefix, String functionPrefix) {
    if (hostPrefix.isEmpty()) {
      return functionPrefix;
    }
    return functionPrefix.isEmpty() ? hostPrefix : hostPrefix + "/" + functionPrefix;
  }

  /**
   * The raw path after the literal prefix (compared case-insensitively, as ASP.NET Core routing
   * does), or empty when the path lies outside it.
   */
  static Optional<String> strip(String rawPath, String prefix) {
    String path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
    if (prefix.isEmpty()) {
      return Optional.of(path);
    }
    int end = prefix.length() + 1;
    if (path.length() < end
        || path.charAt(0) != '/'
        || !path.regionMatches(true, 1, prefix, 0, prefix.length())) {
      return Optional.empty();
    }
    if (path.length() == end || (path.length() == end + 1 && path.charAt(end) == '/')) {
      return Optional.of("/");
    }
    return path.charAt(end) == '/' ? Optional.of(path.substring(end)) : Optional.empty();
  }

  /**
   * Headers from the host's map, whose names arrive in lower case; lookups ignore case. Each is
   * checked when the function or the runtime first reads it ({@link Headers#receivedBuilder()}).
   */
  static Headers headers(Map<String, String> map) {
    if (map == null || map.isEmpty()) {
      return Headers.empty();
    }
    Headers.Builder b = Headers.receivedBuilder();
    map.forEach(b::add);
    return b.build();
  }

  /**
   * The Azure response. Azure's response headers hold one value per name (the Java worker keeps a
   * {@code Map<String, String>}): repeated values are joined with ", ". {@code Set-Cookie} values
   * cannot be joined (user agents read a joined header as one cookie), so a response setting more
   * than one cookie cannot be sent faithfully: it is answered as a 500 problem carrying {@code
   * requestId}, and the reason, naming the cookies, is logged at SEVERE.
   */
  HttpResponseMessage response(
      HttpRequestMessage<Optional<byte[]>> message,
      HttpResponse response,
      Logger logger,
      String requestId) {
    List<String> cookies = response.headers().all(SET_COOKIE);
    if (cookies.size() > 1) {
      if (logger != null) {
        logger.severe(tooManyCookies(cookies, requestId));
      }
      response = Problems.internalError(requestId);
    }
    HttpResponseMessage.Builder b = message.createResponseBuilder(status(response.statusCode()));
    AzureResponseHeaders headers = azureHeaders(response.headers());
    for (int i = 0; i < headers.size(); i++) {
      b.header(headers.name(i), headers.value(i));
    }
    if (response.bodyLength() > 0) {
      b.body(response.body());
    }
    return b.build();
  }

  /**
   * The Azure form of {@code headers}, reused while responses keep carrying the same instance. A
   * miss replaces the remembered one; racing threads at worst convert twice.
   */
  AzureResponseHeaders azureHeaders(Headers headers) {
    AzureResponseHeaders last = lastResponseHeaders;
    if (last.madeFrom(headers)) {
      return last;
    }
    AzureResponseHeaders made = AzureResponseHeaders.of(headers);
    lastResponseHeaders = made;
    return made;
  }

  /** Why a response with several cookies was not sent, and what to do instead. */
  static String tooManyCookies(List<String> cookies, String requestId) {
    StringBuilder names = new StringBuilder();
    for (String cookie : cookies) {
      int eq = cookie.indexOf('=');
      String name = (eq < 0 ? cookie : cookie.substring(0, eq)).strip();
      names.append(names.length() == 0 ? "" : ", ").append('\'').append(name).append('\'');
    }
    return "Request "
        + requestId
        + ": the response sets "
        + cookies.size()
        + " cookies ("
        + names
        + "), but the Azure Functions Java worker sends at most one Set-Cookie header per"
        + " response (HttpResponseMessage.Builder keeps one value per header name; see"
        + " https://github.com/Azure/azure-functions-java-worker/issues/788). Answered 500"
        + " instead of dropping cookies. On Azure, set at most one cookie per response, e.g. keep"
        + " the state in one cookie or set the others on later responses.";
  }

  /** Azure's status value for a code: the {@code HttpStatus} constant where there is one. */
  static HttpStatusType status(int code) {
    return code >= 100 && code < STATUSES.length ? STATUSES[code] : HttpStatusType.custom(code);
  }
}
