package dev.anyfn.processor;

import java.util.List;

/**
 * One validated handler, as the index describes it.
 *
 * @param method the method name
 * @param parameterTypes binary names of the erased parameter types
 * @param returnType binary name of the erased return type, or {@code void}
 * @param returnKind how the result is turned into a response
 * @param trigger the trigger
 * @param parameters how each parameter is bound, in declaration order
 */
record HandlerModel(
    String method,
    List<String> parameterTypes,
    String returnType,
    ReturnKind returnKind,
    Trigger trigger,
    List<Parameter> parameters) {
  HandlerModel {
    parameterTypes = List.copyOf(parameterTypes);
    parameters = List.copyOf(parameters);
  }
}
