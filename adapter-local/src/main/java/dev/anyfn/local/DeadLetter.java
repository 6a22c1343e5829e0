package dev.anyfn.local;

import java.time.Instant;
import java.util.Map;

/**
 * An event that could not be delivered, as kept by the emulator's dead-letter store. Immutable.
 *
 * @param queue the delivery queue it was taken from (a queue name, or {@code topic/<topic>/<fn>},
 *     {@code storage/<bucket>/<fn>}, {@code table/<table>/<fn>}, {@code schedule/<fn>})
 * @param id the event id
 * @param body the original body (for storage, table and schedule events a JSON description)
 * @param attributes the original attributes
 * @param attempts delivery attempts made
 * @param reason {@code max_attempts}, {@code permanent_failure}, {@code unbindable} or {@code
 *     expired}
 * @param firstError the first failure's one-line reason
 * @param lastError the last failure's one-line reason
 * @param firstReceived when the event was accepted (emulator clock)
 * @param deadLetteredAt when it was dead-lettered (emulator clock)
 */
public record DeadLetter(
    String queue,
    String id,
    byte[] body,
    Map<String, String> attributes,
    int attempts,
    String reason,
    String firstError,
    String lastError,
    Instant firstReceived,
    Instant deadLetteredAt) {
  /** Copies the body and the attributes. */
  public DeadLetter {
    body = body.clone();
    attributes = Map.copyOf(attributes);
  }

  /** The body (a copy). */
  @Override
  public byte[] body() {
    return body.clone();
  }

  /** The body as UTF-8 text. */
  public String bodyText() {
    return new String(body, java.nio.charset.StandardCharsets.UTF_8);
  }
}
