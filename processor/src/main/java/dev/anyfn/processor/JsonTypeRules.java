package dev.anyfn.processor;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;

/**
 * What JSON binding needs of the user's own types, which {@link BindableTypes#isJson} lets through:
 * anyfn's codec reaches only public members (it never overrides access, as a module path would not
 * let it), and a body gives no class name to make. So a type read or written as JSON, and the
 * record components and type arguments inside it, must be public, as must the classes around it;
 * one read from JSON must also be concrete, and a class other than a record needs a public
 * no-argument constructor. Types that carry Jackson annotations are the user's to answer for.
 */
final class JsonTypeRules {
  private JsonTypeRules() {}

  /** Why {@code type} cannot be read from JSON, or empty. */
  static Optional<String> readProblem(TypeMirror type) {
    return problem(type, true, new HashSet<>());
  }

  /** Why {@code type} cannot be written as JSON, or empty. */
  static Optional<String> writeProblem(TypeMirror type) {
    return problem(type, false, new HashSet<>());
  }

  private static Optional<String> problem(TypeMirror type, boolean read, Set<String> seen) {
    switch (type.getKind()) {
      case ARRAY:
        return problem(((ArrayType) type).getComponentType(), read, seen);
      case WILDCARD:
        TypeMirror bound = ((WildcardType) type).getExtendsBound();
        return bound == null ? Optional.empty() : problem(bound, read, seen);
      case DECLARED:
        break;
      default:
        return Optional.empty();
    }
    DeclaredType declared = (DeclaredType) type;
    for (TypeMirror argument : declared.getTypeArguments()) {
      Optional<String> p = problem(argument, read, seen);
      if (p.isPresent()) {
        return p;
      }
    }
    TypeElement element = (TypeElement) declared.asElement();
    String name = element.getQualifiedName().toString();
    String pkg = TypeNames.packageOf(element);
    if (isJdk(pkg) || pkg.equals("dev.anyfn") || !seen.add(name) || jacksonAnnotated(element)) {
      return Optional.empty();
    }
    Optional<String> own = own(element, read);
    if (own.isPresent() || element.getKind() != ElementKind.RECORD) {
      return own;
    }
    for (RecordComponentElement c : element.getRecordComponents()) {
      Optional<String> p = problem(c.asType(), read, seen);
      if (p.isPresent()) {
        return p;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> own(TypeElement element, boolean read) {
    String simple = element.getSimpleName().toString();
    if (element.getKind() == ElementKind.ENUM) {
      return Optional.empty(); // Jackson reads an enum's constants without reflective access
    }
    // Its own modifier is what reflection checks (a public record inside a package-private class
    // is reachable); the codec never overrides access.
    if (!element.getModifiers().contains(Modifier.PUBLIC)) {
      return Optional.of(
          simple
              + " is not public; anyfn reads and writes JSON through public types only. Declare "
              + simple
              + " public.");
    }
    if (element.getKind() == ElementKind.RECORD) {
      return Optional.empty();
    }
    if (!read) {
      return Optional.empty(); // written through its public getters, whatever makes it
    }
    if (element.getNestingKind() == NestingKind.MEMBER
        && !element.getModifiers().contains(Modifier.STATIC)
        && element.getKind() == ElementKind.CLASS) {
      return Optional.of(
          simple
              + " is an inner class, which JSON cannot make without an instance of "
              + element.getEnclosingElement().getSimpleName()
              + ". Declare it static, or make it a record.");
    }
    if (element.getKind() == ElementKind.INTERFACE
        || element.getModifiers().contains(Modifier.ABSTRACT)) {
      return Optional.of(
          simple
              + " is "
              + (element.getKind() == ElementKind.INTERFACE ? "an interface" : "abstract")
              + ", and a JSON body does not name the class to make (anyfn takes no type ids)."
              + " Take a concrete record or class.");
    }
    return constructible(element)
        ? Optional.empty()
        : Optional.of(
            simple
                + " has no public constructor JSON can use: add a public no-argument one, or"
                + " make "
                + simple
                + " a record.");
  }

  /**
   * Whether Jackson can make it: a public constructor without parameters or with one (a delegating
   * creator: {@code Email(String)}), or a constructor or factory method Jackson annotations mark.
   */
  private static boolean constructible(TypeElement element) {
    for (ExecutableElement c : ElementFilter.constructorsIn(element.getEnclosedElements())) {
      if (c.getModifiers().contains(Modifier.PUBLIC)
          && (c.getParameters().size() <= 1 || marked(c))) {
        return true;
      }
    }
    return ElementFilter.methodsIn(element.getEnclosedElements()).stream()
        .anyMatch(m -> m.getModifiers().contains(Modifier.STATIC) && jacksonAnnotated(m));
  }

  /** A creator Jackson annotations mark: on the executable or on each of its parameters. */
  private static boolean marked(ExecutableElement e) {
    return jacksonAnnotated(e)
        || (!e.getParameters().isEmpty()
            && e.getParameters().stream().allMatch(JsonTypeRules::jacksonAnnotated));
  }

  private static boolean jacksonAnnotated(Element element) {
    return element.getAnnotationMirrors().stream()
        .anyMatch(
            a -> a.getAnnotationType().toString().startsWith("com.fasterxml.jackson.annotation."));
  }

  private static boolean isJdk(String pkg) {
    return pkg.startsWith("java.")
        || pkg.startsWith("javax.")
        || pkg.startsWith("jdk.")
        || pkg.startsWith("com.fasterxml.jackson."); // JsonNode and the like: Jackson makes them
  }
}
