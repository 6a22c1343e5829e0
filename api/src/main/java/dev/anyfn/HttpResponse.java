package dev.anyfn;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * An immutable HTTP response. Thread-safe.
 *
 * <p>The body is either bytes (set with {@link Builder#body(byte[], String)} or {@link
 * Builder#text(String)}) or an entity object that the runtime serialises as JSON ({@link
 * Builder#json(Object)}).
 */
public final class HttpResponse {
  private final int status;
  private final Headers headers;
  private final byte[] body;
  private final Object entity;

  private HttpResponse(Builder b) {
    this.status = b.status;
    this.headers = b.buildHeaders();
    this.body = b.body;
    this.entity = b.entity;
  }

  /**
   * A builder with this status.
   *
   * @throws IllegalArgumentException if the status is outside 100-599
   */
  public static Builder status(int status) {
    return new Builder(status);
  }

  /** 200 with a {@code text/plain; charset=utf-8} body. */
  public static HttpResponse ok(String text) {
    return status(200).text(text).build();
  }

  /** 200 with a JSON body serialised from {@code entity}. */
  public static HttpResponse json(Object entity) {
    return status(200).json(entity).build();
  }

  /** A response with this status and no body. */
  public static HttpResponse empty(int status) {
    return status(status).build();
  }

  /** A builder holding this response. */
  public Builder toBuilder() {
    Builder b = new Builder(status);
    b.headers = headers.toBuilder();
    b.body = body;
    b.entity = entity;
    return b;
  }

  /** The status code, 100-599. */
  public int statusCode() {
    return status;
  }

  /** The response headers. */
  public Headers headers() {
    return headers;
  }

  /** The body bytes (a copy); empty when the body is an entity not yet serialised, or absent. */
  public byte[] body() {
    return body.clone();
  }

  /** The body length in bytes. */
  public int bodyLength() {
    return body.length;
  }

  /** The entity to serialise as JSON, if the body was given as an object. */
  public Optional<Object> entity() {
    return Optional.ofNullable(entity);
  }

  /** The body decoded as UTF-8. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "HttpResponse[" + status + ", " + headers + ", " + body.length + " bytes]";
  }

  /** Builds a response; not thread-safe. */
  public static final class Builder {
    private final int status;
    // While the content type is the only header (most responses), it is kept here and the headers
    // are built without a Headers.Builder; the first other header moves it into the builder.
    private Headers.Builder headers;
    private Headers contentTypeOnly;
    private byte[] body = new byte[0];
    private Object entity;

    private Builder(int status) {
      if (status < 100 || status > 599) {
        throw new IllegalArgumentException(
            "HTTP status " + status + " is outside 100-599; use a standard status code.");
      }
      this.status = status;
    }

    /**
     * Adds a header value; a {@code Content-Type}, which a response has at most once, replaces the
     * one set before (by {@link #text}, {@link #json} or {@link #body(byte[], String)}).
     *
     * @throws IllegalArgumentException for a non-token name, CR/LF/NUL, or a character above U+00FF
     */
    public Builder header(String name, String value) {
      if (Headers.sameName("Content-Type", name)) {
        return setHeader(name, value);
      }
      HeaderSyntax.checkResponseValue(name, value);
      headers().add(name, value);
      return this;
    }

    /**
     * Replaces a header.
     *
     * @throws IllegalArgumentException for a non-token name, CR/LF/NUL, or a character above U+00FF
     */
    public Builder setHeader(String name, String value) {
      HeaderSyntax.checkResponseValue(name, value);
      headers().set(name, value);
      return this;
    }

    /**
     * Adds a {@code Set-Cookie} header {@code name=value; Path=/; HttpOnly; Secure; SameSite=Lax}.
     *
     * @throws IllegalArgumentException if the name is not a token or the value has separators
     */
    public Builder cookie(String name, String value) {
      return header("Set-Cookie", cookieValue(name, value) + COOKIE_ATTRIBUTES);
    }

    /**
     * Adds a {@code Set-Cookie} header as {@link #cookie(String, String)} does, which the browser
     * keeps for {@code maxAge} (a persistent cookie: {@code Max-Age}, in whole seconds) rather than
     * until it closes.
     *
     * @throws IllegalArgumentException as {@link #cookie(String, String)} does, or when {@code
     *     maxAge} is not positive (use {@link #expireCookie(String)} to remove a cookie)
     */
    public Builder cookie(String name, String value, Duration maxAge) {
      if (maxAge.isNegative() || maxAge.isZero()) {
        throw new IllegalArgumentException(
            "Cookie '"
                + name
                + "' has a Max-Age of "
                + maxAge
                + "; expected a positive duration. To remove the cookie, use expireCookie(\""
                + name
                + "\").");
      }
      return header(
          "Set-Cookie",
          cookieValue(name, value) + COOKIE_ATTRIBUTES + "; Max-Age=" + maxAge.toSeconds());
    }

    /**
     * Tells the browser to remove the cookie {@code name} set by {@link #cookie(String, String)}
     * (an empty value with {@code Max-Age=0} and the same attributes), for example at logout.
     *
     * @throws IllegalArgumentException if the name is not a token
     */
    public Builder expireCookie(String name) {
      return header("Set-Cookie", cookieValue(name, "") + COOKIE_ATTRIBUTES + "; Max-Age=0");
    }

    private static String cookieValue(String name, String value) {
      HeaderSyntax.checkName(name);
      for (char c : value.toCharArray()) {
        if (c <= 0x20 || c == '"' || c == ',' || c == ';' || c == '\\' || c >= 0x7f) {
          throw new IllegalArgumentException(
              "Cookie '" + name + "' has a character not allowed in cookie values (RFC 6265).");
        }
      }
      return name + "=" + value;
    }

    /** The attributes every cookie of {@link #cookie(String, String)} gets. */
    private static final String COOKIE_ATTRIBUTES = "; Path=/; HttpOnly; Secure; SameSite=Lax";

    /** A body with its media type. */
    public Builder body(byte[] bytes, String contentType) {
      HeaderSyntax.checkResponseValue("Content-Type", contentType);
      this.body = bytes.clone();
      this.entity = null;
      setContentType(contentType);
      return this;
    }

    /** A {@code text/plain; charset=utf-8} body. */
    public Builder text(String text) {
      return body(text.getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8");
    }

    /** A JSON body, serialised by the runtime with its configured mapper. */
    public Builder json(Object entity) {
      this.entity = entity;
      this.body = new byte[0];
      setContentType("application/json");
      return this;
    }

    private Headers.Builder headers() {
      if (headers == null) {
        headers = contentTypeOnly == null ? Headers.builder() : contentTypeOnly.toBuilder();
        contentTypeOnly = null;
      }
      return headers;
    }

    private void setContentType(String value) {
      if (headers != null) {
        headers.set("Content-Type", value);
      } else {
        contentTypeOnly = Headers.contentType(value);
      }
    }

    private Headers buildHeaders() {
      if (headers != null) {
        return headers.build();
      }
      return contentTypeOnly == null ? Headers.empty() : contentTypeOnly;
    }

    /** The immutable response. */
    public HttpResponse build() {
      return new HttpResponse(this);
    }
  }
}
