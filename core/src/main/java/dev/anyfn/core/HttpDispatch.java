package dev.anyfn.core;

import dev.anyfn.AlreadyInProgressException;
import dev.anyfn.Context;
import dev.anyfn.HttpException;
import dev.anyfn.HttpRequest;
import dev.anyfn.HttpResponse;
import dev.anyfn.core.index.CorsSpec;
import dev.anyfn.core.index.HandlerSpec.ReturnKind;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/** Routes, binds, invokes and maps results and exceptions for HTTP calls of one instance. */
final class HttpDispatch {
  private final FunctionDefinition definition;
  private final FunctionInstance instance;
  private final JsonCodec json;
  private final int maxBodyBytes;
  private final CorsSpec cors; // null: the function has no @Cors

  HttpDispatch(FunctionDefinition definition, FunctionInstance instance) {
    this.definition = definition;
    this.instance = instance;
    this.json = definition.json();
    this.maxBodyBytes = definition.settings().maxBodyBytes();
    this.cors = definition.spec().cors();
  }

  HttpResponse handle(HttpRequest request, Context context) {
    Optional<HttpResponse> preflight = preflight(request, context);
    if (preflight.isPresent()) {
      return preflight.get();
    }
    Router.Result<ResolvedHandler> r =
        definition.router().route(request.method(), request.pathSegments());
    if (r instanceof Router.Matched<ResolvedHandler> m) {
      return withCors(request, handleRouted(m.target(), m.params(), m.head(), request, context));
    }
    return RouteMatch.from(definition, r).missResponse(request.method(), context.requestId());
  }

  HttpResponse handleRouted(RouteMatch match, HttpRequest request, Context context) {
    Optional<HttpResponse> preflight = preflight(request, context);
    if (preflight.isPresent()) {
      return preflight.get();
    }
    return withCors(
        request, handleRouted(match.handler(), match.params(), match.head(), request, context));
  }

  /**
   * The answer to a CORS preflight for a path of this function that answers the method it asks
   * about, or the 400 for a malformed header the CORS checks read; empty for any other request,
   * which is routed as usual, and for a function without {@code @Cors}. It reads {@code Origin} for
   * every request of a function with {@code @Cors}, so that a malformed one ({@code
   * Headers.receivedBuilder()} refuses it on its first read) is refused before a handler runs, not
   * after its work, and {@link #withCors} later reads it checked.
   */
  private Optional<HttpResponse> preflight(HttpRequest request, Context context) {
    if (cors == null) {
      return Optional.empty();
    }
    try {
      request.headers().first(CorsAnswers.ORIGIN);
      return CorsAnswers.preflightMethod(request)
          .filter(
              method ->
                  definition.router().route(method, request.pathSegments())
                      instanceof Router.Matched<ResolvedHandler>)
          .map(
              method ->
                  CorsAnswers.preflight(
                      cors,
                      request,
                      definition.router().methods(request.pathSegments()),
                      definition.name(),
                      context.requestId()));
    } catch (HttpException e) {
      return Optional.of(Problems.of(e, context.requestId()));
    }
  }

  private HttpResponse withCors(HttpRequest request, HttpResponse response) {
    return cors == null ? response : CorsAnswers.decorate(cors, request, response);
  }

  private HttpResponse handleRouted(
      ResolvedHandler handler,
      Map<String, String> params,
      boolean head,
      HttpRequest request,
      Context context) {
    String requestId = context.requestId();
    if (request.bodyLength() > maxBodyBytes) {
      return Problems.response(
          413,
          "body_too_large",
          "The body has " + request.bodyLength() + " bytes; the limit is " + maxBodyBytes + ".",
          requestId);
    }
    HttpRequest routed =
        params.isEmpty() && request.pathParams().isEmpty()
            ? request
            : request.withPathParams(params);
    HttpResponse response;
    Context call = Outbox.around(context, definition);
    Context handlerContext = OnceContext.around(call, handler, instance);
    boolean succeeded = false;
    try {
      Object[] args = handler.bind(Invocation.http(routed, handlerContext));
      Object result = handler.call(instance.target(), args);
      response = toResponse(handler.spec().returnKind(), result);
      Commit.check(context);
      Outbox.flush(call);
      succeeded = true;
    } catch (Outbox.SendFailedException e) {
      context.log().error("Handler " + handler.description() + " returned; " + e.getMessage(), e);
      response = Problems.internalError(requestId);
    } catch (AlreadyInProgressException e) {
      response =
          Problems.builder(409, "in_progress", e.getMessage(), requestId)
              .header("Retry-After", Long.toString(Math.max(1, e.retryAfter().toSeconds())))
              .build();
    } catch (HttpException e) {
      response = Problems.of(e, requestId);
    } catch (JsonBodyException e) {
      response = Problems.response(400, e.code(), e.getMessage(), requestId);
    } catch (Throwable t) {
      if (t instanceof Error) {
        instance.markUnhealthy();
      }
      if (Commit.endedLate(t, context)) {
        context.log().warn(Commit.lateWarning(handler.description(), t));
        response = Problems.response(504, "timed_out", Commit.DID_NOT_FINISH, requestId);
      } else {
        context.log().error("Handler " + handler.description() + " failed", t);
        response = Problems.internalError(requestId);
      }
    } finally {
      OnceContext.finish(handlerContext, succeeded);
    }
    return head ? response.toBuilder().body(new byte[0], contentType(response)).build() : response;
  }

  private static String contentType(HttpResponse r) {
    return r.headers().first("Content-Type").orElse("application/octet-stream");
  }

  private HttpResponse toResponse(ReturnKind kind, Object result) {
    if (result == null || kind == ReturnKind.VOID) {
      return HttpResponse.empty(204);
    }
    return switch (kind) {
      case RESPONSE -> serialiseEntity((HttpResponse) result);
      case TEXT -> HttpResponse.ok((String) result);
      case BYTES ->
          HttpResponse.status(200).body((byte[]) result, "application/octet-stream").build();
      default -> HttpResponse.status(200).body(json.write(result), "application/json").build();
    };
  }

  private HttpResponse serialiseEntity(HttpResponse response) {
    if (response.entity().isEmpty()) {
      return response;
    }
    byte[] body = json.write(response.entity().get());
    return response.toBuilder().body(body, contentType(response)).build();
  }

  static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
