package dev.anyfn.processor;

import java.util.List;

/**
 * A lifecycle method in the index.
 *
 * @param name the method name
 * @param parameterTypes binary names of the erased parameter types
 */
record MethodRef(String name, List<String> parameterTypes) {
  MethodRef {
    parameterTypes = List.copyOf(parameterTypes);
  }
}
