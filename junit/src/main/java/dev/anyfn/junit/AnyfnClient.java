package dev.anyfn.junit;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.anyfn.Upload;
import dev.anyfn.local.CallerJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A small HTTP client for the emulator a test runs against, on {@code java.net.http}. Paths are
 * resolved against the emulator's base URI. Thread-safe.
 */
public final class AnyfnClient {
  private final URI base;
  private final HttpClient http;

  AnyfnClient(URI base) {
    this.base = base;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  /** The emulator's base URI, e.g. {@code http://127.0.0.1:41234}. */
  public URI baseUri() {
    return base;
  }

  /** {@code path} resolved against the base URI. */
  public URI uri(String path) {
    return base.resolve(path);
  }

  /** Sends {@code GET path}. */
  public Response get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET().build());
  }

  /** Sends {@code POST path} with a JSON body, the text as it is. */
  public Response post(String path, String json) {
    return sendJson("POST", path, json);
  }

  /**
   * Sends {@code POST path} with {@code body} written as JSON, as anyfn writes a handler's answer
   * (a record by its components, {@code java.time} values as ISO-8601 strings, an empty {@code
   * Optional} as {@code null}): {@code client.post("/orders", new Order(2, 3))}. A {@code String}
   * is sent as it is, as JSON text (the overload above).
   *
   * @throws IllegalArgumentException when Jackson cannot write {@code body}
   */
  public Response post(String path, Object body) {
    return sendJson("POST", path, CallerJson.text(body));
  }

  /** Sends {@code PUT path} with a JSON body, the text as it is. */
  public Response put(String path, String json) {
    return sendJson("PUT", path, json);
  }

  /** Sends {@code PUT path} with {@code body} written as JSON, as {@link #post(String, Object)}. */
  public Response put(String path, Object body) {
    return sendJson("PUT", path, CallerJson.text(body));
  }

  /** Sends {@code PATCH path} with a JSON body, the text as it is. */
  public Response patch(String path, String json) {
    return sendJson("PATCH", path, json);
  }

  /**
   * Sends {@code PATCH path} with {@code body} written as JSON, as {@link #post(String, Object)}.
   */
  public Response patch(String path, Object body) {
    return sendJson("PATCH", path, CallerJson.text(body));
  }

  /** Sends {@code DELETE path}, without a body. */
  public Response delete(String path) {
    return send(HttpRequest.newBuilder(uri(path)).DELETE().build());
  }

  private Response sendJson(String method, String path, String json) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
            .build());
  }

  /**
   * Sends {@code POST path} with {@code fields} as an {@code application/x-www-form-urlencoded}
   * body, as an HTML form posts them (UTF-8, in the map's order).
   */
  public Response postForm(String path, Map<String, String> fields) {
    StringBuilder form = new StringBuilder();
    fields.forEach(
        (name, value) ->
            form.append(form.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form.toString(), StandardCharsets.US_ASCII))
            .build());
  }

  /**
   * Sends {@code POST path} with {@code fields} and {@code files} as a {@code multipart/form-data}
   * body, as a browser posts a form with {@code enctype="multipart/form-data"}: the fields first,
   * in the map's order, then the files in the list's order, each under its {@link Upload#field()}.
   */
  public Response postMultipart(String path, Map<String, String> fields, List<Upload> files) {
    String boundary = "----anyfnTest" + UUID.randomUUID().toString().replace("-", "");
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    fields.forEach(
        (name, value) -> {
          part(body, boundary, name, null, null);
          body.writeBytes(value.getBytes(StandardCharsets.UTF_8));
          body.writeBytes(CRLF);
        });
    for (Upload file : files) {
      part(body, boundary, file.field(), file.filename(), file.contentType());
      body.writeBytes(file.bytes());
      body.writeBytes(CRLF);
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build());
  }

  private static final byte[] CRLF = {'\r', '\n'};

  private static void part(
      ByteArrayOutputStream body, String boundary, String name, String filename, String type) {
    StringBuilder head =
        new StringBuilder("--")
            .append(boundary)
            .append("\r\nContent-Disposition: form-data; name=\"")
            .append(name.replace("\"", "%22"))
            .append('"');
    if (filename != null) {
      head.append("; filename=\"").append(filename.replace("\"", "%22")).append('"');
      head.append("\r\nContent-Type: ").append(type);
    }
    head.append("\r\n\r\n");
    body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Sends any request.
   *
   * @throws UncheckedIOException when the emulator cannot be reached
   */
  public Response send(HttpRequest request) {
    try {
      HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      return new Response(r.statusCode(), r.headers().map(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Request " + request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for " + request.uri(), e);
    }
  }

  /**
   * An HTTP response. Immutable.
   *
   * @param status the status code
   * @param headers the headers, names in lower case
   * @param body the body bytes
   */
  public record Response(int status, Map<String, List<String>> headers, byte[] body) {
    /** Copies the headers and the body. */
    public Response {
      headers = Map.copyOf(headers);
      body = body.clone();
    }

    /** The body bytes (a copy). */
    @Override
    public byte[] body() {
      return body.clone();
    }

    /** The body as UTF-8 text. */
    public String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * The body read as JSON into {@code type}, as anyfn reads a request body ({@code java.time}
     * values from ISO-8601 strings), unknown fields ignored: {@code
     * client.get("/orders/1").json(Order.class)}; for a JSON array, an array type such as {@code
     * Order[].class}.
     *
     * @throws AssertionError when the body is not JSON of that type, saying why and showing the
     *     status and the start of the body
     */
    public <T> T json(Class<T> type) {
      try {
        return CallerJson.read(body, type);
      } catch (IOException e) {
        String text = bodyText();
        String reason =
            e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getMessage();
        throw new AssertionError(
            "The response body is not JSON of "
                + type.getSimpleName()
                + ": "
                + reason
                + ". Status "
                + status
                + ", body: "
                + (text.length() > 500 ? text.substring(0, 500) + "..." : text),
            e);
      }
    }

    /** The first value of a header, by case-insensitive name. */
    public Optional<String> header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
          .map(e -> e.getValue().get(0))
          .findFirst();
    }
  }
}
