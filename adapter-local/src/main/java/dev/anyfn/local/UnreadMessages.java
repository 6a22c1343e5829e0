package dev.anyfn.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What functions sent ({@code @SendsTo}) to queues, or published to topics, that no function of the
 * project reads: on a cloud a reader outside the project would take them, so the emulator keeps
 * them, by name and oldest first, for tests to check. Thread-safe.
 *
 * @param <M> the kind of message kept
 */
final class UnreadMessages<M> {
  private final String kind;
  private final String sent;
  private final String reading;
  private final String reads;
  private final Map<String, List<M>> kept = new LinkedHashMap<>();

  /**
   * @param kind {@code queue} or {@code topic}, for messages
   * @param sent what a sender does to it ({@code sends to})
   * @param reading what a reader is doing ({@code reading})
   * @param reads what a reader does ({@code reads})
   * @param names the queues or topics some function sends to and none reads
   */
  UnreadMessages(String kind, String sent, String reading, String reads, List<String> names) {
    this.kind = kind;
    this.sent = sent;
    this.reading = reading;
    this.reads = reads;
    names.forEach(name -> kept.putIfAbsent(name, new ArrayList<>()));
  }

  /** Keeps {@code message} when {@code name} is one of these; says whether it did. */
  synchronized boolean keep(String name, M message) {
    List<M> messages = kept.get(name);
    if (messages == null) {
      return false;
    }
    messages.add(message);
    return true;
  }

  /**
   * The messages kept for {@code name}, oldest first.
   *
   * @param hasReaders whether a function reads a queue or topic, to say where its messages went
   * @throws IllegalArgumentException when {@code name} is not one of these
   */
  synchronized List<M> of(String name, Predicate<String> hasReaders) {
    List<M> messages = kept.get(name);
    if (messages == null) {
      throw new IllegalArgumentException(
          "No function "
              + sent
              + " "
              + kind
              + " '"
              + name
              + "' without a function "
              + reading
              + " it; such "
              + kind
              + "s are "
              + kept.keySet()
              + (hasReaders.test(name)
                  ? ". A function " + reads + " '" + name + "': its messages are delivered to it."
                  : ". Check the name in @SendsTo."));
    }
    return List.copyOf(messages);
  }

  /** The queues or topics these are, each once, in the order first given. */
  synchronized List<String> names() {
    return List.copyOf(kept.keySet());
  }

  /** Drops every message kept. */
  synchronized void clear() {
    kept.values().forEach(List::clear);
  }
}
