package dev.anyfn.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * What Jackson makes of a member of a JSON type, read from its declaration for {@link JsonSchemas}:
 * whether {@code @JsonIgnore} leaves it out, the name {@code @JsonProperty} gives it, the property
 * a getter stands for, and whether a {@code @Nullable} marks it. The annotations are matched by
 * name, so the processor needs no Jackson on its class path. Stateless; its functions may be called
 * from any thread.
 */
final class JsonMembers {
  private static final String JSON_PROPERTY = "com.fasterxml.jackson.annotation.JsonProperty";
  private static final String JSON_IGNORE = "com.fasterxml.jackson.annotation.JsonIgnore";

  private JsonMembers() {}

  /** Whether {@code @JsonIgnore} (not {@code @JsonIgnore(false)}) leaves {@code element} out. */
  static boolean ignored(Element element) {
    return annotation(element, JSON_IGNORE)
        .map(a -> !Boolean.FALSE.equals(value(a, "value")))
        .orElse(false);
  }

  /** The name a non-empty {@code @JsonProperty} gives {@code element}, or empty. */
  static Optional<String> jsonName(Element element) {
    return annotation(element, JSON_PROPERTY)
        .map(a -> value(a, "value"))
        .filter(v -> v instanceof String s && !s.isEmpty())
        .map(String.class::cast);
  }

  /**
   * Whether a {@code @Nullable} annotation of any library (JSpecify, Jakarta, JSR 305, ...) or
   * {@code @CheckForNull} marks the member or its type.
   */
  static boolean nullable(Element... members) {
    for (Element member : members) {
      TypeMirror type =
          member instanceof ExecutableElement method ? method.getReturnType() : member.asType();
      List<AnnotationMirror> found = new ArrayList<>(member.getAnnotationMirrors());
      found.addAll(type.getAnnotationMirrors());
      for (AnnotationMirror mirror : found) {
        String simple = mirror.getAnnotationType().asElement().getSimpleName().toString();
        if (simple.equals("Nullable") || simple.equals("CheckForNull")) {
          return true;
        }
      }
    }
    return false;
  }

  /** The property a public getter ({@code getX()}, or {@code isX()} for a boolean) stands for. */
  static Optional<String> beanProperty(ExecutableElement method) {
    if (!method.getParameters().isEmpty()
        || method.getReturnType().getKind() == TypeKind.VOID
        || !method.getTypeParameters().isEmpty()) {
      return Optional.empty();
    }
    String name = method.getSimpleName().toString();
    int prefix;
    if (name.startsWith("get") && name.length() > 3) {
      prefix = 3;
    } else if (name.startsWith("is")
        && name.length() > 2
        && method.getReturnType().getKind() == TypeKind.BOOLEAN) {
      prefix = 2;
    } else {
      return Optional.empty();
    }
    String rest = name.substring(prefix);
    return Optional.of(Character.toLowerCase(rest.charAt(0)) + rest.substring(1));
  }

  private static Optional<AnnotationMirror> annotation(Element element, String name) {
    if (element == null) {
      return Optional.empty();
    }
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (((TypeElement) mirror.getAnnotationType().asElement())
          .getQualifiedName()
          .contentEquals(name)) {
        return Optional.of(mirror);
      }
    }
    return Optional.empty();
  }

  private static Object value(AnnotationMirror mirror, String name) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
        mirror.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(name)) {
        return e.getValue().getValue();
      }
    }
    return null;
  }
}
