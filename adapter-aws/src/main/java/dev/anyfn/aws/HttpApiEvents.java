package dev.anyfn.aws;

import dev.anyfn.core.index.FunctionIndex;
import dev.anyfn.core.index.FunctionSpec;
import dev.anyfn.core.index.HandlerSpec;
import dev.anyfn.core.index.TriggerSpec;
import java.util.HashSet;
import java.util.Set;

/**
 * The HTTP side of a SAM template: the routes of the implicit HTTP API each function's events
 * declare, one per {@code @OnHttp} handler, with the HEAD route a GET route answers too and the
 * OPTIONS routes of a function's {@code @Cors} preflights. Mutable and not thread-safe: it
 * remembers which paths have an OPTIONS route, so one instance serves one {@link
 * SamTemplate#render}.
 */
final class HttpApiEvents {
  /** Paths with a HEAD route of their own, which their GET route then does not also answer. */
  private final Set<String> explicitHeads = new HashSet<>();

  /** Paths with an OPTIONS route of their own, or one already added for a function's CORS. */
  private final Set<String> optionsRoutes = new HashSet<>();

  HttpApiEvents(FunctionIndex index) {
    for (FunctionSpec fn : index.functions()) {
      for (HandlerSpec h : fn.handlers()) {
        if (h.trigger() instanceof TriggerSpec.Http http && http.method().equals("HEAD")) {
          explicitHeads.add(http.path());
        }
        if (h.trigger() instanceof TriggerSpec.Http http && http.method().equals("OPTIONS")) {
          optionsRoutes.add(http.path());
        }
      }
    }
  }

  /**
   * Appends the event of logical id {@code unique} for route {@code http}, and the HEAD route of a
   * GET route whose path has none of its own; {@code ids} holds the function's event ids taken so
   * far, and gets the ones added.
   */
  void appendRoutes(String unique, TriggerSpec.Http http, StringBuilder e, Set<String> ids) {
    String head = "        " + unique + ":\n";
    route(head, http.path(), http.method(), e);
    if (http.method().equals("GET") && !explicitHeads.contains(http.path())) {
      // An HTTP API route answers only its own method: without this, HEAD would be 404 on
      // AWS while anyfn's router, Google, Azure and the emulator answer it from the GET route.
      String headId = unique + "Head";
      for (int i = 2; !ids.add(headId); i++) {
        headId = unique + "Head" + i;
      }
      route("        " + headId + ":\n", http.path(), "HEAD", e);
    }
  }

  /**
   * An OPTIONS route for each path of a function with {@code @Cors}: an HTTP API answers only the
   * methods it has routes for, and browsers send a preflight before most cross-origin calls. The
   * function's core answers it. A path another function already has OPTIONS for is left to it
   * ({@link AwsPackager} refuses a path two functions serve when either has {@code @Cors}).
   */
  void appendCorsPreflights(FunctionSpec fn, StringBuilder e, Set<String> ids) {
    for (HandlerSpec h : fn.handlers()) {
      if (h.trigger() instanceof TriggerSpec.Http http && optionsRoutes.add(http.path())) {
        String id = SamTemplate.pascal(h.method()) + "CorsPreflight";
        for (int i = 2; !ids.add(id); i++) {
          id = SamTemplate.pascal(h.method()) + "CorsPreflight" + i;
        }
        route("        " + id + ":\n", http.path(), "OPTIONS", e);
      }
    }
  }

  /**
   * One route of the implicit HTTP API. Its integration timeout is written out as the HTTP API's
   * most, 30 s ({@link AwsPackager#HTTP_API_TIMEOUT_SECONDS}), rather than left to SAM's default,
   * which has been 5 s (a SAM user's report) where API Gateway's own is 30 s: the timeout packaging
   * warns about is then the one the API applies.
   */
  private static void route(String head, String path, String method, StringBuilder e) {
    String p = "            ";
    e.append(head).append("          Type: HttpApi\n          Properties:\n");
    e.append(p).append("Path: ").append(SamTemplate.quote(path)).append('\n');
    e.append(p).append("Method: ").append(method).append('\n');
    e.append(p)
        .append("TimeoutInMillis: ")
        .append(AwsPackager.HTTP_API_TIMEOUT_SECONDS * 1000)
        .append('\n');
  }
}
