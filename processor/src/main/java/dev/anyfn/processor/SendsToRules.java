package dev.anyfn.processor;

import dev.anyfn.SendsTo;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.TypeElement;

/**
 * Reads and checks a function's {@link SendsTo}: at least one queue or topic, each named (without
 * blanks at either end), none twice. Each cloud's naming rules are checked when packaging for it,
 * as for {@code @OnQueue} and {@code @OnTopic}.
 */
final class SendsToRules {
  /** The queues and topics, in declared order. */
  record Destinations(List<String> queues, List<String> topics) {
    static final Destinations NONE = new Destinations(List.of(), List.of());
  }

  private final Reporter reporter;

  SendsToRules(Reporter reporter) {
    this.reporter = reporter;
  }

  /** What the function sends to; none without {@link SendsTo} or when it is wrong. */
  Destinations read(TypeElement type, String className) {
    SendsTo sends = type.getAnnotation(SendsTo.class);
    if (sends == null) {
      return Destinations.NONE;
    }
    String where = "@SendsTo on " + className;
    if (sends.queues().length == 0 && sends.topics().length == 0) {
      reporter.error(
          type,
          where
              + " names no queue or topic; expected e.g. @SendsTo(queues = \"orders\") or"
              + " @SendsTo(topics = \"order-events\"), or remove it.");
      return Destinations.NONE;
    }
    Optional<List<String>> queues =
        names(type, where, "queue", "queues = \"orders\"", sends.queues());
    Optional<List<String>> topics =
        names(type, where, "topic", "topics = \"order-events\"", sends.topics());
    if (queues.isEmpty() || topics.isEmpty()) {
      return Destinations.NONE;
    }
    return new Destinations(queues.get(), topics.get());
  }

  /** The names, or empty when one is wrong (reported). */
  private Optional<List<String>> names(
      TypeElement type, String where, String kind, String example, String[] names) {
    boolean ok = true;
    Set<String> seen = new LinkedHashSet<>();
    List<String> twice = new ArrayList<>();
    for (String name : names) {
      if (name.isBlank()) {
        ok = false;
        reporter.error(
            type,
            where + " has an empty " + kind + " name; expected e.g. @SendsTo(" + example + ").");
      } else if (!name.equals(name.strip())) {
        ok = false;
        reporter.error(
            type,
            where
                + " names "
                + kind
                + " '"
                + name
                + "', with blanks at an end; write '"
                + name.strip()
                + "'.");
      } else if (!seen.add(name)) {
        twice.add(name);
      }
    }
    if (!twice.isEmpty()) {
      ok = false;
      reporter.error(
          type,
          where
              + " names "
              + kind
              + " "
              + Prose.and(twice.stream().map(q -> "'" + q + "'").distinct().toList())
              + " more than once; name each "
              + kind
              + " once.");
    }
    return ok ? Optional.of(List.copyOf(seen)) : Optional.empty();
  }
}
