package dev.anyfn.core;

import dev.anyfn.HttpException;
import dev.anyfn.HttpRequest;
import dev.anyfn.QueueMessage;
import dev.anyfn.TopicMessage;
import dev.anyfn.Upload;
import dev.anyfn.core.index.ParameterSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Builds, once per handler, the function that produces each argument of a call. */
final class Binders {
  private Binders() {}

  /** Produces one argument. */
  @FunctionalInterface
  interface Binder {
    Object bind(Invocation inv);
  }

  static Binder create(ParameterSpec p, Class<?> declared, Types types, JsonCodec json) {
    return switch (p.source()) {
      case REQUEST -> inv -> inv.request;
      case CONTEXT -> inv -> inv.context;
      case PATH ->
          text(
              p,
              types,
              "Path parameter '" + p.name() + "'",
              p.list() ? PathSegmentsSource.INSTANCE : PathSource.INSTANCE);
      case QUERY -> formLike(p, types, "Query parameter '" + p.name() + "'", QuerySource.INSTANCE);
      case FORM -> form(p, types);
      case RECORD -> RecordBinder.create(p, types);
      case HEADER -> text(p, types, "Header '" + p.name() + "'", HeaderSource.INSTANCE);
      case COOKIE -> text(p, types, "Cookie '" + p.name() + "'", CookieSource.INSTANCE);
      case BODY -> body(p, declared, types, json);
      case EVENT -> inv -> inv.event;
      case EVENT_BODY -> eventBody(p, types, json);
      case EVENT_BATCH -> inv -> inv.batch;
      case DATA_CHANGE -> JsonBinders.dataChange(p, types, json);
    };
  }

  /** Reads all raw values of a named parameter: text, or the files of a multipart form. */
  private interface ValueSource<T> {
    List<T> values(HttpRequest request, String name);
  }

  /** Reads all raw values of a named text parameter. */
  private interface TextSource extends ValueSource<String> {}

  /**
   * The files of a multipart form body; 415 for a body of another type, 400 for a malformed one.
   */
  private enum UploadSource implements ValueSource<Upload> {
    INSTANCE;

    @Override
    public List<Upload> values(HttpRequest r, String name) {
      return r.uploads().getOrDefault(name, List.of());
    }
  }

  /**
   * The files of a required file field: a form-encoded body can hold none (the form lacks {@code
   * enctype="multipart/form-data"}), which is a 415 saying so rather than a 400 for a missing file.
   */
  private static List<Upload> requiredFiles(HttpRequest r, String name, String what) {
    List<Upload> files = UploadSource.INSTANCE.values(r, name);
    Optional<String> type = r.contentType();
    if (files.isEmpty() && type.isPresent() && type.get().equals(FORM_ENCODED)) {
      throw new HttpException(
          415,
          what
              + " needs a multipart/form-data body (an HTML form with"
              + " enctype=\"multipart/form-data\"); found "
              + FORM_ENCODED
              + ".");
    }
    return files;
  }

  private static final String FORM_ENCODED = "application/x-www-form-urlencoded";

  private enum PathSource implements TextSource {
    INSTANCE;

    @Override
    public List<String> values(HttpRequest r, String name) {
      return r.pathParam(name).map(List::of).orElse(List.of());
    }
  }

  /**
   * A greedy path parameter bound to a {@code List}: its segments, each one value. The value joins
   * them with '/', which no segment holds (a request whose segment encodes a slash is refused when
   * built), so splitting it gives them back.
   */
  private enum PathSegmentsSource implements TextSource {
    INSTANCE;

    @Override
    public List<String> values(HttpRequest r, String name) {
      return r.pathParam(name).map(v -> List.of(v.split("/"))).orElse(List.of());
    }
  }

  private enum QuerySource implements TextSource {
    INSTANCE;

    @Override
    public List<String> values(HttpRequest r, String name) {
      return r.query().getOrDefault(name, List.of());
    }
  }

  /** The body's form fields; 415 for a body of another type, 400 for a malformed one. */
  private enum FormSource implements TextSource {
    INSTANCE;

    @Override
    public List<String> values(HttpRequest r, String name) {
      return r.form().getOrDefault(name, List.of());
    }
  }

  private enum HeaderSource implements TextSource {
    INSTANCE;

    @Override
    public List<String> values(HttpRequest r, String name) {
      return r.headers().all(name);
    }
  }

