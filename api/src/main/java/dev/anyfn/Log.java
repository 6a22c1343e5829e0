package dev.anyfn;

/**
 * A structured logger: each call writes one JSON line carrying the level, the message, the request
 * id, the function name and the given key/value pairs. Thread-safe.
 *
 * <p>Key/value pairs are given flat: {@code log.info("order stored", "orderId", id, "items", 3)};
 * an odd last argument, without its value, is not written (it might be a value meant for a key).
 * Values of keys whose words name a secret ({@code authorization}, {@code password}, {@code token},
 * {@code secret}, {@code cookie}, {@code credential}, or a {@code key} after {@code api}, {@code
 * private}, {@code access}, ...: {@code apiKey}, {@code x-api-key}, {@code userPassword}) are
 * written as {@code "[redacted]"}; {@code key}, {@code objectKey} or {@code keyword} are not.
 */
public interface Log {
  /** Writes an informational line. */
  void info(String message, Object... keyValues);

  /** Writes a warning line. */
  void warn(String message, Object... keyValues);

  /** Writes an error line with the exception's type, message and stack trace. */
  void error(String message, Throwable error, Object... keyValues);
}
