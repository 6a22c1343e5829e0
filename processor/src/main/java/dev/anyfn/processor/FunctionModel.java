package dev.anyfn.processor;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.TypeElement;

/**
 * One function class, as the index describes it.
 *
 * @param name the function name
 * @param className the binary name of the class
 * @param memoryMb memory per instance
 * @param timeoutSeconds time an invocation may take
 * @param maxInstances upper bound on concurrent instances
 * @param initMethods the {@code @OnInit} methods, in source order
 * @param shutdownMethods the {@code @OnShutdown} methods, in source order
 * @param handlers the handlers, in source order
 * @param element the class, for error messages that span functions
 * @param cors the {@code @Cors} settings as the index records them; empty without it
 * @param sendsTo the queues of its {@code @SendsTo}, in declared order; empty without it
 * @param publishesTo the topics of its {@code @SendsTo}, in declared order; empty without it
 */
record FunctionModel(
    String name,
    String className,
    int memoryMb,
    int timeoutSeconds,
    int maxInstances,
    List<MethodRef> initMethods,
    List<MethodRef> shutdownMethods,
    List<HandlerModel> handlers,
    TypeElement element,
    Optional<Map<String, Object>> cors,
    List<String> sendsTo,
    List<String> publishesTo) {
  FunctionModel {
    sendsTo = List.copyOf(sendsTo);
    publishesTo = List.copyOf(publishesTo);
    initMethods = List.copyOf(initMethods);
    shutdownMethods = List.copyOf(shutdownMethods);
    handlers = List.copyOf(handlers);
  }
}
