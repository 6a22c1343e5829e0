package dev.anyfn.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

/**
 * The JSON of the caller's side of the emulator: what a test sends ({@link EventApi#send(String,
 * Object)}, {@code anyfn-junit}'s client) and reads back. It writes values as the functions' codec
 * does ({@code java.time} values as ISO-8601 strings, an empty {@code Optional} as {@code null})
 * and reads as strictly (duplicate fields, trailing data and a null for a primitive refused),
 * ignoring unknown fields so that a test may read the part of an answer it checks. Unlike the
 * functions' codec it reaches the non-public records tests declare (a record nested in a
 * package-private test class). No default typing. Thread-safe.
 */
public final class CallerJson {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .addModule(new Jdk8Module())
          .addModule(new JavaTimeModule())
          .build();

  private CallerJson() {}

  /**
   * What a caller sends for {@code value}: a {@code String} as it is (JSON or any text), anything
   * else written as JSON, as {@code Context.send} treats a message.
   *
   * @throws IllegalArgumentException when Jackson cannot write it, saying why
   */
  public static String text(Object value) {
    return value instanceof String s ? s : write(value);
  }

  /**
   * {@code value} as JSON text.
   *
   * @throws IllegalArgumentException when Jackson cannot write it, saying why
   */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "Cannot write " + value.getClass().getName() + " as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * {@code json} read into {@code type}.
   *
   * @throws IOException when it is not JSON of that type, with Jackson's reason
   */
  public static <T> T read(byte[] json, Class<T> type) throws IOException {
    return MAPPER.readValue(json, type);
  }
}
