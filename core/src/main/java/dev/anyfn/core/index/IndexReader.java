package dev.anyfn.core.index;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Reads one index document with jackson-core's streaming parser, so that reading the index at cold
 * start loads no jackson-databind class. Unknown properties are skipped (newer processors may add
 * some); missing ones take the Java default ({@code null}, {@code 0}, {@code false}), as the record
 * binding did before. Not thread-safe; one reader per document.
 */
final class IndexReader {
  private static final JsonFactory FACTORY =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private final IndexTokens t;
  private final String origin;

  private IndexReader(IndexTokens tokens, String origin) {
    this.t = tokens;
    this.origin = origin;
  }

  /**
   * Reads a whole document.
   *
   * @throws IndexFormatException when it is not valid JSON, not shaped like an index, or of another
   *     format version
   */
  static FunctionIndex read(InputStream in, String origin) {
    try (JsonParser parser = FACTORY.createParser(in)) {
      return new IndexReader(new IndexTokens(parser, origin), origin).document();
    } catch (JsonProcessingException e) {
      throw IndexTokens.unreadable(
          origin, e.getOriginalMessage() + " " + IndexTokens.where(e.getLocation()), e);
    } catch (IOException e) {
      throw IndexTokens.unreadable(origin, e.getMessage(), e);
    }
  }

  private FunctionIndex document() throws IOException {
    if (t.nextToken() == null) {
      throw t.malformed("the document is empty; expected a JSON object");
    }
    t.expect(JsonToken.START_OBJECT, "the index");
    Integer version = null;
    List<FunctionSpec> functions = null;
    while (t.nextField()) {
      switch (t.fieldName()) {
        case "formatVersion" -> {
          version = t.intValue("formatVersion");
          // Checked at once: a later format may change everything after this property.
          checkVersion(version);
        }
        case "functions" -> functions = t.list("functions", this::function);
        default -> t.skipValue();
      }
    }
    if (t.nextToken() != null) {
      throw t.malformed(
          "found "
              + IndexTokens.describe(t.currentToken())
              + " after the index object "
              + t.where()
              + "; expected the end of the document");
    }
    checkVersion(version == null ? 0 : version);
    return new FunctionIndex(version, t.required(functions, "functions", "the index"));
  }

  private void checkVersion(int version) {
    if (version != FunctionIndex.FORMAT_VERSION) {
      throw new IndexFormatException(
          "The function index at "
              + origin
              + " has format version "
              + version
              + "; this anyfn reads version "
              + FunctionIndex.FORMAT_VERSION
              + ". Use the same anyfn version for anyfn-processor and the runtime.",
          null);
    }
  }

  private FunctionSpec function() throws IOException {
    t.expect(JsonToken.START_OBJECT, "a function");
    String name = null;
    String className = null;
    int memoryMb = 0;
    int timeoutSeconds = 0;
    int maxInstances = 0;
    List<MethodRef> initMethods = null;
    List<MethodRef> shutdownMethods = null;
    List<HandlerSpec> handlers = null;
    CorsSpec cors = null;
    List<String> sendsTo = null;
    List<String> publishesTo = null;
    while (t.nextField()) {
      switch (t.fieldName()) {
        case "name" -> name = t.text("name");
        case "className" -> className = t.text("className");
        case "cors" -> cors = cors();
        case "sendsTo" -> sendsTo = t.list("sendsTo", () -> t.text("sendsTo"));
        case "publishesTo" -> publishesTo = t.list("publishesTo", () -> t.text("publishesTo"));
        case "memoryMb" -> memoryMb = t.intValue("memoryMb");
        case "timeoutSeconds" -> timeoutSeconds = t.intValue("timeoutSeconds");
        case "maxInstances" -> maxInstances = t.intValue("maxInstances");
        case "initMethods" -> initMethods = t.list("initMethods", this::methodRef);
        case "shutdownMethods" -> shutdownMethods = t.list("shutdownMethods", this::methodRef);
        case "handlers" -> handlers = t.list("handlers", this::handler);
        default -> t.skipValue();
      }
    }
    String what = "function '" + name + "'";
    return new FunctionSpec(
        t.required(name, "name", "a function"),
        t.required(className, "className", what),
        memoryMb,
        timeoutSeconds,
        maxInstances,
        initMethods,
        shutdownMethods,
        t.required(handlers, "handlers", what),
        cors,
        sendsTo,
        publishesTo);
  }

  private CorsSpec cors() throws IOException {
    if (t.nextToken() == JsonToken.VALUE_NULL) {
      return null; // a merged index written by data binding: no @Cors
    }
    t.expect(JsonToken.START_OBJECT, "'cors'");
    List<String> origins = null;
    List<String> allowHeaders = null;
    List<String> exposeHeaders = null;
    boolean allowCredentials = false;
    int maxAgeSeconds = 0;
    while (t.nextField()) {
      switch (t.fieldName()) {
        case "origins" -> origins = t.list("origins", () -> t.text("an origin"));
        case "allowHeaders" -> allowHeaders = t.list("allowHeaders", () -> t.text("a header"));
        case "exposeHeaders" -> exposeHeaders = t.list("exposeHeaders", () -> t.text("a header"));
        case "allowCredentials" -> allowCredentials = t.bool("allowCredentials");
        case "maxAgeSeconds" -> maxAgeSeconds = t.intValue("maxAgeSeconds");
        default -> t.skipValue();
      }
    }
    return new CorsSpec(
        t.required(origins, "origins", "cors settings"),
        allowHeaders,
        exposeHeaders,
        allowCredentials,
        maxAgeSeconds);
  }

