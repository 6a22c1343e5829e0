package dev.anyfn.core.index;

import java.util.List;

/**
 * One handler method and its trigger.
 *
 * @param method the method name
 * @param parameterTypes binary names of the erased parameter types
 * @param returnType binary name of the erased return type, or {@code void}
 * @param returnKind how the result is turned into a response
 * @param trigger the trigger
 * @param parameters how each parameter is bound
 */
public record HandlerSpec(
    String method,
    List<String> parameterTypes,
    String returnType,
    ReturnKind returnKind,
    TriggerSpec trigger,
    List<ParameterSpec> parameters) {
  /** Copies the lists. */
  public HandlerSpec {
    parameterTypes = List.copyOf(parameterTypes);
    parameters = List.copyOf(parameters);
  }

  /** How a handler's result becomes a response. */
  public enum ReturnKind {
    /** {@code HttpResponse}. */
    RESPONSE,
    /** A record, POJO or collection serialised as JSON. */
    JSON,
    /** {@code String}, as text/plain. */
    TEXT,
    /** {@code byte[]}, as application/octet-stream. */
    BYTES,
    /** {@code void}. */
    VOID,
    /** {@code BatchResult}. */
    BATCH_RESULT
  }
}
