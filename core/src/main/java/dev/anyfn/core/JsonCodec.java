package dev.anyfn.core;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;

/**
 * The one JSON codec of a runtime: Jackson without default typing, with the explicit limits of
 * {@link JsonLimits}, strict duplicate detection, trailing tokens rejected, nulls rejected for
 * primitives, and no lossy number coercion (a decimal for an integer, a number for an enum).
 * Immutable and thread-safe: only {@link ObjectReader}s and {@link ObjectWriter}s leave it.
 * Adapters use it to read provider events as trees.
 *
 * <p>The Jackson mapper is built on first use, once, under a lock (every caller sees the same fully
 * built mapper): a function that only answers text or bytes never loads jackson-databind. This
 * class must therefore not touch a databind type outside {@link Jackson}; the test {@code
 * TextPathWithoutDatabindTest} fails if it does.
 *
 * <p>Read methods throw {@link JsonBodyException} with a caller-safe message and error code.
 */
public final class JsonCodec {
  private final RuntimeSettings settings;

  /** The streaming factory of every caller's document, shared by databind and {@link #records}. */
  private final JsonFactory factory;

  private final RecordJson records;
  private volatile Jackson jackson;

  /** The mapper and its shared reader and writer, built together. */
  private static final class Jackson {
    final ObjectMapper mapper;
    final ObjectReader treeReader;
    final ObjectReader eventReader;
    final ObjectWriter writer;

    Jackson(RuntimeSettings settings, JsonFactory factory) {
      this.mapper = mapper(settings, factory);
      this.treeReader = mapper.reader();
      this.eventReader =
          JsonMapper.builder(JsonLimits.eventFactory(settings))
              .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
              .build()
              .reader();
      this.writer = mapper.writer();
    }

    private static ObjectMapper mapper(RuntimeSettings settings, JsonFactory factory) {
      return JsonMapper.builder(factory)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          // 1.5 for an int is refused, not truncated to 1; 0 for an enum is not its first constant
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
          // "red" for RED, as a query or path parameter takes it
          .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
          .configure(
              DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, settings.failOnUnknownProperties())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .disable(MapperFeature.CAN_OVERRIDE_ACCESS_MODIFIERS)
          // a value of the wrong JSON type is refused, not converted: "5" for an int, 5 or true
          // for a String
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .withCoercionConfig(
              LogicalType.Textual,
              c ->
                  c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                      .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                      .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
          // No default typing, and no class-name type ids even where a type asks for them.
          .polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder().build())
          .addModule(new Jdk8Module())
          .addModule(new JavaTimeModule())
          .addModule(
              new SimpleModule("anyfn-bounded-decimals")
                  .addDeserializer(BigDecimal.class, new BoundedDecimals()))
          .addModule(
              new SimpleModule("anyfn-null-elements").setDeserializerModifier(new NullElements()))
          .build();
    }
  }

  private JsonCodec(RuntimeSettings settings) {
    this.settings = settings;
    this.factory = JsonLimits.factory(settings);
    this.records = new RecordJson(factory, settings.failOnUnknownProperties());
  }

  /** A codec whose limits follow these settings. Cheap: the mapper is built on first use. */
  public static JsonCodec create(RuntimeSettings settings) {
    return new JsonCodec(settings);
  }

  private Jackson jackson() {
    Jackson j = jackson;
    if (j == null) {
      synchronized (this) {
        j = jackson;
        if (j == null) {
          j = new Jackson(settings, factory);
          jackson = j;
        }
      }
    }
    return j;
  }

  private ObjectMapper mapper() {
    return jackson().mapper;
  }

  /** Whether unknown properties in user bodies are rejected. */
  boolean failOnUnknown() {
    return settings.failOnUnknownProperties();
  }

  /** The type factory, for resolving index type names. */
  public TypeFactory typeFactory() {
    return mapper().getTypeFactory();
  }

  /** A reader for one type. */
  public ObjectReader readerFor(JavaType type) {
    return mapper().readerFor(type);
  }

