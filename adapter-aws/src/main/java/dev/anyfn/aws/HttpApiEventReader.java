package dev.anyfn.aws;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.anyfn.core.JsonLimits;
import dev.anyfn.core.RuntimeSettings;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The fast path for the most frequent event, an HTTP API or function URL request (payload format
 * 2.0): one streaming pass that keeps only the fields the request needs, instead of a tree of the
 * whole event.
 *
 * <p>It takes only what it can recognise exactly as {@link EventSource#of} would, with every field
 * it reads of the type AWS sends. Anything else (another source, a field of an unexpected type, a
 * duplicate key, trailing data, a limit exceeded) yields null and the caller takes the general
 * path, which then decides and words any error. Duplicate keys are found as the core's strict
 * parsing finds them, anywhere in the event, but with a list instead of a hash set per object; an
 * object with more than {@value #MAX_FAST_FIELDS} fields goes to the general path, which keeps the
 * check linear. Immutable and thread-safe.
 */
final class HttpApiEventReader {
  /** A recognised event: its source (HTTP API or function URL) and its fields. */
  record Recognised(EventSource source, HttpApiEvent event) {}

  /** Thrown inside the pass for "not for the fast path"; never escapes. */
  private static final class NotHandled extends Exception {
    private static final long serialVersionUID = 1L;

    NotHandled() {
      super(null, null, false, false);
    }
  }

  private static final NotHandled NOT_HANDLED = new NotHandled();

  static final int MAX_FAST_FIELDS = 64;

  private final JsonFactory factory;
  private final int maxBytes;

  /** A reader with the limits the core applies to JSON. */
  HttpApiEventReader(RuntimeSettings settings) {
    this.maxBytes = settings.maxBodyBytes();
    this.factory = JsonLimits.eventFactory(settings);
  }

  /** The event's fields, or null when the general path must handle this payload. */
  Recognised read(byte[] payload) {
    if (payload.length == 0 || payload.length > maxBytes) {
      return null;
    }
    try (JsonParser p = factory.createParser(payload)) {
      Recognised r = event(new Walk(p));
      return p.nextToken() == null ? r : null;
    } catch (NotHandled | IOException e) {
      return null;
    }
  }

  /**
   * The parser with the field names of the objects being read, innermost last, to find duplicate
   * keys.
   */
  private static final class Walk {
    final JsonParser p;
    private String[] names = new String[32];
    private int size;

    Walk(JsonParser p) {
      this.p = p;
    }

    /** Starts an object's names; returns the mark that {@link #field} and {@link #end} take. */
    int start() {
      return size;
    }

    /**
     * The next field name of the object begun at {@code mark}, or null at its end.
     *
     * @throws NotHandled for a duplicate name or too many fields
     */
    String field(int mark) throws IOException, NotHandled {
      if (p.nextToken() != JsonToken.FIELD_NAME) {
        size = mark;
        return null;
      }
      String name = p.currentName();
      expect(size - mark < MAX_FAST_FIELDS);
      int hash = name.hashCode();
      for (int i = mark; i < size; i++) {
        // Names are canonical, so this is mostly an int comparison (String caches its hash).
        expect(names[i].hashCode() != hash || !names[i].equals(name));
      }
      if (size == names.length) {
        names = Arrays.copyOf(names, size * 2);
      }
      names[size++] = name;
      return name;
    }

    /** Skips the value at {@code token}, checking the names of the objects inside it. */
    void skip(JsonToken token) throws IOException, NotHandled {
      if (token == JsonToken.START_OBJECT) {
        int mark = start();
        while (field(mark) != null) {
          skip(p.nextToken());
        }
      } else if (token == JsonToken.START_ARRAY) {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
          skip(t);
        }
      }
    }
  }

  /** Collects the top-level fields. */
  private static final class Fields {
    String version;
    boolean hasHttp;
    String domainName;
    String method;
    String rawPath;
    String stage;
    String rawQuery;
    final List<String> headers = new ArrayList<>(32);
    final List<String> cookies = new ArrayList<>(4);
    String body;
    boolean base64;
  }

  private static Recognised event(Walk w) throws IOException, NotHandled {
    JsonParser p = w.p;
    expect(p.nextToken() == JsonToken.START_OBJECT);
    Fields f = new Fields();
    boolean hasRequestContext = false;
    int mark = w.start();
    String name;
    while ((name = w.field(mark)) != null) {
      JsonToken value = p.nextToken();
      switch (name) {
        // Fields that only other sources have: give up at once rather than after the whole event.
        case "Records", "httpMethod", "resource", "detail-type", "source" -> throw NOT_HANDLED;
        case "version" -> {
          f.version = string(p, value);
          expect("2.0".equals(f.version));
        }
        case "rawPath" -> f.rawPath = string(p, value);
        case "rawQueryString" -> f.rawQuery = string(p, value);
        case "body" -> f.body = string(p, value);
        case "isBase64Encoded" -> f.base64 = flag(value);
        case "headers" -> headers(w, value, f.headers);
        case "cookies" -> cookies(p, value, f.cookies);
        case "requestContext" -> {
          hasRequestContext = true;
          requestContext(w, value, f);
        }
        default -> w.skip(value);
      }
    }
    expect(hasRequestContext && f.hasHttp && "2.0".equals(f.version));
    expect(f.method != null && f.rawPath != null);
    EventSource source =
        f.domainName != null && f.domainName.contains(".lambda-url.")
            ? EventSource.FUNCTION_URL
            : EventSource.HTTP_API_V2;
    return new Recognised(
        source,
        new HttpApiEvent(
            f.method, f.rawPath, f.stage, f.rawQuery, f.headers, f.cookies, f.body, f.base64));
  }

  private static void requestContext(Walk w, JsonToken value, Fields f)
      throws IOException, NotHandled {
    JsonParser p = w.p;
    expect(value == JsonToken.START_OBJECT);
    int mark = w.start();
    String name;
    while ((name = w.field(mark)) != null) {
      JsonToken v = p.nextToken();
      switch (name) {
        case "elb", "connectionId", "eventType" -> throw NOT_HANDLED;
        case "domainName" -> f.domainName = string(p, v);
        case "stage" -> f.stage = string(p, v);
        case "http" -> {
          f.hasHttp = true;
          http(w, v, f);
        }
        default -> w.skip(v);
      }
    }
  }

  private static void http(Walk w, JsonToken value, Fields f) throws IOException, NotHandled {
    expect(value == JsonToken.START_OBJECT);
    int mark = w.start();
    String name;
    while ((name = w.field(mark)) != null) {
      JsonToken v = w.p.nextToken();
      if (name.equals("method")) {
        f.method = string(w.p, v);
      } else {
        w.skip(v);
      }
    }
  }

  private static void headers(Walk w, JsonToken value, List<String> out)
      throws IOException, NotHandled {
    if (value == JsonToken.VALUE_NULL) {
      return;
    }
    expect(value == JsonToken.START_OBJECT);
    int mark = w.start();
    String name;
    while ((name = w.field(mark)) != null) {
      JsonToken v = w.p.nextToken();
      if (v != JsonToken.VALUE_NULL) {
        expect(v == JsonToken.VALUE_STRING);
        out.add(name);
        out.add(w.p.getText());
      }
    }
  }

  private static void cookies(JsonParser p, JsonToken value, List<String> out)
      throws IOException, NotHandled {
    if (value == JsonToken.VALUE_NULL) {
      return;
    }
    expect(value == JsonToken.START_ARRAY);
    JsonToken v;
    while ((v = p.nextToken()) != JsonToken.END_ARRAY) {
      expect(v == JsonToken.VALUE_STRING);
      out.add(p.getText());
    }
  }

  /** A string, or null for JSON null; any other type is for the general path. */
  private static String string(JsonParser p, JsonToken value) throws IOException, NotHandled {
    if (value == JsonToken.VALUE_NULL) {
      return null;
    }
    expect(value == JsonToken.VALUE_STRING);
    return p.getText();
  }

  private static boolean flag(JsonToken value) throws NotHandled {
    expect(
        value == JsonToken.VALUE_TRUE
            || value == JsonToken.VALUE_FALSE
            || value == JsonToken.VALUE_NULL);
    return value == JsonToken.VALUE_TRUE;
  }

  private static void expect(boolean condition) throws NotHandled {
    if (!condition) {
      throw NOT_HANDLED;
    }
  }
}