  private MethodRef methodRef() throws IOException {
    t.expect(JsonToken.START_OBJECT, "a lifecycle method");
    String name = null;
    List<String> parameterTypes = null;
    while (t.nextField()) {
      switch (t.fieldName()) {
        case "name" -> name = t.text("name");
        case "parameterTypes" -> parameterTypes = t.list("parameterTypes", () -> t.text("a type"));
        default -> t.skipValue();
      }
    }
    return new MethodRef(t.required(name, "name", "a lifecycle method"), parameterTypes);
  }

  private HandlerSpec handler() throws IOException {
    t.expect(JsonToken.START_OBJECT, "a handler");
    String method = null;
    List<String> parameterTypes = null;
    String returnType = null;
    HandlerSpec.ReturnKind returnKind = null;
    TriggerSpec trigger = null;
    List<ParameterSpec> parameters = null;
    while (t.nextField()) {
      switch (t.fieldName()) {
        case "method" -> method = t.text("method");
        case "parameterTypes" -> parameterTypes = t.list("parameterTypes", () -> t.text("a type"));
        case "returnType" -> returnType = t.text("returnType");
        case "returnKind" ->
            returnKind = t.enumValue("returnKind", HandlerSpec.ReturnKind.class, "returnKind");
        case "trigger" -> trigger = t.nextToken() == JsonToken.VALUE_NULL ? null : trigger();
        case "parameters" -> parameters = t.list("parameters", this::parameter);
        default -> t.skipValue();
      }
    }
    String what = "handler '" + method + "'";
    return new HandlerSpec(
        t.required(method, "method", "a handler"),
        t.required(parameterTypes, "parameterTypes", what),
        returnType,
        returnKind,
        t.required(trigger, "trigger", what),
        t.required(parameters, "parameters", what));
  }

  private ParameterSpec parameter() throws IOException {
    t.expect(JsonToken.START_OBJECT, "a parameter");
    ParameterSpec.Source source = null;
    String name = null;
    String type = null;
    String genericType = null;
    boolean optional = false;
    boolean list = false;
    List<ParameterSpec> fields = null;
    while (t.nextField()) {
      switch (t.fieldName()) {
        case "source" -> source = t.enumValue("source", ParameterSpec.Source.class, "source");
        case "name" -> name = t.text("name");
        case "type" -> type = t.text("type");
        case "genericType" -> genericType = t.text("genericType");
        case "optional" -> optional = t.bool("optional");
        case "list" -> list = t.bool("list");
        case "fields" -> fields = t.list("fields", this::parameter);
        default -> t.skipValue();
      }
    }
    if (source == ParameterSpec.Source.RECORD) {
      t.required(type, "type", "a RECORD parameter");
      t.required(fields, "fields", "a RECORD parameter");
    }
    return new ParameterSpec(
        t.required(source, "source", "a parameter"),
        name,
        type,
        genericType,
        optional,
        list,
        fields);
  }

  /** The fields of every kind are collected first: {@code kind} need not come first. */
  private TriggerSpec trigger() throws IOException {
    t.expect(JsonToken.START_OBJECT, "a trigger");
    JsonLocation start = t.tokenLocation();
    TriggerSpec.Kind kind = null;
    String method = null;
    String path = null;
    String name = null;
    int batchSize = 0;
    String bucket = null;
    List<String> events = null;
    String cron = null;
    String rate = null;
    long rateSeconds = 0;
    String zone = null;
    String table = null;
    List<String> kinds = null;
    while (t.nextField()) {
      switch (t.fieldName()) {
        case "kind" -> kind = t.enumValue("kind", TriggerSpec.Kind.class, "trigger kind");
        case "method" -> method = t.text("method");
        case "path" -> path = t.text("path");
        case "name" -> name = t.text("name");
        case "batchSize" -> batchSize = t.intValue("batchSize");
        case "bucket" -> bucket = t.text("bucket");
        case "events" -> events = t.list("events", () -> t.text("an event"));
        case "cron" -> cron = t.text("cron");
        case "rate" -> rate = t.text("rate");
        case "rateSeconds" -> rateSeconds = t.longValue("rateSeconds");
        case "zone" -> zone = t.text("zone");
        case "table" -> table = t.text("table");
        case "kinds" -> kinds = t.list("kinds", () -> t.text("a change kind"));
        default -> t.skipValue();
      }
    }
    if (kind == null) {
      throw t.malformed(
          "a trigger has no 'kind' "
              + IndexTokens.where(start)
              + "; expected one of "
              + IndexTokens.names(TriggerSpec.Kind.values()));
    }
    return switch (kind) {
      case HTTP -> new TriggerSpec.Http(method, path);
      case QUEUE -> new TriggerSpec.Queue(name, batchSize);
      case TOPIC -> new TriggerSpec.Topic(name);
      case STORAGE ->
          new TriggerSpec.Storage(bucket, t.required(events, "events", "a STORAGE trigger"));
      case SCHEDULE -> new TriggerSpec.Schedule(cron, rate, rateSeconds, zone);
      case DATA_CHANGE ->
          new TriggerSpec.DataChange(table, t.required(kinds, "kinds", "a DATA_CHANGE trigger"));
      case INVOKE -> new TriggerSpec.Invoke();
    };
  }
}