  /**
   * A reader of what a caller sends a handler (an HTTP body, a message body, an invocation
   * payload): as {@link #readerFor}, and a record component that is not {@code Optional} is
   * required, as the OpenAPI document says, so that a missing or null one is refused naming it
   * rather than handed over as a null the handler trips over; so is a null element of a typed list,
   * set, array or map at any depth ({@link NullElements}). Data the runtime reads back (stored
   * results) and table images (rows may lack attributes) keep the lenient reader.
   */
  ObjectReader inputReaderFor(JavaType type) {
    return mapper()
        .readerFor(type)
        .with(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
        .withAttribute(NullElements.REFUSE, Boolean.TRUE);
  }

  /**
   * Reads a value of {@code type}.
   *
   * @throws JsonBodyException with a caller-safe message when the bytes are not valid JSON for it
   */
  public <T> T read(byte[] json, JavaType type) {
    try {
      return mapper().readerFor(type).readValue(json);
    } catch (IOException e) {
      throw JsonErrors.translate(e, type);
    }
  }

  /** Reads a value of {@code type} from a stream. */
  public <T> T read(InputStream json, JavaType type) {
    try {
      return mapper().readerFor(type).readValue(json);
    } catch (IOException e) {
      throw JsonErrors.translate(e, type);
    }
  }

  /** Reads a value with a reader made once by {@link #readerFor(JavaType)}. */
  <T> T read(ObjectReader reader, InputStream json) {
    try {
      return reader.readValue(json);
    } catch (IOException e) {
      throw JsonErrors.translate(e, reader.getValueType());
    }
  }

  /**
   * What a caller sent, when it is a plain record ({@link RecordJson}) in the plain case, read
   * without databind; otherwise {@link RecordJson#MISS}, and the caller reads it with its {@link
   * #inputReaderFor} reader, which decides the value or the error.
   */
  Object readPlainInput(byte[] json, Class<?> type) {
    return records.read(json, type);
  }

  /** Reads a value with a reader made once by {@link #readerFor(JavaType)}. */
  <T> T read(ObjectReader reader, byte[] json) {
    try {
      return reader.readValue(json);
    } catch (IOException e) {
      throw JsonErrors.translate(e, reader.getValueType());
    }
  }

  /** Reads a value of a class. */
  public <T> T read(byte[] json, Class<T> type) {
    return read(json, mapper().constructType(type));
  }

  /** Converts a tree to a value. */
  public <T> T convert(JsonNode node, JavaType type) {
    try {
      return mapper().readerFor(type).readValue(mapper().treeAsTokens(node));
    } catch (IOException e) {
      throw JsonErrors.translate(e, type);
    }
  }

  /**
   * Reads a tree (for provider events).
   *
   * @throws JsonBodyException when the bytes are not valid JSON
   */
  public JsonNode readTree(byte[] json) {
    try {
      JsonNode node = jackson().treeReader.readTree(json);
      if (node == null || node.isMissingNode()) {
        throw new JsonBodyException("body_required", "The body is empty; expected JSON.", null);
      }
      return node;
    } catch (IOException e) {
      throw JsonErrors.translate(e, null);
    }
  }

  /**
   * Reads a provider's event envelope as a tree, within {@link JsonLimits#eventFactory}'s limits
   * rather than a caller's body's.
   *
   * @throws JsonBodyException when it is not JSON or breaks those limits
   */
  public JsonNode readEvent(byte[] json) {
    try {
      JsonNode node = jackson().eventReader.readTree(json);
      if (node == null || node.isMissingNode()) {
        throw new JsonBodyException("body_required", "The event is empty; expected JSON.", null);
      }
      return node;
    } catch (IOException e) {
      throw JsonErrors.translate(e, null);
    }
  }

  /** Reads a tree from a stream. */
  public JsonNode readTree(InputStream json) {
    try {
      JsonNode node = jackson().treeReader.readTree(json);
      if (node == null || node.isMissingNode()) {
        throw new JsonBodyException("body_required", "The body is empty; expected JSON.", null);
      }
      return node;
    } catch (IOException e) {
      throw JsonErrors.translate(e, null);
    }
  }

  /** A new empty object node. */
  public com.fasterxml.jackson.databind.node.ObjectNode objectNode() {
    return mapper().createObjectNode();
  }

  /** A new empty array node. */
  public com.fasterxml.jackson.databind.node.ArrayNode arrayNode() {
    return mapper().createArrayNode();
  }

  /** Converts a value to a tree. */
  public JsonNode toTree(Object value) {
    return mapper().valueToTree(value);
  }

  /**
   * Serialises a value.
   *
   * @throws IllegalStateException when the value cannot be serialised (a handler bug)
   */
  public byte[] write(Object value) {
    try {
      byte[] plain = records.write(value);
      if (plain != null) {
        return plain;
      }
    } catch (IOException e) {
      // an accessor threw or the output broke a limit: databind writes it again and reports it
    }
    return writeWithDatabind(value);
  }

  /** {@link #write} without the plain-record path: what {@link RecordJson} must match. */
  byte[] writeWithDatabind(Object value) {
    try {
      return jackson().writer.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "Cannot serialise "
              + (value == null ? "null" : value.getClass().getName())
              + " as JSON: "
              + e.getOriginalMessage(),
          e);
    }
  }
}
