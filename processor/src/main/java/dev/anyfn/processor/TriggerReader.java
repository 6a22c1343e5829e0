package dev.anyfn.processor;

import dev.anyfn.DataChange;
import dev.anyfn.OnDataChange;
import dev.anyfn.OnQueue;
import dev.anyfn.OnSchedule;
import dev.anyfn.OnStorage;
import dev.anyfn.OnTopic;
import dev.anyfn.Route;
import dev.anyfn.StorageEvent;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;

/** Reads and checks the values written in a trigger annotation. */
final class TriggerReader {
  private static final String TEMPLATE_GRAMMAR =
      "Expected '/' followed by literal segments or {name} parameters, with an optional greedy"
          + " {name+} last, for example '/users/{id}' or '/files/{path+}'.";

  private final Reporter reporter;
  private final Schedules schedules;

  TriggerReader(Reporter reporter) {
    this.reporter = reporter;
    this.schedules = new Schedules(reporter);
  }

  /** The trigger, or empty when a value is invalid (reported). */
  Optional<Trigger> read(ExecutableElement method, TriggerKind kind) {
    String m = method.getSimpleName().toString();
    return switch (kind) {
      case HTTP -> http(method, m, method.getAnnotation(Route.class));
      case QUEUE -> queue(method, m, method.getAnnotation(OnQueue.class));
      case TOPIC -> {
        String topic = method.getAnnotation(OnTopic.class).value();
        yield named(
                method,
                "@OnTopic on " + m + " has an empty topic name",
                "@OnTopic(\"orders\")",
                topic)
            ? Optional.of(new Trigger.Topic(topic))
            : Optional.empty();
      }
      case STORAGE -> storage(method, m, method.getAnnotation(OnStorage.class));
      case SCHEDULE -> schedules.read(method, method.getAnnotation(OnSchedule.class));
      case DATA_CHANGE -> dataChange(method, m, method.getAnnotation(OnDataChange.class));
      case INVOKE -> Optional.of(new Trigger.Invoke());
    };
  }

  private Optional<Trigger> http(ExecutableElement method, String m, Route route) {
    try {
      return Optional.of(new Trigger.Http(route.method(), RouteTemplates.parse(route.value())));
    } catch (SyntaxProblem problem) {
      reporter.error(
          method,
          "Invalid path template '"
              + route.value()
              + "' on "
              + m
              + ": "
              + problem.getMessage()
              + ". "
              + TEMPLATE_GRAMMAR);
      return Optional.empty();
    }
  }

  private Optional<Trigger> queue(ExecutableElement method, String m, OnQueue queue) {
    boolean ok =
        named(
            method,
            "@OnQueue on " + m + " has an empty queue name",
            "@OnQueue(\"orders\")",
            queue.value());
    if (queue.batchSize() < 1 || queue.batchSize() > 10) {
      reporter.error(
          method,
          "@OnQueue(\""
              + queue.value()
              + "\") on "
              + m
              + " has batchSize "
              + queue.batchSize()
              + "; expected 1-10. Use a value from 1 to 10 (10 is the default).");
      ok = false;
    }
    return ok ? Optional.of(new Trigger.Queue(queue.value(), queue.batchSize())) : Optional.empty();
  }

  private Optional<Trigger> storage(ExecutableElement method, String m, OnStorage storage) {
    boolean ok =
        named(
            method,
            "@OnStorage on " + m + " has an empty bucket name",
            "@OnStorage(bucket = \"uploads\")",
            storage.bucket());
    if (storage.events().length == 0) {
      reporter.error(
          method,
          "@OnStorage on "
              + m
              + " lists no events; expected CREATED, DELETED or both. Remove events = {} to use"
              + " the default, CREATED.");
      ok = false;
    }
    EnumSet<StorageEvent.Kind> events = EnumSet.noneOf(StorageEvent.Kind.class);
    events.addAll(List.of(storage.events()));
    List<String> eventNames = events.stream().map(Enum::name).toList();
    return ok ? Optional.of(new Trigger.Storage(storage.bucket(), eventNames)) : Optional.empty();
  }

  private Optional<Trigger> dataChange(ExecutableElement method, String m, OnDataChange change) {
    boolean ok =
        named(
            method,
            "@OnDataChange on " + m + " has an empty table name",
            "@OnDataChange(\"orders\")",
            change.value());
    if (change.kinds().length == 0) {
      reporter.error(
          method,
          "@OnDataChange on "
              + m
              + " lists no kinds; expected INSERT, MODIFY, REMOVE or several. Remove kinds = {} to"
              + " use the default, all three.");
      ok = false;
    }
    EnumSet<DataChange.Kind> kinds = EnumSet.noneOf(DataChange.Kind.class);
    kinds.addAll(List.of(change.kinds()));
    List<String> kindNames = kinds.stream().map(Enum::name).toList();
    return ok ? Optional.of(new Trigger.DataChange(change.value(), kindNames)) : Optional.empty();
  }

  private boolean named(ExecutableElement method, String problem, String example, String value) {
    if (value.isBlank()) {
      reporter.error(method, problem + ". Name it, for example " + example + ".");
      return false;
    }
    if (!value.strip().equals(value)) {
      reporter.error(
          method,
          "'"
              + value
              + "' on "
              + method.getSimpleName()
              + " begins or ends with whitespace, which no queue, topic, bucket or table name"
              + " has; write '"
              + value.strip()
              + "'.");
      return false;
    }
    return true;
  }
}
