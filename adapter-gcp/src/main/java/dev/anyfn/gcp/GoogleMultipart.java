package dev.anyfn.gcp;

import dev.anyfn.Log;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The parts of a {@code multipart/form-data} request, which Google's invoker reads itself: its
 * Jetty server parses such a body before the function runs (an eager content handler), so {@code
 * getInputStream()} is empty, and its {@code getParts()} keeps one part per name, unordered
 * (functions-framework-java#127). The parts are taken, in order and all of them, from the parse
 * Jetty keeps on the request; where that is not reachable (another invoker), from {@code
 * getParts()}. They are written back as one multipart body, for the neutral request. Thread-safe:
 * its state is the reflective lookup, made once, and whether the fallback was logged.
 */
final class GoogleMultipart {
  private GoogleMultipart() {}

  /** One part as sent. */
  record Part(String name, String filename, String contentType, byte[] content) {}

  /** A body and the Content-Type header value that goes with it. */
  record Body(String contentType, byte[] bytes) {}

  /** Whether the fallback to Google's public API has been logged (once per instance). */
  private static final AtomicBoolean FALLBACK_LOGGED = new AtomicBoolean();

  /**
   * The request's parts as a multipart body with a boundary none of them holds; {@code log} hears,
   * once, when they come from Google's public API, which keeps one part per name.
   */
  static Body body(com.google.cloud.functions.HttpRequest google, Log log) throws IOException {
    List<Part> parts = JettyParts.of(google);
    if (parts == null) {
      parts = fromPublicApiOrMalformed(google);
      if (FALLBACK_LOGGED.compareAndSet(false, true)) {
        log.warn(
            "Multipart parts come from the invoker's getParts(), which keeps one part per field"
                + " name (functions-framework-java#127): the invoker's own parse was not reachable,"
                + " so a form sending several files or values under one name arrives with one.",
            "invoker",
            google.getClass().getName());
      }
    }
    return write(parts);
  }

  /**
   * The parts by Google's public API.
   *
   * @throws Malformed when the invoker could not read the body as multipart
   */
  private static List<Part> fromPublicApiOrMalformed(com.google.cloud.functions.HttpRequest google)
      throws IOException {
    try {
      return fromPublicApi(google.getParts());
    } catch (RuntimeException e) {
      throw new Malformed(e);
    }
  }

  /** The invoker could not read the body's parts (Jetty refused the body). */
  static final class Malformed extends IOException {
    private static final long serialVersionUID = 1L;

    Malformed(Throwable cause) {
      super("The multipart body could not be read", cause);
    }
  }

  /** Google's public API: one part per name. */
  static List<Part> fromPublicApi(
      Map<String, com.google.cloud.functions.HttpRequest.HttpPart> byName) throws IOException {
    List<Part> parts = new ArrayList<>();
    for (Map.Entry<String, com.google.cloud.functions.HttpRequest.HttpPart> e : byName.entrySet()) {
      com.google.cloud.functions.HttpRequest.HttpPart p = e.getValue();
      byte[] content;
      try (InputStream in = p.getInputStream()) {
        content = in.readAllBytes();
      }
      parts.add(
          new Part(
              e.getKey(), p.getFileName().orElse(null), p.getContentType().orElse(null), content));
    }
    return parts;
  }

  static Body write(List<Part> parts) {
    String boundary = boundary(parts);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Part p : parts) {
      StringBuilder head = new StringBuilder();
      head.append("--")
          .append(boundary)
          .append("\r\nContent-Disposition: form-data; name=\"")
          .append(quote(p.name()))
          .append('"');
      if (p.filename() != null) {
        head.append("; filename=\"").append(quote(p.filename())).append('"');
      }
      head.append("\r\n");
      if (p.contentType() != null && !p.contentType().isEmpty()) {
        head.append("Content-Type: ").append(p.contentType()).append("\r\n");
      }
      head.append("\r\n");
      out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
      out.writeBytes(p.content());
      out.writeBytes(new byte[] {'\r', '\n'});
    }
    out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return new Body("multipart/form-data; boundary=" + boundary, out.toByteArray());
  }

  /** A boundary that no part's content holds. */
  private static String boundary(List<Part> parts) {
    while (true) {
      // Not UUID.randomUUID(): its SecureRandom would load on the first upload (see
      // DeployedFunction.newRequestId); a boundary must only be absent from the content.
      ThreadLocalRandom random = ThreadLocalRandom.current();
      String boundary =
          "anyfn-" + Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
      byte[] b = boundary.getBytes(StandardCharsets.US_ASCII);
      if (parts.stream().noneMatch(p -> contains(p.content(), b))) {
        return boundary;
      }
    }
  }

  private static boolean contains(byte[] content, byte[] pattern) {
    outer:
    for (int i = 0; i + pattern.length <= content.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (content[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  /** A quoted-string's content: backslash before a quote or a backslash; line breaks dropped. */
  private static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        b.append('\\');
      }
      if (c != '\r' && c != '\n') {
        b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * The parts as the invoker's Jetty parsed them, through reflection on the invoker's request
   * ({@code HttpRequestImpl.request}, a Jetty {@code Request}) and Jetty's public {@code
   * MultiPartFormData.getParts(Attributes)}; null when any of it is missing. The members are looked
   * up once per invoker class, not per request.
   */
  private record JettyParts(
      Class<?> invoker,
      Field request,
      Method getParts,
      Method name,
      Method filename,
      Method headers,
      Method header,
      Method content) {

    /** The lookup made for the last invoker class seen; racing threads at worst look up twice. */
    private static volatile JettyParts last;

    static List<Part> of(com.google.cloud.functions.HttpRequest google) {
      try {
        JettyParts jetty = last;
        if (jetty == null || jetty.invoker != google.getClass()) {
          jetty = lookUp(google.getClass());
          last = jetty;
        }
        return jetty.parts(google);
      } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
        return null;
      }
    }

    private static JettyParts lookUp(Class<?> invoker) throws ReflectiveOperationException {
      Field request = invoker.getDeclaredField("request");
      request.setAccessible(true);
      ClassLoader loader = invoker.getClassLoader();
      Class<?> attributes = Class.forName("org.eclipse.jetty.util.Attributes", false, loader);
      Class<?> part = Class.forName("org.eclipse.jetty.http.MultiPart$Part", false, loader);
      return new JettyParts(
          invoker,
          request,
          Class.forName("org.eclipse.jetty.http.MultiPartFormData", false, loader)
              .getMethod("getParts", attributes),
          part.getMethod("getName"),
          part.getMethod("getFileName"),
          part.getMethod("getHeaders"),
          Class.forName("org.eclipse.jetty.http.HttpFields", false, loader)
              .getMethod("get", String.class),
          part.getMethod("getContentAsString", Charset.class));
    }

    private List<Part> parts(com.google.cloud.functions.HttpRequest google)
        throws ReflectiveOperationException {
      Object parsed = getParts.invoke(null, request.get(google));
      if (!(parsed instanceof Iterable<?> all)) {
        return null;
      }
      List<Part> parts = new ArrayList<>();
      for (Object part : all) {
        Object contentType = header.invoke(headers.invoke(part), "Content-Type");
        String text = (String) content.invoke(part, StandardCharsets.ISO_8859_1);
        parts.add(
            new Part(
                (String) name.invoke(part),
                (String) filename.invoke(part),
                (String) contentType,
                // ISO-8859-1 maps each byte to one char and back: the bytes as sent
                text.getBytes(StandardCharsets.ISO_8859_1)));
      }
      return parts;
    }
  }
}
