package dev.anyfn.processor;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** Decides how a handler's result becomes a response, and whether its trigger allows that. */
final class ReturnKinds {
  private final Reporter reporter;
  private final TypeNames names;

  ReturnKinds(Reporter reporter, TypeNames names) {
    this.reporter = reporter;
    this.names = names;
  }

  /**
   * The return kind, or empty when the trigger does not allow it (reported).
   *
   * @param batch whether the handler takes {@code List<QueueMessage>}
   */
  Optional<ReturnKind> read(ExecutableElement method, TriggerKind kind, boolean batch) {
    TypeMirror type = method.getReturnType();
    ReturnKind found = classify(type);
    String handler = kind.label() + " handler " + method.getSimpleName();
    String shown = names.display(type);
    if (found != null && allowed(kind, batch).contains(found)) {
      Optional<String> unwritable =
          found == ReturnKind.JSON ? JsonTypeRules.writeProblem(type) : Optional.empty();
      if (unwritable.isEmpty()) {
        return Optional.of(found);
      }
      reporter.error(method, handler + " returns " + shown + " as JSON, but " + unwritable.get());
      return Optional.empty();
    }
    if (kind == TriggerKind.QUEUE && batch) {
      reporter.error(
          method,
          handler
              + " takes List<QueueMessage> but returns "
              + shown
              + "; expected BatchResult naming the failed messages. Return BatchResult.success()"
              + " when every message succeeded.");
    } else if (kind == TriggerKind.QUEUE && found == ReturnKind.BATCH_RESULT) {
      reporter.error(
          method,
          handler
              + " returns BatchResult but takes one message; expected void. Take"
              + " List<QueueMessage> to report failures per message.");
    } else {
      reporter.error(method, handler + " returns " + shown + "; expected " + expected(kind) + ".");
    }
    return Optional.empty();
  }

  private ReturnKind classify(TypeMirror type) {
    if (type.getKind() == TypeKind.VOID) {
      return ReturnKind.VOID;
    } else if (names.is(type, "dev.anyfn.HttpResponse")) {
      return ReturnKind.RESPONSE;
    } else if (names.is(type, "dev.anyfn.BatchResult")) {
      return ReturnKind.BATCH_RESULT;
    } else if (names.is(type, "java.lang.String")) {
      return ReturnKind.TEXT;
    } else if (names.erasedName(type).equals("[B")) {
      return ReturnKind.BYTES;
    } else if (BindableTypes.isJson(type)) {
      return ReturnKind.JSON;
    }
    return null;
  }

  private static Set<ReturnKind> allowed(TriggerKind kind, boolean batch) {
    return switch (kind) {
      case HTTP ->
          EnumSet.of(
              ReturnKind.RESPONSE,
              ReturnKind.JSON,
              ReturnKind.TEXT,
              ReturnKind.BYTES,
              ReturnKind.VOID);
      case QUEUE -> EnumSet.of(batch ? ReturnKind.BATCH_RESULT : ReturnKind.VOID);
      case INVOKE -> EnumSet.of(ReturnKind.JSON, ReturnKind.TEXT, ReturnKind.VOID);
      default -> EnumSet.of(ReturnKind.VOID);
    };
  }

  private static String expected(TriggerKind kind) {
    return switch (kind) {
      case HTTP -> "HttpResponse, a record or POJO (sent as JSON), String, byte[] or void";
      case QUEUE -> "void, or BatchResult when it takes List<QueueMessage>";
      case INVOKE -> "a record or POJO (sent as JSON), String or void";
      default -> "void";
    };
  }
}
