package dev.anyfn.core;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.anyfn.DataChange;
import dev.anyfn.HttpException;
import dev.anyfn.HttpRequest;
import dev.anyfn.QueueMessage;
import dev.anyfn.TopicMessage;
import dev.anyfn.core.index.ParameterSpec;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The binders that read JSON: HTTP bodies, invocation payloads, message bodies and data-change
 * images. Each resolves its Jackson type and reader on its first call, not at startup, so that
 * jackson-databind loads when a JSON value is first bound rather than when the runtime starts. The
 * raw classes named in the index are still loaded at startup (by {@link ResolvedHandler}), so a
 * missing class is still a startup error.
 */
final class JsonBinders {
  /**
   * Bodies up to this size are parsed from a copy of their bytes: Jackson's byte-array parser skips
   * the stream bootstrap and buffer refills, which is measurably cheaper for the small bodies of
   * most calls; larger ones are streamed so that a big body is never copied whole.
   */
  static final int COPY_LIMIT = 64 * 1024;

  private JsonBinders() {}

  /**
   * Reads one parameter's JSON: a plain record ({@link RecordJson}) without databind where it can,
   * otherwise with a databind reader made on first use. Racing first uses are harmless.
   */
  private static final class LazyReader {
    /** {@link #plain}'s value for a parameter that is not a plain record. */
    private static final Class<?> NOT_PLAIN = Void.class;

    private final ParameterSpec spec;
    private final Types types;
    private final JsonCodec json;
    private volatile ObjectReader reader;
    private volatile Class<?> plain;

    LazyReader(ParameterSpec spec, Types types, JsonCodec json) {
      this.spec = spec;
      this.types = types;
      this.json = json;
    }

    /** The value in {@code bytes}: see {@link JsonCodec#read(ObjectReader, byte[])}. */
    Object read(byte[] bytes) {
      Class<?> type = plain();
      if (type != NOT_PLAIN) {
        Object value = json.readPlainInput(bytes, type);
        if (value != RecordJson.MISS) {
          return value;
        }
      }
      return json.read(get(), bytes);
    }

    Object read(InputStream stream) {
      return json.read(get(), stream);
    }

    /**
     * The bound value, or a refusal when the JSON was {@code null}: the handler declared a value,
     * and a null would fail in it (on an event, once per retry) instead of being answered here. A
     * null element of a typed list, set, array or map, at any depth, is refused as it is read
     * ({@link NullElements}), and so is a null record component ({@link JsonCodec#inputReaderFor}).
     */
    Object present(Object value, String what) {
      if (value == null) {
        throw new JsonBodyException(
            "body_required", "A JSON " + what + " is required; found null.", null);
      }
      return value;
    }

    private Class<?> plain() {
      Class<?> p = plain;
      if (p == null) {
        p = NOT_PLAIN;
        if (spec.genericType() == null || spec.genericType().equals(spec.type())) {
          Class<?> raw = types.load(spec.type());
          p = RecordJson.isPlain(raw) ? raw : NOT_PLAIN;
        }
        plain = p;
      }
      return p;
    }

    private ObjectReader get() {
      ObjectReader r = reader;
      if (r == null) {
        r = json.inputReaderFor(types.javaType(spec));
        reader = r;
      }
      return r;
    }
  }

  static Binders.Binder body(ParameterSpec p, Types types, JsonCodec json) {
    LazyReader reader = new LazyReader(p, types, json);
    return inv -> {
      if (inv.request == null) {
        return reader.present(reader.read(inv.payload), "payload");
      }
      HttpRequest r = inv.request;
      if (r.bodyLength() > 0) {
        Optional<String> contentType = r.contentType();
        if (contentType.isEmpty() || !Binders.isJson(contentType.get())) {
          throw notJson(r, contentType);
        }
      } else {
        throw new JsonBodyException("body_required", "A JSON body is required.", null);
      }
      return reader.present(
          r.bodyLength() <= COPY_LIMIT ? reader.read(r.body()) : reader.read(r.bodyStream()),
          "body");
    };
  }

