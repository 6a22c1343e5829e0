package dev.anyfn;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable HTTP request as the handler sees it, the same on every provider. Thread-safe.
 *
 * <p>The path is canonical: it was percent-decoded exactly once, segment by segment, and a request
 * whose path has dot segments ({@code .}, {@code ..}), empty segments ({@code //}) or an encoded
 * slash, backslash or NUL inside a segment is refused when built. A trailing slash is dropped.
 */
public final class HttpRequest {
  /** The body of a request without one; never handed out (body() copies), so it can be shared. */
  private static final byte[] NO_BODY = new byte[0];

  /** Media types most requests carry, so that their {@link #contentType()} allocates nothing. */
  private static final List<Optional<String>> COMMON_MEDIA_TYPES =
      List.of(
          Optional.of("application/json"),
          Optional.of("text/plain"),
          Optional.of("application/octet-stream"));

  private final String method;
  private final List<String> segments;
  private final Map<String, String> pathParams;
  private final Map<String, List<String>> query;
  private final Headers headers;
  private final byte[] body;

  /** {@link #contentType()}, parsed on first use; a racing second parse gives the same value. */
  private Optional<String> contentType;

  /** {@link #form()}, parsed on first use; a racing second parse gives an equal value. */
  private Map<String, List<String>> form;

  /** {@link #uploads()}, parsed with {@link #form}. */
  private Map<String, List<Upload>> uploads;

  /** The media type of a form body. */
  private static final String FORM = "application/x-www-form-urlencoded";

  /** The most fields {@link #form()} reads, as Jetty's default {@code maxFormKeys}. */
  static final int MAX_FORM_FIELDS = 1000;

  private HttpRequest(Builder b) {
    this.method = b.method;
    this.segments = b.segments;
    this.pathParams = b.pathParams; // already an unmodifiable copy
    this.query = b.query == null ? Map.of() : frozen(b.query);
    this.headers = b.headers;
    this.body = b.body;
  }

  private HttpRequest(HttpRequest r, Map<String, String> pathParams) {
    this.method = r.method;
    this.segments = r.segments;
    this.pathParams = copy(pathParams);
    this.query = r.query;
    this.headers = r.headers;
    this.body = r.body;
    this.contentType = r.contentType;
    this.form = r.form;
    this.uploads = r.uploads;
  }

  private static Map<String, String> copy(Map<String, String> params) {
    return params.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  /** A builder for a GET of {@code /}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this request. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.method = method;
    b.segments = segments;
    b.pathParams = pathParams;
    query.forEach((k, v) -> b.query().put(k, new ArrayList<>(v)));
    b.headers = headers;
    b.body = body;
    return b;
  }

  /**
   * This request with these path parameters (what the router does once it has matched a route).
   * Shares everything else with this request, which stays unchanged; cheaper than {@code
   * toBuilder().pathParams(params).build()}, which copies the query.
   */
  public HttpRequest withPathParams(Map<String, String> params) {
    return new HttpRequest(this, params);
  }

  /** The method in upper case, for example {@code GET}. */
  public String method() {
    return method;
  }

  /** The canonical, decoded path, for example {@code /users/42}; {@code /} for the root. */
  public String path() {
    return segments.isEmpty() ? "/" : "/" + String.join("/", segments);
  }

  /** The decoded path segments; empty for the root. */
  public List<String> pathSegments() {
    return segments;
  }

  /** The path parameters of the matched route; empty before routing. */
  public Map<String, String> pathParams() {
    return pathParams;
  }

  /** One path parameter of the matched route. */
  public Optional<String> pathParam(String name) {
    return Optional.ofNullable(pathParams.get(name));
  }

  /** Decoded query parameters in order of first occurrence, each with every value in order. */
  public Map<String, List<String>> query() {
    return query;
  }

  /** The first value of a query parameter. */
  public Optional<String> queryParam(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** The request headers. */
  public Headers headers() {
    return headers;
  }

  /**
   * The fields of an {@code application/x-www-form-urlencoded} body (an HTML form's POST), decoded
   * as the query is: in order of first occurrence, each with every value in order, {@code +} read
   * as a space and percent-encoded bytes as UTF-8. Empty when there is no body. A body without a
   * {@code Content-Type} is read as a form too. Of a {@code multipart/form-data} body, the parts
   * that are not files (see {@link #uploads()}), as UTF-8 text.
   *
   * @throws HttpException 415 when the body has another media type; 400 when it is not a
   *     well-formed form of UTF-8 text or has more than 1,000 fields
   */
  public Map<String, List<String>> form() {
    Map<String, List<String>> fields = form;
    if (fields == null) {
      fields = readForm();
    }
    return fields;
  }

  /**
   * The files of a {@code multipart/form-data} body, by field name, each with every file sent in
   * order: what an HTML form with {@code enctype="multipart/form-data"} sends for its {@code <input
   * type="file">} fields (a file input left empty sends nothing). Empty for a form-encoded body and
   * when there is no body.
   *
   * @throws HttpException as {@link #form()} does
   */
  public Map<String, List<Upload>> uploads() {
    Map<String, List<Upload>> files = uploads;
    if (files == null) {
      readForm();
      files = uploads;
    }
    return files;
  }

  /** Parses the body as a form, sets {@link #form} and {@link #uploads}, and returns the fields. */
  private Map<String, List<String>> readForm() {
    Optional<String> type = contentType();
    if (body.length > 0 && type.isPresent() && type.get().equals(MultipartBody.MEDIA_TYPE)) {
      MultipartBody.Parts parts =
          MultipartBody.parse(body, headers.first("Content-Type").orElseThrow(), MAX_FORM_FIELDS);
      uploads = parts.uploads();
      form = parts.fields();
      return parts.fields();
    }
    Map<String, List<String>> fields = parseForm(type);
    uploads = Map.of();
    form = fields;
    return fields;
  }

  private Map<String, List<String>> parseForm(Optional<String> type) {
    if (body.length > 0 && type.isPresent() && !type.get().equals(FORM)) {
      throw new HttpException(
          415,
          "Content-Type "
              + type.get()
              + " is not supported; send "
              + FORM
              + " or "
              + MultipartBody.MEDIA_TYPE
              + ".");
    }
    if (body.length == 0) {
      return Map.of();
    }
    String text;
    try {
      text = PathDecoding.text(body, StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      throw HttpException.badRequest("The form body is not UTF-8 text.");
    }
    Map<String, List<String>> fields = new LinkedHashMap<>();
    int[] count = {0};
    try {
      PathDecoding.forEachFormPair(
          text,
          (name, value) -> {
            if (++count[0] > MAX_FORM_FIELDS) {
              throw HttpException.badRequest(
                  "The form has more than "
                      + MAX_FORM_FIELDS
                      + " fields; send at most "
                      + MAX_FORM_FIELDS
                      + ", or send the data as JSON.");
            }
            fields.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
          });
    } catch (IllegalArgumentException e) {
      throw HttpException.badRequest("The form body is badly encoded: " + e.getMessage());
    }
    return frozen(fields);
  }

  /** An unmodifiable copy, in the same order, of a map of lists: the query, a form, its files. */
  static <T> Map<String, List<T>> frozen(Map<String, List<T>> map) {
    if (map.isEmpty()) {
      return Map.of();
    }
    Map<String, List<T>> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    return Collections.unmodifiableMap(copy);
  }

  /** The first value of a header, by case-insensitive name. */
  public Optional<String> header(String name) {
    return headers.first(name);
  }

  /** Cookies from every {@code Cookie} header; the first occurrence of a name wins. */
  public Map<String, String> cookies() {
    Map<String, String> cookies = new LinkedHashMap<>();
    for (String line : headers.all("Cookie")) {
      for (String pair : line.split(";")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          cookies.putIfAbsent(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
      }
    }
    return Collections.unmodifiableMap(cookies);
  }

  /**
   * The media type of the body without parameters, in lower case, for example {@code
   * application/json}.
   */
  public Optional<String> contentType() {
    Optional<String> type = contentType;
    if (type == null) {
      type = parseContentType();
      contentType = type;
    }
    return type;
  }

  private Optional<String> parseContentType() {
    Optional<String> first = headers.first("Content-Type");
    if (first.isEmpty()) {
      return first;
    }
    String v = first.get();
    for (Optional<String> known : COMMON_MEDIA_TYPES) {
      String type = known.get();
      if (v.startsWith(type) && (v.length() == type.length() || v.charAt(type.length()) == ';')) {
        return known; // already lower case and trimmed: the general path below would give the same
      }
    }
    int semicolon = v.indexOf(';');
    String type = (semicolon < 0 ? v : v.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    return type.isEmpty() ? Optional.empty() : Optional.of(type);
  }

  /** The body bytes (a copy); empty when there is no body. */
  public byte[] body() {
    return body.clone();
  }

  /** The body as a stream, without copying. */
  public InputStream bodyStream() {
    return new ByteArrayInputStream(body);
  }

  /** The body length in bytes. */
  public int bodyLength() {
    return body.length;
  }

  /**
   * The body decoded with the {@code charset} of its {@code Content-Type}, UTF-8 by default.
   *
   * @throws HttpException 400 when the bytes are not valid in that charset, 415 when the charset is
   *     unknown
   */
  public String bodyText() {
    Charset charset = charset();
    try {
      return PathDecoding.text(body, charset);
    } catch (CharacterCodingException e) {
      throw new HttpException(400, "The body is not valid " + charset.name() + " text.");
    }
  }

  private Charset charset() {
    Optional<String> param =
        header("Content-Type").stream()
            .flatMap(v -> java.util.Arrays.stream(v.split(";")))
            .map(String::trim)
            .filter(p -> p.toLowerCase(Locale.ROOT).startsWith("charset="))
            .map(p -> p.substring("charset=".length()).replace("\"", "").trim())
            .findFirst();
    if (param.isEmpty()) {
      return StandardCharsets.UTF_8;
    }
    try {
      return Charset.forName(param.get());
    } catch (IllegalArgumentException e) {
      throw new HttpException(
          415,
          "Unsupported charset '" + param.get() + "'; send UTF-8 or another standard charset.");
    }
  }

  @Override
  public String toString() {
    return method + " " + path() + (query.isEmpty() ? "" : " " + query);
  }

  /** Builds a request; not thread-safe. */
  public static final class Builder {
    private String method = "GET";
    private List<String> segments = List.of();
    // Immutable once set: pathParams(...) replaces it rather than changing it.
    private Map<String, String> pathParams = Map.of();
    // Made on the first query parameter: many requests have none.
    private Map<String, List<String>> query;
    private Headers headers = Headers.empty();
    private byte[] body = NO_BODY;

    private Builder() {}

    /** The method; stored in upper case. */
    public Builder method(String method) {
      if (method == null || method.isBlank()) {
        throw new IllegalArgumentException("HTTP method is empty.");
      }
      this.method = method.toUpperCase(Locale.ROOT);
      return this;
    }

    /**
     * The path as sent on the wire, still percent-encoded, without the query string.
     *
     * @throws IllegalArgumentException if it is not absolute, is badly encoded, or has dot
     *     segments, empty segments, or an encoded slash, backslash or NUL in a segment
     */
    public Builder rawPath(String rawPath) {
      this.segments = PathDecoding.segments(rawPath);
      return this;
    }

    /** Path parameters; set by the router. */
    public Builder pathParams(Map<String, String> params) {
      pathParams = copy(params);
      return this;
    }

    private Map<String, List<String>> query() {
      if (query == null) {
        query = new LinkedHashMap<>();
      }
      return query;
    }

    /** Adds a decoded query parameter value, after earlier values of the same name. */
    public Builder addQuery(String name, String value) {
      query().computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      return this;
    }

    /**
     * Parses a raw query string ({@code a=1&a=2&b}), form-decoding names and values, and adds every
     * pair in order.
     *
     * @throws IllegalArgumentException if it is badly percent-encoded
     */
    public Builder rawQuery(String rawQuery) {
      if (rawQuery == null || rawQuery.isEmpty()) {
        return this;
      }
      PathDecoding.forEachFormPair(rawQuery, this::addQuery);
      return this;
    }

    /** The headers. */
    public Builder headers(Headers headers) {
      this.headers = headers;
      return this;
    }

    /** The body; the array is copied. */
    public Builder body(byte[] body) {
      this.body = body == null || body.length == 0 ? NO_BODY : body.clone();
      return this;
    }

    /** A UTF-8 text body. */
    public Builder body(String text) {
      this.body = text.getBytes(StandardCharsets.UTF_8);
      return this;
    }

    /** The immutable request. */
    public HttpRequest build() {
      return new HttpRequest(this);
    }
  }
}
