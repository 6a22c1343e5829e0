package dev.anyfn.core.index;

import java.util.List;

/**
 * A method by name and erased parameter types (binary names).
 *
 * @param name the method name
 * @param parameterTypes binary names of the erased parameter types
 */
public record MethodRef(String name, List<String> parameterTypes) {
  /** Copies the list. */
  public MethodRef {
    parameterTypes = parameterTypes == null ? List.of() : List.copyOf(parameterTypes);
  }
}
