package dev.anyfn.local;

import dev.anyfn.Event;
import java.time.Instant;
import java.util.Map;
import java.util.function.IntFunction;

/** One accepted event and its delivery state. Guarded by the {@link EventHub}'s lock. */
final class Envelope {
  final String id;
  final byte[] body;
  final Map<String, String> attributes;
  final IntFunction<Event> event;

  /** When it was accepted, or redriven from the dead letters (emulator clock). */
  Instant firstReceived;

  int attempts;
  String firstError;
  String lastError;
  long visibleAtNanos;
  long inFlightSinceNanos;

  Envelope(
      String id,
      byte[] body,
      Map<String, String> attributes,
      IntFunction<Event> event,
      Instant firstReceived) {
    this.id = id;
    this.body = body;
    this.attributes = Map.copyOf(attributes);
    this.event = event;
    this.firstReceived = firstReceived;
  }

  void failed(String reason) {
    if (firstError == null) {
      firstError = reason;
    }
    lastError = reason;
  }
}
