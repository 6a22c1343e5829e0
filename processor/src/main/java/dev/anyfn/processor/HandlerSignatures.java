package dev.anyfn.processor;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;

/** Checks a handler method's modifiers, parameters and return type against its trigger. */
final class HandlerSignatures {
  private final Reporter reporter;
  private final TypeNames names;
  private final HttpParameters httpParameters;
  private final EventParameters eventParameters;
  private final ReturnKinds returnKinds;

  HandlerSignatures(Reporter reporter, TypeNames names) {
    this.reporter = reporter;
    this.names = names;
    this.httpParameters = new HttpParameters(reporter, names);
    this.eventParameters = new EventParameters(reporter, names);
    this.returnKinds = new ReturnKinds(reporter, names);
  }

  /**
   * Reads the handler, or returns empty when something is wrong (reported).
   *
   * @param trigger the trigger, empty when its annotation holds an invalid value
   */
  Optional<HandlerModel> read(
      ExecutableElement method, TriggerKind kind, Optional<Trigger> trigger) {
    Optional<RouteTemplate> template =
        trigger.filter(Trigger.Http.class::isInstance).map(t -> ((Trigger.Http) t).template());
    String label = kind.label() + " handler " + method.getSimpleName();
    boolean ok = checkCallable(reporter, method, label);
    if (!method.getTypeParameters().isEmpty()) {
      reporter.error(
          method,
          label
              + " must not declare type parameters; found "
              + method.getTypeParameters().stream()
                  .map(t -> t.getSimpleName().toString())
                  .collect(Collectors.joining(", ", "<", ">"))
              + ". Use concrete types so anyfn can bind them.");
      ok = false;
    }
    Optional<List<Parameter>> parameters =
        kind == TriggerKind.HTTP
            ? httpParameters.read(method, template)
            : eventParameters.read(method, kind);
    boolean batch =
        parameters.orElse(List.of()).stream()
            .anyMatch(p -> p.source() == Parameter.Source.EVENT_BATCH);
    Optional<ReturnKind> returnKind = returnKinds.read(method, kind, batch);
    if (!ok || parameters.isEmpty() || returnKind.isEmpty() || trigger.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new HandlerModel(
            method.getSimpleName().toString(),
            parameterTypes(method),
            names.erasedName(method.getReturnType()),
            returnKind.get(),
            trigger.get(),
            parameters.get(),
            method));
  }

  List<String> parameterTypes(ExecutableElement method) {
    return method.getParameters().stream()
        .map(VariableElement::asType)
        .map(names::erasedName)
        .toList();
  }

  /**
   * Reports a method the runtime cannot call on the function instance.
   *
   * @param label how messages name the method, e.g. {@code @OnInit method warmUp}
   * @return whether the method is public and not static
   */
  static boolean checkCallable(Reporter reporter, ExecutableElement method, String label) {
    boolean ok = true;
    if (!Visibility.isPublic(method)) {
      reporter.error(
          method,
          label
              + " must be public; found "
              + Visibility.of(method)
              + ". Make it public so the runtime can call it.");
      ok = false;
    }
    if (method.getModifiers().contains(Modifier.STATIC)) {
      reporter.error(
          method,
          label
              + " must not be static. Make it an instance method; anyfn calls it on the function"
              + " instance.");
      ok = false;
    }
    return ok;
  }
}
