package dev.anyfn.processor;

import dev.anyfn.ServerlessFunction;
import java.util.Locale;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Checks what the runtime needs from a function class: a public, concrete, top-level or static
 * nested class with a public no-argument constructor, and sane settings.
 */
final class FunctionClasses {
  private final Reporter reporter;
  private final Elements elements;

  FunctionClasses(Reporter reporter, Elements elements) {
    this.reporter = reporter;
    this.elements = elements;
  }

  /**
   * Whether the class is in anyfn's own package {@code dev.anyfn}, reported: the processor takes
   * every type of that package for one of anyfn's API types, never for a JSON type of the user's. A
   * project generated from the archetype with {@code -DgroupId=dev.anyfn} lands there.
   */
  boolean inAnyfnPackage(TypeElement type, String className) {
    if (!TypeNames.packageOf(type).equals("dev.anyfn")) {
      return false;
    }
    reporter.error(
        type,
        "Function class "
            + className
            + " is in the package dev.anyfn, which is anyfn's own: anyfn takes every type of that"
            + " package for one of its API's, so it would not read or write your records as JSON."
            + " Move the class and its types to a package of your own, such as dev.anyfn.app (from"
            + " anyfn-archetype with -DgroupId=dev.anyfn, also pass -Dpackage=dev.anyfn.app).");
    return true;
  }

  /** Whether the element is a class or record at all; other problems are reported only. */
  boolean check(TypeElement type, String className) {
    String subject = "Function class " + className;
    if (type.getKind() != ElementKind.CLASS && type.getKind() != ElementKind.RECORD) {
      reporter.error(
          type,
          subject
              + " must be a class; found "
              + kindName(type.getKind())
              + ". Move @ServerlessFunction to a public concrete class.");
      return false;
    }
    if (type.getModifiers().contains(Modifier.ABSTRACT)) {
      reporter.error(
          type,
          subject
              + " must not be abstract. Make it a concrete class or remove @ServerlessFunction.");
    }
    Element outer = type.getEnclosingElement();
    if (outer instanceof TypeElement && !type.getModifiers().contains(Modifier.STATIC)) {
      reporter.error(
          type,
          subject
              + " must be a static nested class; found an inner class. Declare it static so anyfn"
              + " can create it without an instance of "
              + ((TypeElement) outer).getQualifiedName()
              + ".");
    }
    if (!Visibility.isPublic(type)) {
      reporter.error(
          type,
          subject
              + " must be public; found "
              + Visibility.of(type)
              + ". Make the class public so the runtime can instantiate it.");
    }
    for (Element e = outer; e instanceof TypeElement; e = e.getEnclosingElement()) {
      if (!Visibility.isPublic(e)) {
        reporter.error(
            type,
            subject
                + " is nested in "
                + Visibility.of(e)
                + " class "
                + ((TypeElement) e).getQualifiedName()
                + ". Make that class public so the runtime can reach the function class.");
      }
    }
    if (!hasNoArgConstructor(type)) {
      reporter.error(
          type,
          subject
              + " has no public no-argument constructor. Add one; anyfn creates one instance per"
              + " cold start with it.");
    }
    checkSettings(type, subject, type.getAnnotation(ServerlessFunction.class));
    return true;
  }

  private boolean hasNoArgConstructor(TypeElement type) {
    for (ExecutableElement constructor : ElementFilter.constructorsIn(type.getEnclosedElements())) {
      boolean implicit = elements.getOrigin(constructor) == Elements.Origin.MANDATED;
      if (constructor.getParameters().isEmpty() && (Visibility.isPublic(constructor) || implicit)) {
        // an implicit constructor has the class's access; a non-public class is reported above
        return true;
      }
    }
    return false;
  }

  private void checkSettings(TypeElement type, String subject, ServerlessFunction function) {
    if (function.memoryMb() < 128 || function.memoryMb() > 10240) {
      reporter.error(
          type,
          subject
              + " has memoryMb "
              + function.memoryMb()
              + "; expected 128-10240. Set @ServerlessFunction(memoryMb = ...) within that range;"
              + " 512 is the default.");
    }
    if (function.timeoutSeconds() < 1) {
      reporter.error(
          type,
          subject
              + " has timeoutSeconds "
              + function.timeoutSeconds()
              + "; expected 1 or more. Set @ServerlessFunction(timeoutSeconds = ...) to a positive"
              + " number; 30 is the default.");
    }
    if (function.maxInstances() < 0) {
      reporter.error(
          type,
          subject
              + " has maxInstances "
              + function.maxInstances()
              + "; expected 0 or more (0 disables the function). Set"
              + " @ServerlessFunction(maxInstances = ...); 10 is the default.");
    }
  }

  private static String kindName(ElementKind kind) {
    return switch (kind) {
      case INTERFACE -> "an interface";
      case ENUM -> "an enum";
      case ANNOTATION_TYPE -> "an annotation type";
      default -> kind.name().toLowerCase(Locale.ROOT);
    };
  }
}
