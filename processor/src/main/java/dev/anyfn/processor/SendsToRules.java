package dev.anyfn.processor;

import dev.anyfn.SendsTo;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.TypeElement;

/**
 * Reads and checks a function's {@link SendsTo}: at least one queue, each named (without blanks at
 * either end), none twice. Each cloud's naming rules are checked when packaging for it, as for
 * {@code @OnQueue}.
 */
final class SendsToRules {
  private final Reporter reporter;

  SendsToRules(Reporter reporter) {
    this.reporter = reporter;
  }

  /** The queues, in declared order; empty without {@link SendsTo} or when it is wrong. */
  List<String> read(TypeElement type, String className) {
    SendsTo sends = type.getAnnotation(SendsTo.class);
    if (sends == null) {
      return List.of();
    }
    String where = "@SendsTo on " + className;
    if (sends.queues().length == 0) {
      reporter.error(
          type,
          where + " names no queue; expected e.g. @SendsTo(queues = \"orders\"), or remove it.");
      return List.of();
    }
    boolean ok = true;
    Set<String> seen = new LinkedHashSet<>();
    List<String> twice = new ArrayList<>();
    for (String queue : sends.queues()) {
      if (queue.isBlank()) {
        ok = false;
        reporter.error(
            type, where + " has an empty queue name; expected e.g. @SendsTo(queues = \"orders\").");
      } else if (!queue.equals(queue.strip())) {
        ok = false;
        reporter.error(
            type,
            where
                + " names queue '"
                + queue
                + "', with blanks at an end; write '"
                + queue.strip()
                + "'.");
      } else if (!seen.add(queue)) {
        twice.add(queue);
      }
    }
    if (!twice.isEmpty()) {
      ok = false;
      reporter.error(
          type,
          where
              + " names "
              + Prose.and(twice.stream().map(q -> "'" + q + "'").distinct().toList())
              + " more than once; name each queue once.");
    }
    return ok ? List.copyOf(seen) : List.of();
  }
}
