package dev.anyfn.processor;

import dev.anyfn.CookieParam;
import dev.anyfn.FormParam;
import dev.anyfn.HeaderParam;
import dev.anyfn.PathParam;
import dev.anyfn.QueryParam;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * Binds the parameters of every handler that is not {@code @Route}: an optional {@code Context} and
 * the one event, message body, batch, change or payload its trigger delivers.
 */
final class EventParameters {
  private final Reporter reporter;
  private final TypeNames names;

  EventParameters(Reporter reporter, TypeNames names) {
    this.reporter = reporter;
    this.names = names;
  }

  /** The bindings, or empty when a parameter cannot be bound (reported). */
  Optional<List<Parameter>> read(ExecutableElement method, TriggerKind kind) {
    List<Parameter> bindings = new ArrayList<>();
    List<String> events = new ArrayList<>();
    boolean ok = true;
    for (VariableElement p : method.getParameters()) {
      if (!checkNoRequestAnnotations(method, p)) {
        ok = false;
        continue;
      }
      TypeMirror type = p.asType();
      Optional<Parameter> binding =
          names.is(type, "dev.anyfn.Context")
              ? Optional.of(Parameter.of(Parameter.Source.CONTEXT))
              : event(kind, type);
      if (binding.isEmpty()) {
        reporter.error(
            p,
            kind.label()
                + " handler "
                + method.getSimpleName()
                + " takes "
                + names.display(type)
                + "; expected "
                + expected(kind)
                + ".");
        ok = false;
        continue;
      }
      Parameter.Source source = binding.get().source();
      if (kind == TriggerKind.QUEUE && source == Parameter.Source.EVENT_BODY) {
        warnIfList(method, p, type);
      }
      Optional<String> unreadable =
          source == Parameter.Source.EVENT_BODY
                  || source == Parameter.Source.BODY
                  || source == Parameter.Source.DATA_CHANGE
              ? JsonTypeRules.readProblem(type)
              : Optional.empty();
      if (unreadable.isPresent()) {
        reporter.error(
            p,
            kind.label()
                + " handler "
                + method.getSimpleName()
                + " takes "
                + names.display(type)
                + " from JSON, but "
                + unreadable.get());
        ok = false;
        continue;
      }
      if (source != Parameter.Source.CONTEXT) {
        events.add(p.getSimpleName().toString());
      }
      bindings.add(binding.get());
    }
    return ok && checkCount(method, kind, events, bindings)
        ? Optional.of(bindings)
        : Optional.empty();
  }

  /**
   * Whether a queue or topic handler takes the message and, beside it, its body bound to a type:
   * {@code (Order order, QueueMessage message)}, for the delivery attempt or attributes of the
   * message whose body it reads ({@code bindings} beside an optional Context).
   */
  private static boolean messageAndBody(TriggerKind kind, List<Parameter> bindings) {
    List<Parameter.Source> sources =
        bindings.stream()
            .map(Parameter::source)
            .filter(s -> s != Parameter.Source.CONTEXT)
            .toList();
    return (kind == TriggerKind.QUEUE || kind == TriggerKind.TOPIC)
        && sources.size() == 2
        && sources.contains(Parameter.Source.EVENT)
        && sources.contains(Parameter.Source.EVENT_BODY);
  }

  /**
   * A queue handler taking {@code List<Order>} looks like a batch handler, as in other frameworks,
   * but binds one message whose body is a JSON array: said, with the way to each.
   */
  private void warnIfList(ExecutableElement method, VariableElement p, TypeMirror type) {
    names
        .argumentOf(type, "java.util.List")
        .ifPresent(
            item ->
                reporter.warning(
                    p,
                    "Queue handler "
                        + method.getSimpleName()
                        + " takes List<"
                        + simpleName(item)
                        + ">"
                        + ": that binds ONE message whose body is a JSON array, not a batch of"
                        + " messages. For a batch, take List<QueueMessage> (read each body with"
                        + " bodyText() or your JSON library) and return BatchResult naming the"
                        + " failed ones; for one message, take "
                        + simpleName(item)
                        + "."));
  }

  private String simpleName(TypeMirror type) {
    return type instanceof javax.lang.model.type.DeclaredType d
        ? d.asElement().getSimpleName().toString()
        : names.display(type);
  }

