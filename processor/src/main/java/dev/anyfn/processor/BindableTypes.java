package dev.anyfn.processor;

import java.util.EnumSet;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;

/** Which types anyfn can bind: scalars for path, query and header values, and JSON types. */
final class BindableTypes {
  private static final Set<TypeKind> SCALAR_PRIMITIVES =
      EnumSet.of(TypeKind.INT, TypeKind.LONG, TypeKind.DOUBLE, TypeKind.BOOLEAN);
  private static final Set<String> SCALAR_CLASSES =
      Set.of(
          "java.lang.String",
          "java.lang.Integer",
          "java.lang.Long",
          "java.lang.Double",
          "java.lang.Boolean",
          "java.util.UUID");

  /** JDK types JSON binding handles; every other JDK type (File, InputStream, ...) is refused. */
  private static final Set<String> JSON_JDK_CLASSES =
      Set.of(
          "java.lang.Object",
          "java.lang.String",
          "java.lang.Number",
          "java.lang.Integer",
          "java.lang.Long",
          "java.lang.Double",
          "java.lang.Float",
          "java.lang.Short",
          "java.lang.Byte",
          "java.lang.Boolean",
          "java.lang.Character",
          "java.math.BigDecimal",
          "java.math.BigInteger",
          "java.net.URI",
          "java.net.URL",
          "java.util.UUID",
          "java.util.Locale",
          "java.util.Currency",
          "java.util.Collection",
          "java.util.List",
          "java.util.ArrayList",
          "java.util.LinkedList",
          "java.util.Set",
          "java.util.SortedSet",
          "java.util.HashSet",
          "java.util.LinkedHashSet",
          "java.util.TreeSet",
          "java.util.Map",
          "java.util.SortedMap",
          "java.util.HashMap",
          "java.util.LinkedHashMap",
          "java.util.TreeMap",
          "java.time.Instant",
          "java.time.LocalDate",
          "java.time.LocalDateTime",
          "java.time.LocalTime",
          "java.time.OffsetDateTime",
          "java.time.OffsetTime",
          "java.time.ZonedDateTime",
          "java.time.Duration",
          "java.time.Period",
          "java.time.Year",
          "java.time.YearMonth",
          "java.time.MonthDay",
          "java.time.ZoneId");

  private BindableTypes() {}

  /**
   * {@code String}, {@code int}, {@code long}, {@code double}, {@code boolean}, boxes, UUID, enums.
   */
  static boolean isScalar(TypeMirror type) {
    if (SCALAR_PRIMITIVES.contains(type.getKind())) {
      return true;
    }
    if (type.getKind() != TypeKind.DECLARED) {
      return false;
    }
    TypeElement element = TypeNames.element(type);
    return element.getKind() == ElementKind.ENUM
        || SCALAR_CLASSES.contains(element.getQualifiedName().toString());
  }

  /**
   * Whether a JSON body, payload or message body can be bound to this type: primitives, arrays,
   * user types (records, POJOs, enums) and common JDK value and collection types, with bindable
   * type arguments. anyfn's own types and type variables are not.
   */
  static boolean isJson(TypeMirror type) {
    if (type.getKind().isPrimitive()) {
      return true;
    }
    return switch (type.getKind()) {
      case ARRAY -> isJson(((ArrayType) type).getComponentType());
      case WILDCARD -> {
        TypeMirror bound = ((WildcardType) type).getExtendsBound();
        yield bound == null || isJson(bound);
      }
      case DECLARED -> isJsonDeclared((DeclaredType) type);
      default -> false;
    };
  }

  private static boolean isJsonDeclared(DeclaredType type) {
    TypeElement element = (TypeElement) type.asElement();
    String name = element.getQualifiedName().toString();
    String pkg = TypeNames.packageOf(element);
    boolean allowed;
    if (pkg.equals("dev.anyfn")) {
      allowed = false;
    } else if (isJdk(pkg)) {
      allowed = JSON_JDK_CLASSES.contains(name) || element.getKind() == ElementKind.ENUM;
    } else {
      allowed = true;
    }
    return allowed && type.getTypeArguments().stream().allMatch(BindableTypes::isJson);
  }

  private static boolean isJdk(String pkg) {
    return pkg.startsWith("java.")
        || pkg.startsWith("javax.")
        || pkg.startsWith("jdk.")
        || pkg.startsWith("sun.")
        || pkg.startsWith("com.sun.");
  }
}
