package dev.anyfn.aws;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The time formats of AWS events; a value that does not parse gives {@code null}. */
final class Timestamps {
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
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Epoch seconds, possibly fractional (Kinesis, DynamoDB). */
  static Instant epochSeconds(String text) {
    try {
      if (text == null) {
        return null;
      }
      BigDecimal s = new BigDecimal(text);
      return Instant.ofEpochSecond(
          s.longValue(), s.remainder(BigDecimal.ONE).movePointRight(9).longValue());
    } catch (NumberFormatException | ArithmeticException e) {
      return null;
    }
  }
}
