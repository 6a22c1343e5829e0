package dev.anyfn.core;

import com.fasterxml.jackson.databind.JavaType;
import dev.anyfn.core.index.ParameterSpec;
import java.util.Map;

/** Resolves the binary type names of the index through the function's class loader. */
final class Types {
  private static final Map<String, Class<?>> PRIMITIVES =
      Map.of(
          "int", int.class,
          "long", long.class,
          "double", double.class,
          "boolean", boolean.class,
          "float", float.class,
          "short", short.class,
          "byte", byte.class,
          "char", char.class,
          "void", void.class);

  private final ClassLoader loader;
  private final JsonCodec json;

  Types(ClassLoader loader, JsonCodec json) {
    this.loader = loader;
    this.json = json;
  }

  Class<?> load(String binaryName) {
    Class<?> primitive = PRIMITIVES.get(binaryName);
    if (primitive != null) {
      return primitive;
    }
    try {
      return Class.forName(binaryName, false, loader);
    } catch (ClassNotFoundException e) {
      throw new ConfigurationException(
          "Class "
              + binaryName
              + " named in the function index is not on the class path. Package the function"
              + " with all of its classes (rebuild with mvn package).",
          e);
    }
  }

  JavaType javaType(ParameterSpec p) {
    return p.genericType() != null
        ? javaType(p.genericType())
        : json.typeFactory().constructType(load(p.type()));
  }

  JavaType javaType(String canonical) {
    try {
      return json.typeFactory().withClassLoader(loader).constructFromCanonical(canonical);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(
          "Type " + canonical + " named in the function index cannot be resolved.", e);
    }
  }
}
