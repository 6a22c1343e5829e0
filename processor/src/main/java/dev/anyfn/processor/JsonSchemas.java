package dev.anyfn.processor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * JSON Schemas (the dialect of OpenAPI 3.1) of the types anyfn reads and writes as JSON, as anyfn's
 * Jackson settings read and write them: records by their components, other classes by their public
 * getters and fields, {@code Optional} as its value or null, dates as ISO-8601 strings.
 * {@code @JsonProperty} names and {@code @JsonIgnore} are followed. Records, enums and classes
 * become named schemas under {@code #/components/schemas}, each named by its simple name (with its
 * type arguments', for a generic type) unless two types would share it, when both take their
 * qualified names ({@link ComponentNames}). Not thread-safe: one per document.
 */
final class JsonSchemas {
  static final String REF_PREFIX = "#/components/schemas/";

  /** Boxes described as their primitives are; {@code Character} stays a text type, as before. */
  private static final Set<String> NUMBER_AND_BOOLEAN_BOXES =
      Set.of(
          "java.lang.Boolean",
          "java.lang.Byte",
          "java.lang.Short",
          "java.lang.Integer",
          "java.lang.Long",
          "java.lang.Float",
          "java.lang.Double");

  private static final Set<String> TEXT_TYPES =
      Set.of(
          "java.lang.String",
          "java.lang.Character",
          "java.util.Locale",
          "java.util.Currency",
          "java.time.ZoneId",
          "java.time.LocalTime",
          "java.time.LocalDateTime",
          "java.time.Year",
          "java.time.YearMonth",
          "java.time.MonthDay");

  private final Elements elements;
  private final Types types;
  private final TypeNames names;

  /** Named schemas by the key of their type (its canonical generic name), in order of first use. */
  private final Map<String, Map<String, Object>> named = new LinkedHashMap<>();

  /** How deeply nested the schema being made is; see {@link #MAX_DEPTH}. */
  private int depth;

  /** Nesting beyond any real type's, where a type that keeps growing is cut off. */
  private static final int MAX_DEPTH = 64;

  /** The names the named schemas take. */
  private final ComponentNames componentNames = new ComponentNames();

  JsonSchemas(Elements elements, Types types, TypeNames names) {
    this.elements = elements;
    this.types = types;
    this.names = names;
  }

  /** The schema of a value of {@code type}; named types are referenced, and added once. */
  Map<String, Object> of(TypeMirror type) {
    if (type.getKind().isPrimitive()) {
      return primitive(type.getKind());
    }
    if (depth >= MAX_DEPTH) {
      // a generic type that names a bigger one of itself (record R<T>(R<List<T>> next)) has no
      // end; any JSON value from here on rather than a compiler that never returns
      return any();
    }
    depth++;
    try {
      return switch (type.getKind()) {
        case ARRAY -> array((ArrayType) type);
        case WILDCARD -> {
          TypeMirror bound = ((WildcardType) type).getExtendsBound();
          yield bound == null ? any() : of(bound);
        }
        case DECLARED -> declared((DeclaredType) type);
        default -> any();
      };
    } finally {
      depth--;
    }
  }

  /** {@code schema}, or JSON's null. */
  static Map<String, Object> orNull(Map<String, Object> schema) {
    Map<String, Object> nullable = new LinkedHashMap<>(schema);
    if (schema.get("type") instanceof String type) {
      nullable.put("type", List.of(type, "null"));
      return nullable;
    }
    if (schema.isEmpty()) {
      return schema;
    }
    return map("anyOf", List.of(schema, map("type", "null")));
  }

  /** Whether {@code type} is {@code Optional<...>}. */
  boolean isOptional(TypeMirror type) {
    return names.is(types.erasure(type), "java.util.Optional");
  }

  /** The value type of an {@code Optional} or {@code List}, or the type itself. */
  static TypeMirror unwrapped(TypeMirror type) {
    if (type instanceof DeclaredType declared && declared.getTypeArguments().size() == 1) {
      String name = TypeNames.element(declared).getQualifiedName().toString();
      if (name.equals("java.util.Optional") || name.equals("java.util.List")) {
        return declared.getTypeArguments().get(0);
      }
    }
    return type;
  }

  /**
   * The named schemas, each under its final name, with every reference in {@code document}
   * rewritten to it.
   */
  Map<String, Object> components(Map<String, Object> document) {
    Map<String, String> finalNames = componentNames.finalNames();
    Map<String, Object> schemas = new TreeMap<>();
    named.forEach((key, schema) -> schemas.put(finalNames.get(key), schema));
    ComponentNames.rewriteRefs(document, finalNames);
    ComponentNames.rewriteRefs(schemas, finalNames);
    return schemas;
  }

  private static Map<String, Object> primitive(TypeKind kind) {
    return switch (kind) {
      case BOOLEAN -> map("type", "boolean");
      case BYTE, SHORT, INT -> map("type", "integer", "format", "int32");
      case LONG -> map("type", "integer", "format", "int64");
      case FLOAT -> map("type", "number", "format", "float");
      case DOUBLE -> map("type", "number", "format", "double");
      default -> map("type", "string", "minLength", 1, "maxLength", 1); // char
    };
  }

  private Map<String, Object> array(ArrayType type) {
    if (type.getComponentType().getKind() == TypeKind.BYTE) {
      // Jackson writes byte[] as a base64 string
      return map("type", "string", "contentEncoding", "base64");
    }
    return map("type", "array", "items", of(type.getComponentType()));
  }

  private Map<String, Object> declared(DeclaredType type) {
    TypeElement element = TypeNames.element(type);
    String name = element.getQualifiedName().toString();
    if (NUMBER_AND_BOOLEAN_BOXES.contains(name)) {
      return primitive(types.unboxedType(type).getKind());
    }
    Map<String, Object> known = jdk(name);
    if (known != null) {
      return known;
    }
    List<? extends TypeMirror> arguments = type.getTypeArguments();
    if (name.equals("java.util.Optional")) {
      return arguments.isEmpty() ? any() : orNull(of(arguments.get(0)));
    }
    if (isSubtype(type, "java.util.Collection")) {
      Map<String, Object> array = new LinkedHashMap<>();
      array.put("type", "array");
      array.put("items", arguments.size() == 1 ? of(arguments.get(0)) : any());
      if (isSubtype(type, "java.util.Set")) {
        array.put("uniqueItems", true);
      }
      return array;
    }
    if (isSubtype(type, "java.util.Map")) {
      return map(
          "type",
          "object",
          "additionalProperties",
          arguments.size() == 2 ? of(arguments.get(1)) : any());
    }
    if (name.equals("java.lang.Object")
        || name.startsWith("com.fasterxml.jackson.")
        || element.getKind() == ElementKind.INTERFACE
        || element.getModifiers().contains(Modifier.ABSTRACT)) {
      return any();
    }
    return reference(type, element);
  }

  /** JDK value types as Jackson with its Java 8 date/time module writes them. */
  private static Map<String, Object> jdk(String name) {
    if (TEXT_TYPES.contains(name)) {
      return map("type", "string");
    }
    return switch (name) {
      case "java.math.BigInteger" -> map("type", "integer");
      case "java.lang.Number", "java.math.BigDecimal" -> map("type", "number");
      case "java.util.UUID" -> map("type", "string", "format", "uuid");
      case "java.net.URI", "java.net.URL" -> map("type", "string", "format", "uri");
      case "java.time.Instant", "java.time.OffsetDateTime", "java.time.ZonedDateTime" ->
          map("type", "string", "format", "date-time");
      case "java.time.LocalDate" -> map("type", "string", "format", "date");
      case "java.time.OffsetTime" -> map("type", "string", "format", "time");
      case "java.time.Duration", "java.time.Period" -> map("type", "string", "format", "duration");
      default -> null;
    };
  }

  private Map<String, Object> reference(DeclaredType type, TypeElement element) {
    String key = names.canonical(type);
    if (!named.containsKey(key)) {
      componentNames.add(key, type);
      named.put(key, Map.of()); // a placeholder, so that a type that contains itself ends
      named.put(key, element.getKind() == ElementKind.ENUM ? enumSchema(element) : object(type));
    }
    return map("$ref", REF_PREFIX + key);
  }

  private Map<String, Object> enumSchema(TypeElement element) {
    List<String> constants = new ArrayList<>();
    for (Element e : element.getEnclosedElements()) {
      if (e.getKind() == ElementKind.ENUM_CONSTANT && !JsonMembers.ignored(e)) {
        constants.add(JsonMembers.jsonName(e).orElse(e.getSimpleName().toString()));
      }
    }
    return map("type", "string", "enum", constants);
  }

  /**
   * A record by its components, another class by its public getters and fields. Only a record's
   * components are required: anyfn refuses a body that lacks one, while Jackson leaves a missing
   * field or setter property of another class at the value its constructor gave it.
   */
  private Map<String, Object> object(DeclaredType type) {
    TypeElement element = TypeNames.element(type);
    Map<String, Object> properties = new LinkedHashMap<>();
    List<String> required = new ArrayList<>();
    if (element.getKind() == ElementKind.RECORD) {
      for (RecordComponentElement component :
          ElementFilter.recordComponentsIn(element.getEnclosedElements())) {
        ExecutableElement accessor = component.getAccessor();
        if (JsonMembers.ignored(component) || JsonMembers.ignored(accessor)) {
          continue;
        }
        TypeMirror memberType = ((ExecutableType) types.asMemberOf(type, accessor)).getReturnType();
        String name =
            JsonMembers.jsonName(component)
                .or(() -> JsonMembers.jsonName(accessor))
                .orElse(component.getSimpleName().toString());
        property(properties, required, name, memberType, JsonMembers.nullable(component, accessor));
      }
    } else {
      for (Element member : elements.getAllMembers(element)) {
        if (!member.getModifiers().contains(Modifier.PUBLIC)
            || member.getModifiers().contains(Modifier.STATIC)
            || JsonMembers.ignored(member)
            || member.getEnclosingElement().toString().equals("java.lang.Object")) {
          continue;
        }
        if (member instanceof VariableElement field && member.getKind() == ElementKind.FIELD) {
          String name = JsonMembers.jsonName(field).orElse(field.getSimpleName().toString());
          property(
              properties,
              required,
              name,
              types.asMemberOf(type, field),
              JsonMembers.nullable(field));
        } else if (member instanceof ExecutableElement method) {
          JsonMembers.beanProperty(method)
              .ifPresent(
                  name -> {
                    TypeMirror returned =
                        ((ExecutableType) types.asMemberOf(type, method)).getReturnType();
                    property(
                        properties,
                        required,
                        JsonMembers.jsonName(method).orElse(name),
                        returned,
                        JsonMembers.nullable(method));
                  });
        }
      }
    }
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    schema.put("properties", properties);
    if (!required.isEmpty() && element.getKind() == ElementKind.RECORD) {
      schema.put("required", required);
    }
    return schema;
  }

  /**
   * Adds a property; every one that is neither {@code Optional} nor annotated {@code @Nullable} is
   * listed as required, which {@link #object} keeps for records only.
   */
  private void property(
      Map<String, Object> properties,
      List<String> required,
      String name,
      TypeMirror type,
      boolean nullable) {
    if (properties.containsKey(name)) {
      return;
    }
    properties.put(name, nullable ? orNull(of(type)) : of(type));
    if (!nullable && !isOptional(type)) {
      required.add(name);
    }
  }

  private boolean isSubtype(DeclaredType type, String superName) {
    TypeElement superElement = elements.getTypeElement(superName);
    return superElement != null
        && types.isSubtype(types.erasure(type), types.erasure(superElement.asType()));
  }

  /** Any JSON value. */
  static Map<String, Object> any() {
    return new LinkedHashMap<>();
  }

  /** An ordered map of alternating keys and values. */
  static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
