package dev.anyfn.processor;

import dev.anyfn.Cors;
import dev.anyfn.SendsTo;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * Reports anyfn annotations that have no effect because their class is no
 * {@code @ServerlessFunction}: {@code @Cors}, {@code @SendsTo} and the handler annotations, each
 * with the fix. Immutable; used on the processor's thread only, as the {@link Reporter} it reports
 * to is.
 */
final class StrayAnnotations {
  private final Reporter reporter;
  private final TypeNames names;

  StrayAnnotations(Reporter reporter, TypeNames names) {
    this.reporter = reporter;
    this.names = names;
  }

  /**
   * Reports {@code type}'s anyfn annotations, {@code type} being no {@code @ServerlessFunction}:
   * {@code @Cors} and {@code @SendsTo} on it, and the handler annotations on its methods, unless it
   * is one of {@code functionSupertypes} (the classes and interfaces function classes extend, whose
   * handlers each function reports).
   */
  void report(TypeElement type, Set<String> functionSupertypes) {
    if (type.getAnnotation(Cors.class) != null) {
      reporter.error(
          type,
          "@Cors on "
              + names.binaryName(type)
              + " has no effect: the class is not a @ServerlessFunction. Put @Cors on the function"
              + " class whose routes it is for.");
    }
    if (type.getAnnotation(SendsTo.class) != null) {
      reporter.error(
          type,
          "@SendsTo on "
              + names.binaryName(type)
              + " has no effect: the class is not a @ServerlessFunction. Put @SendsTo on the"
              + " function class whose handlers send.");
    }
    if (functionSupertypes.contains(type.getQualifiedName().toString())) {
      return; // reported on each function class that inherits them (FunctionReader)
    }
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      List<Class<? extends Annotation>> present = MethodAnnotations.on(method);
      if (!present.isEmpty()) {
        String className = names.binaryName(type);
        String labels = MethodAnnotations.labels(present);
        reporter.error(
            method,
            "Method "
                + method.getSimpleName()
                + " in "
                + className
                + " has "
                + labels
                + ", but "
                + className
                + " is not annotated with @ServerlessFunction. Annotate the class with"
                + " @ServerlessFunction or remove "
                + labels
                + ".");
      }
    }
  }
}
