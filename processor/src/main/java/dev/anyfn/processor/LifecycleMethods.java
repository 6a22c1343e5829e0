package dev.anyfn.processor;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;

/**
 * Checks {@code @OnInit} (void, no parameters or one {@code InitContext}) and {@code @OnShutdown}
 * (void, no parameters) methods.
 */
final class LifecycleMethods {
  private final Reporter reporter;
  private final TypeNames names;

  LifecycleMethods(Reporter reporter, TypeNames names) {
    this.reporter = reporter;
    this.names = names;
  }

  Optional<MethodRef> readInit(ExecutableElement method) {
    String m = method.getSimpleName().toString();
    List<? extends VariableElement> parameters = method.getParameters();
    boolean fits =
        parameters.isEmpty()
            || (parameters.size() == 1
                && names.is(parameters.get(0).asType(), "dev.anyfn.InitContext"));
    return read(
        method,
        "@OnInit",
        fits,
        "must return void and take nothing or an InitContext",
        "'public void " + m + "()' or 'public void " + m + "(InitContext init)'");
  }

  Optional<MethodRef> readShutdown(ExecutableElement method) {
    String m = method.getSimpleName().toString();
    return read(
        method,
        "@OnShutdown",
        method.getParameters().isEmpty(),
        "must return void and take no parameters",
        "'public void " + m + "()'");
  }

  private Optional<MethodRef> read(
      ExecutableElement method, String annotation, boolean parametersFit, String rule, String fix) {
    String label = annotation + " method " + method.getSimpleName();
    boolean ok = HandlerSignatures.checkCallable(reporter, method, label);
    if (!parametersFit || method.getReturnType().getKind() != TypeKind.VOID) {
      reporter.error(
          method,
          label
              + " "
              + rule
              + "; found "
              + method.getSimpleName()
              + method.getParameters().stream()
                  .map(p -> names.display(p.asType()))
                  .collect(Collectors.joining(", ", "(", ")"))
              + " returning "
              + names.display(method.getReturnType())
              + ". Declare it as "
              + fix
              + ".");
      ok = false;
    }
    if (!ok) {
      return Optional.empty();
    }
    return Optional.of(
        new MethodRef(
            method.getSimpleName().toString(),
            method.getParameters().stream().map(p -> names.erasedName(p.asType())).toList()));
  }
}