  private Optional<Parameter> event(TriggerKind kind, TypeMirror type) {
    String erased = names.erasedName(type);
    return switch (kind) {
      case QUEUE -> {
        if (names.is(type, "dev.anyfn.QueueMessage")) {
          yield Optional.of(Parameter.typed(Parameter.Source.EVENT, erased, null));
        }
        Optional<TypeMirror> item = names.argumentOf(type, "java.util.List");
        if (item.filter(i -> names.is(i, "dev.anyfn.QueueMessage")).isPresent()) {
          yield Optional.of(Parameter.of(Parameter.Source.EVENT_BATCH));
        }
        yield eventBody(type);
      }
      case TOPIC ->
          names.is(type, "dev.anyfn.TopicMessage")
              ? Optional.of(Parameter.typed(Parameter.Source.EVENT, erased, null))
              : eventBody(type);
      case STORAGE -> neutralEvent(type, "dev.anyfn.StorageEvent");
      case SCHEDULE -> neutralEvent(type, "dev.anyfn.ScheduleEvent");
      case DATA_CHANGE ->
          names
              .argumentOf(type, "dev.anyfn.DataChange")
              .filter(BindableTypes::isJson)
              .map(
                  image ->
                      Parameter.typed(Parameter.Source.DATA_CHANGE, null, names.canonical(image)));
      case INVOKE ->
          BindableTypes.isJson(type)
              ? Optional.of(Parameter.typed(Parameter.Source.BODY, erased, names.canonical(type)))
              : Optional.empty();
      case HTTP -> throw new IllegalArgumentException("HTTP parameters are bound elsewhere");
    };
  }

  private Optional<Parameter> eventBody(TypeMirror type) {
    return BindableTypes.isJson(type)
        ? Optional.of(
            Parameter.typed(
                Parameter.Source.EVENT_BODY, names.erasedName(type), names.canonical(type)))
        : Optional.empty();
  }

  private Optional<Parameter> neutralEvent(TypeMirror type, String eventClass) {
    return names.is(type, eventClass)
        ? Optional.of(Parameter.typed(Parameter.Source.EVENT, eventClass, null))
        : Optional.empty();
  }

  private boolean checkNoRequestAnnotations(ExecutableElement method, VariableElement p) {
    for (Class<? extends Annotation> annotation :
        List.of(
            PathParam.class,
            QueryParam.class,
            FormParam.class,
            HeaderParam.class,
            CookieParam.class)) {
      if (p.getAnnotation(annotation) != null) {
        reporter.error(
            p,
            "@"
                + annotation.getSimpleName()
                + " on parameter "
                + p.getSimpleName()
                + " of "
                + method.getSimpleName()
                + ": only @Route handlers bind path, query, form, header and cookie values. Remove"
                + " the annotation.");
        return false;
      }
    }
    return true;
  }

  private boolean checkCount(
      ExecutableElement method, TriggerKind kind, List<String> events, List<Parameter> bindings) {
    String what =
        switch (kind) {
          case QUEUE, TOPIC -> "message";
          case DATA_CHANGE -> "change";
          case INVOKE -> "payload";
          default -> "event";
        };
    boolean required = kind != TriggerKind.SCHEDULE && kind != TriggerKind.INVOKE;
    if (events.isEmpty() && required) {
      reporter.error(
          method,
          kind.label()
              + " handler "
              + method.getSimpleName()
              + " takes no "
              + what
              + "; expected "
              + expected(kind)
              + ".");
      return false;
    }
    if (events.size() > 1 && !messageAndBody(kind, bindings)) {
      reporter.error(
          method,
          kind.label()
              + " handler "
              + method.getSimpleName()
              + " takes more than one "
              + what
              + " parameter: "
              + Prose.and(events)
              + "; expected one, plus an optional Context"
              + (kind == TriggerKind.QUEUE || kind == TriggerKind.TOPIC
                  ? " (or the "
                      + (kind == TriggerKind.QUEUE ? "QueueMessage" : "TopicMessage")
                      + " and its body bound to a type)"
                  : "")
              + ". Remove the others.");
      return false;
    }
    return true;
  }

  private static String expected(TriggerKind kind) {
    return switch (kind) {
      case QUEUE -> "QueueMessage, a type bound from the message body, or List<QueueMessage>";
      case TOPIC -> "TopicMessage or a type bound from the message body";
      case STORAGE -> "StorageEvent";
      case SCHEDULE -> "ScheduleEvent or no parameter";
      case DATA_CHANGE ->
          "DataChange<T> with T the record or POJO its images are bound to, for example"
              + " DataChange<Order>";
      case INVOKE ->
          "Context and one parameter bound from the JSON payload (a record, a POJO, String or"
              + " byte[])";
      case HTTP -> throw new IllegalArgumentException("HTTP parameters are bound elsewhere");
    };
  }
}
