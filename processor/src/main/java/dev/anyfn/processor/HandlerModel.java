package dev.anyfn.processor;

import java.util.List;
import javax.lang.model.element.ExecutableElement;

/**
 * One validated handler, as the index describes it.
 *
 * @param method the method name
 * @param parameterTypes binary names of the erased parameter types
 * @param returnType binary name of the erased return type, or {@code void}
 * @param returnKind how the result is turned into a response
 * @param trigger the trigger
 * @param parameters how each parameter is bound, in declaration order
 * @param element the method, for what the index does not hold (its generic types, its doc)
 */
record HandlerModel(
    String method,
    List<String> parameterTypes,
    String returnType,
    ReturnKind returnKind,
    Trigger trigger,
    List<Parameter> parameters,
    ExecutableElement element) {
  HandlerModel {
    parameterTypes = List.copyOf(parameterTypes);
    parameters = List.copyOf(parameters);
  }
}
