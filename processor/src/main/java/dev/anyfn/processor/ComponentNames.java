package dev.anyfn.processor;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * The names of an OpenAPI document's named schemas ({@code #/components/schemas}), for {@link
 * JsonSchemas}: each type's simple name (with its type arguments', for a generic type) unless two
 * types would share it, when both take their keys (their canonical generic names); what OpenAPI
 * does not allow in a name becomes {@code _}. Mutable: one per document, used on the processor's
 * thread.
 */
final class ComponentNames {
  /** The name each key would take if no other type wanted it. */
  private final Map<String, String> preferred = new HashMap<>();

  /** Adds the named schema of {@code type}, under {@code key}. */
  void add(String key, TypeMirror type) {
    preferred.put(key, simpleName(type));
  }

  /** The final name of each named schema's key. */
  Map<String, String> finalNames() {
    Map<String, Integer> wanted = new HashMap<>();
    preferred.values().forEach(n -> wanted.merge(n, 1, Integer::sum));
    Map<String, String> finalNames = new HashMap<>();
    for (String key : preferred.keySet()) {
      String name = preferred.get(key);
      finalNames.put(key, wanted.get(name) == 1 ? componentName(name) : componentName(key));
    }
    return finalNames;
  }

  /** {@code Box_String} for {@code Box<String>}: the simple names of the type and its arguments. */
  private static String simpleName(TypeMirror type) {
    if (!(type instanceof DeclaredType declared)) {
      return type.getKind().name().toLowerCase(Locale.ROOT);
    }
    StringBuilder name = new StringBuilder(declared.asElement().getSimpleName());
    for (TypeMirror argument : declared.getTypeArguments()) {
      name.append('_').append(simpleName(argument));
    }
    return name.toString();
  }

  /**
   * {@code name} with what OpenAPI does not allow in a component's name ({@code <>,}, non-ASCII).
   */
  private static String componentName(String name) {
    return name.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  /**
   * Rewrites each reference to a named schema in {@code node} (a tree of maps and lists), from its
   * key to its {@code finalNames} entry; a reference to another key stays.
   */
  @SuppressWarnings("unchecked")
  static void rewriteRefs(Object node, Map<String, String> finalNames) {
    if (node instanceof Map<?, ?> map) {
      Object ref = map.get("$ref");
      if (ref instanceof String s && s.startsWith(JsonSchemas.REF_PREFIX)) {
        String key = s.substring(JsonSchemas.REF_PREFIX.length());
        if (finalNames.containsKey(key)) {
          ((Map<String, Object>) map).put("$ref", JsonSchemas.REF_PREFIX + finalNames.get(key));
        }
      }
      map.values().forEach(v -> rewriteRefs(v, finalNames));
    } else if (node instanceof List<?> list) {
      list.forEach(v -> rewriteRefs(v, finalNames));
    }
  }
}