  /** The first cookie of a name, as {@link HttpRequest#cookies()} reads the Cookie headers. */
  private enum CookieSource implements TextSource {
    INSTANCE;

    @Override
    public List<String> values(HttpRequest r, String name) {
      String value = r.cookies().get(name);
      return value == null ? List.of() : List.of(value);
    }
  }

  private static Binder text(ParameterSpec p, Types types, String what, TextSource source) {
    return text(p, what, Scalars.converter(types.load(p.type()), what), source);
  }

  /** One component of a {@code RECORD}: a form field or a query parameter, bound as one. */
  static Binder component(ParameterSpec p, Types types) {
    if (p.source() != ParameterSpec.Source.FORM && p.source() != ParameterSpec.Source.QUERY) {
      throw new ConfigurationException(
          "A record component bound from "
              + p.source()
              + " in the function index; expected FORM or QUERY. Rebuild the project (mvn"
              + " package).");
    }
    return create(p, null, types, null); // neither source needs the declared class or JSON
  }

  private static Binder form(ParameterSpec p, Types types) {
    if (p.type().equals(Upload.class.getName())) {
      String what = "File '" + p.name() + "'";
      ValueSource<Upload> files =
          p.optional() || p.list()
              ? UploadSource.INSTANCE
              : (r, name) -> requiredFiles(r, name, what);
      return text(p, what + " (a part of a multipart/form-data body)", upload -> upload, files);
    }
    return formLike(p, types, "Form field '" + p.name() + "'", FormSource.INSTANCE);
  }

  /**
   * A query parameter or form field, as an HTML form sends them: a checked checkbox is {@code on},
   * and an input left empty sends an empty value, which for any type but {@code String} is no value
   * (an {@code Optional} is empty, a list skips it, a required one is missing).
   */
  private static Binder formLike(ParameterSpec p, Types types, String what, TextSource source) {
    Class<?> type = types.load(p.type());
    Function<String, Object> convert = Scalars.formConverter(type, what);
    if (type == String.class) {
      return text(p, what, convert, source);
    }
    return text(p, what, convert, new NonEmpty(source));
  }

  /** The values of a source without its empty ones. */
  private record NonEmpty(TextSource source) implements TextSource {
    @Override
    public List<String> values(HttpRequest r, String name) {
      List<String> values = source.values(r, name);
      for (String v : values) {
        if (v.isEmpty()) {
          return values.stream().filter(x -> !x.isEmpty()).toList();
        }
      }
      return values;
    }
  }

  private static <T> Binder text(
      ParameterSpec p, String what, Function<T, Object> convert, ValueSource<T> source) {
    String name = p.name();
    if (p.list()) {
      return inv -> {
        List<Object> out = new ArrayList<>();
        for (T v : source.values(inv.request, name)) {
          out.add(convert.apply(v));
        }
        return List.copyOf(out);
      };
    }
    boolean optional = p.optional();
    return inv -> {
      List<T> values = source.values(inv.request, name);
      if (values.isEmpty()) {
        if (optional) {
          return Optional.empty();
        }
        throw HttpException.badRequest(what + " is required.");
      }
      Object value = convert.apply(values.get(0));
      return optional ? Optional.of(value) : value;
    };
  }

  /** Raw text and bytes here; JSON through {@link JsonBinders}, which loads databind lazily. */
  private static Binder body(ParameterSpec p, Class<?> declared, Types types, JsonCodec json) {
    if (declared == byte[].class) {
      return inv -> inv.request != null ? inv.request.body() : inv.payload.clone();
    }
    if (declared == String.class) {
      return inv ->
          inv.request != null
              ? inv.request.bodyText()
              : new String(inv.payload, StandardCharsets.UTF_8);
    }
    return JsonBinders.body(p, types, json);
  }

  static boolean isJson(String mediaType) {
    return mediaType.equals("application/json")
        || (mediaType.startsWith("application/") && mediaType.endsWith("+json"));
  }

  private static Binder eventBody(ParameterSpec p, Types types, JsonCodec json) {
    if (byte[].class.getName().equals(p.type())) {
      return inv ->
          inv.event instanceof QueueMessage q ? q.body() : ((TopicMessage) inv.event).body();
    }
    if (String.class.getName().equals(p.type())) {
      return inv ->
          inv.event instanceof QueueMessage q
              ? q.bodyText()
              : ((TopicMessage) inv.event).bodyText();
    }
    return JsonBinders.eventBody(p, types, json);
  }
}
