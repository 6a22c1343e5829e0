package dev.anyfn.processor;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Names of types as the index writes them (binary names, canonical generic types) and as error
 * messages show them.
 */
final class TypeNames {
  private final Elements elements;
  private final Types types;

  TypeNames(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  String binaryName(TypeElement type) {
    return elements.getBinaryName(type).toString();
  }

  /** The binary name of the erasure, as {@code Class.forName} takes it: {@code int}, {@code [B}. */
  String erasedName(TypeMirror type) {
    TypeMirror erased = types.erasure(type);
    return switch (erased.getKind()) {
      case ARRAY -> descriptor(erased).replace('/', '.');
      case DECLARED -> binaryName(element(erased));
      default -> erased.getKind().name().toLowerCase(Locale.ROOT);
    };
  }

  /** A canonical generic type with binary names: {@code java.util.List<com.example.Item>}. */
  String canonical(TypeMirror type) {
    return switch (type.getKind()) {
      case DECLARED -> {
        List<? extends TypeMirror> arguments = ((DeclaredType) type).getTypeArguments();
        String base = binaryName(element(type));
        yield arguments.isEmpty()
            ? base
            : arguments.stream()
                .map(this::canonical)
                .collect(Collectors.joining(",", base + "<", ">"));
      }
      case WILDCARD -> {
        TypeMirror bound = ((WildcardType) type).getExtendsBound();
        yield bound == null ? "java.lang.Object" : canonical(bound);
      }
      default -> erasedName(type);
    };
  }

  /** How messages show a type: {@code dev.anyfn} and {@code java.lang} types by simple name. */
  String display(TypeMirror type) {
    return switch (type.getKind()) {
      case DECLARED -> {
        TypeElement element = element(type);
        String pkg = packageOf(element);
        String base =
            pkg.equals("dev.anyfn") || pkg.equals("java.lang")
                ? element.getQualifiedName().toString().substring(pkg.length() + 1)
                : element.getQualifiedName().toString();
        List<? extends TypeMirror> arguments = ((DeclaredType) type).getTypeArguments();
        yield arguments.isEmpty()
            ? base
            : arguments.stream()
                .map(this::display)
                .collect(Collectors.joining(", ", base + "<", ">"));
      }
      case ARRAY -> display(((ArrayType) type).getComponentType()) + "[]";
      default -> type.toString();
    };
  }

  /** The qualified name of a declared type, or empty for other kinds. */
  String qualifiedName(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED ? element(type).getQualifiedName().toString() : "";
  }

  boolean is(TypeMirror type, String qualifiedName) {
    return qualifiedName(type).equals(qualifiedName);
  }

  /** The single type argument of {@code container<X>}, when the type is exactly that. */
  Optional<TypeMirror> argumentOf(TypeMirror type, String container) {
    if (!is(type, container)) {
      return Optional.empty();
    }
    List<? extends TypeMirror> arguments = ((DeclaredType) type).getTypeArguments();
    return arguments.size() == 1 ? Optional.of(arguments.get(0)) : Optional.empty();
  }

  /** Whether a method or constructor of this type mentions a type the compiler cannot resolve. */
  boolean referencesMissingTypes(TypeElement type) {
    for (Element member : type.getEnclosedElements()) {
      if (member instanceof ExecutableElement executable) {
        if (isMissing(executable.getReturnType())) {
          return true;
        }
        for (VariableElement parameter : executable.getParameters()) {
          if (isMissing(parameter.asType())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private boolean isMissing(TypeMirror type) {
    return switch (type.getKind()) {
      case ERROR -> true;
      case DECLARED -> ((DeclaredType) type).getTypeArguments().stream().anyMatch(this::isMissing);
      case ARRAY -> isMissing(((ArrayType) type).getComponentType());
      default -> false;
    };
  }

  static TypeElement element(TypeMirror declared) {
    return (TypeElement) ((DeclaredType) declared).asElement();
  }

  static String packageOf(Element element) {
    Element e = element;
    while (e != null && e.getKind() != ElementKind.PACKAGE) {
      e = e.getEnclosingElement();
    }
    return e == null ? "" : ((PackageElement) e).getQualifiedName().toString();
  }

  private String descriptor(TypeMirror type) {
    return switch (type.getKind()) {
      case ARRAY -> "[" + descriptor(((ArrayType) type).getComponentType());
      case DECLARED -> "L" + binaryName(element(type)) + ";";
      case BOOLEAN -> "Z";
      case BYTE -> "B";
      case CHAR -> "C";
      case SHORT -> "S";
      case INT -> "I";
      case LONG -> "J";
      case FLOAT -> "F";
      case DOUBLE -> "D";
      default -> throw new IllegalArgumentException("No descriptor for " + type);
    };
  }
}
