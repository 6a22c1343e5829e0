package dev.anyfn.core;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Reads {@code BigDecimal}s as databind does, refusing an exponent beyond {@link #MAX_SCALE}. The
 * parser's limit on a number's length leaves its exponent free: {@code 1e999999999} is 11
 * characters, and a handler calling {@code toPlainString()} or {@code toBigInteger()} on it would
 * build a billion digits. Jackson bounds its own conversion to {@code BigInteger} at the same
 * magnitude.
 */
final class BoundedDecimals extends NumberDeserializers.BigDecimalDeserializer {
  private static final long serialVersionUID = 1L;

  /** The largest scale magnitude taken: 100,000 digits at most before or after the point. */
  static final int MAX_SCALE = 100_000;

  @Override
  public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    BigDecimal value = super.deserialize(p, ctxt);
    if (value != null && Math.abs((long) value.scale()) > MAX_SCALE) {
      // reported as a number out of range for its type, with the field's path
      throw new InputCoercionException(
          p,
          "Decimal exponent beyond " + MAX_SCALE + " either way",
          JsonToken.VALUE_NUMBER_FLOAT,
          BigDecimal.class);
    }
    return value;
  }
}
