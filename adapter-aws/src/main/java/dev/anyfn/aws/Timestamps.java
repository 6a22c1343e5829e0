package dev.anyfn.aws;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The time formats of AWS events; a value that does not parse gives {@code null}. */
final class Timestamps {
  /** Longer than any epoch time with nanoseconds written out. */
  private static final int MAX_NUMBER_CHARS = 64;

  /** Digits after the point (or zeros implied before it) that a timestamp can have. */
  private static final int MAX_SCALE = 64;

  private Timestamps() {}

  static Instant iso(String text) {
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static Instant epochMillis(String text) {
    try {
      return text == null ? null : Instant.ofEpochMilli(Long.parseLong(text));
    } catch (NumberFormatException | DateTimeException e) {
      return null;
    }
  }

  /**
   * Epoch seconds, possibly fractional (Kinesis, DynamoDB). A value with an exponent beyond {@value
   * #MAX_SCALE} either way ({@code 1e99999999}) is no time and gives null at once: reducing it to
   * whole seconds would compute a power of ten with that many digits.
   */
  static Instant epochSeconds(String text) {
    if (text == null || text.length() > MAX_NUMBER_CHARS) {
      return null;
    }
    try {
      BigDecimal s = new BigDecimal(text);
      if (s.scale() > MAX_SCALE || s.scale() < -MAX_SCALE) {
        return null;
      }
      long seconds = s.toBigInteger().longValueExact();
      long nanos = s.subtract(BigDecimal.valueOf(seconds)).movePointRight(9).longValue();
      return Instant.ofEpochSecond(seconds, nanos);
    } catch (NumberFormatException | ArithmeticException | DateTimeException e) {
      return null;
    }
  }
}