  /**
   * The 415 for a body whose Content-Type is not JSON: absent, unreadable as a media type (what the
   * caller sent is quoted, so they see what reached us), or another media type.
   */
  private static HttpException notJson(HttpRequest r, Optional<String> contentType) {
    Optional<String> sent = r.header("Content-Type");
    if (sent.isEmpty()) {
      // Refused rather than assumed: a cross-site page can send a body without a Content-Type
      // (an untyped Blob) and without a CORS preflight, but cannot send application/json.
      return new HttpException(
          415,
          "The request has a body but no Content-Type; send it as application/json (or"
              + " application/*+json).");
    }
    if (contentType.isEmpty() || !isMediaType(contentType.get())) {
      return new HttpException(
          415,
          "The Content-Type header "
              + quoted(sent.get())
              + " cannot be read as a media type (type/subtype); send the body as"
              + " application/json (or application/*+json).");
    }
    return new HttpException(
        415,
        "Content-Type "
            + contentType.get()
            + " is not supported; send application/json (or application/*+json).");
  }

  /** Whether a parsed Content-Type is {@code type/subtype}, each an RFC 9110 token. */
  private static boolean isMediaType(String type) {
    int slash = type.indexOf('/');
    return slash > 0
        && slash < type.length() - 1
        && isToken(type, 0, slash)
        && isToken(type, slash + 1, type.length());
  }

  private static boolean isToken(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      boolean token =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!token) {
        return false;
      }
    }
    return true;
  }

  /** The most characters of a header value a message quotes; a longer one ends with "...". */
  private static final int QUOTED_LIMIT = 64;

  /**
   * A header value quoted for a message: at most {@link #QUOTED_LIMIT} characters, a control
   * character written as {@code \x} and two hex digits, a non-ASCII one as a backslash, a {@code u}
   * and four hex digits, and a backslash doubled; so the message shows what was sent without
   * echoing anything that is not plain printable ASCII.
   */
  private static String quoted(String value) {
    StringBuilder b = new StringBuilder(Math.min(value.length(), QUOTED_LIMIT) + 8).append('\'');
    for (int i = 0; i < value.length() && i < QUOTED_LIMIT; i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        b.append(String.format("\\x%02x", (int) c));
      } else if (c > 0x7e) {
        b.append(String.format("\\u%04x", (int) c));
      } else if (c == '\\') {
        b.append("\\\\");
      } else {
        b.append(c);
      }
    }
    return b.append(value.length() > QUOTED_LIMIT ? "...'" : "'").toString();
  }

  static Binders.Binder eventBody(ParameterSpec p, Types types, JsonCodec json) {
    LazyReader reader = new LazyReader(p, types, json);
    return inv -> {
      byte[] body =
          inv.event instanceof QueueMessage q ? q.body() : ((TopicMessage) inv.event).body();
      return reader.present(reader.read(body), "body");
    };
  }

  static Binders.Binder dataChange(ParameterSpec p, Types types, JsonCodec json) {
    if (String.class.getName().equals(p.genericType())) {
      return inv -> inv.event;
    }
    return new Binders.Binder() {
      private volatile JavaType image;

      private JavaType image() {
        JavaType t = image;
        if (t == null) {
          t =
              p.genericType() == null
                  ? json.typeFactory().constructType(Object.class)
                  : types.javaType(p.genericType());
          image = t;
        }
        return t;
      }

      @Override
      public Object bind(Invocation inv) {
        @SuppressWarnings("unchecked")
        DataChange<String> change = (DataChange<String>) inv.event;
        Object oldImage = change.oldImage().map(s -> json.read(utf8(s), image())).orElse(null);
        Object newImage = change.newImage().map(s -> json.read(utf8(s), image())).orElse(null);
        return change.withImages(oldImage, newImage).build();
      }
    };
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
