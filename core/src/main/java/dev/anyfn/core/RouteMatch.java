package dev.anyfn.core;

import dev.anyfn.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of routing a request across every function of a runtime: a match (the function and its
 * handler) or a miss (404, or 405 with {@code Allow}). Immutable.
 */
public final class RouteMatch {
  private final FunctionDefinition function;
  private final ResolvedHandler handler;
  private final Map<String, String> params;
  private final boolean head;
  private final List<String> allow;

  private RouteMatch(
      FunctionDefinition function,
      ResolvedHandler handler,
      Map<String, String> params,
      boolean head,
      List<String> allow) {
    this.function = function;
    this.handler = handler;
    this.params = params;
    this.head = head;
    this.allow = allow;
  }

  static RouteMatch matched(
      FunctionDefinition function,
      ResolvedHandler handler,
      Map<String, String> params,
      boolean head) {
    return new RouteMatch(function, handler, params, head, List.of());
  }

  static RouteMatch miss(List<String> allow) {
    return new RouteMatch(null, null, Map.of(), false, allow);
  }

  /** The function that serves the request; empty on a miss. */
  public Optional<FunctionDefinition> function() {
    return Optional.ofNullable(function);
  }

  /**
   * The response for a miss: 404, or 405 with {@code Allow} (204 with {@code Allow} for OPTIONS).
   */
  public HttpResponse missResponse(String method, String requestId) {
    if (allow.isEmpty()) {
      return Problems.response(404, "not_found", "No route matches this path.", requestId);
    }
    String allowHeader = String.join(", ", allow);
    if (method.equals("OPTIONS")) {
      return HttpResponse.status(204).header("Allow", allowHeader).build();
    }
    return Problems.builder(
            405, "method_not_allowed", "This path answers " + allowHeader + ".", requestId)
        .header("Allow", allowHeader)
        .build();
  }

  ResolvedHandler handler() {
    return handler;
  }

  Map<String, String> params() {
    return params;
  }

  /** Whether a GET route answers this HEAD request (the core then answers without the body). */
  public boolean head() {
    return head;
  }

  static RouteMatch from(FunctionDefinition fn, Router.Result<ResolvedHandler> r) {
    if (r instanceof Router.Matched<ResolvedHandler> m) {
      return matched(fn, m.target(), m.params(), m.head());
    }
    if (r instanceof Router.MethodNotAllowed<ResolvedHandler> n) {
      return miss(n.allow());
    }
    return miss(List.of());
  }
}
