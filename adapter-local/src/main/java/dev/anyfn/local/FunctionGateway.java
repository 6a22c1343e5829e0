package dev.anyfn.local;

import dev.anyfn.HttpRequest;
import dev.anyfn.HttpResponse;
import dev.anyfn.core.InitFailedException;
import dev.anyfn.core.Problems;
import dev.anyfn.core.RouteMatch;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What the cloud's gateway does between a routed HTTP request and the function that serves it:
 * takes an instance from the function's pool ({@code 429} with {@code Retry-After} when none is
 * free), invokes the handler on the calling thread, answers the cloud's front-door timeout when
 * that comes before the function's ({@code 503} or {@code 504}, the function running on unseen),
 * {@code 504} at the function's timeout, {@code 502} when its instance failed to initialise, and
 * {@code 500} for a response larger than the profile carries. Knows nothing of Jetty: the answer
 * goes to an {@link Answer}. Thread-safe; holds no state of its own between requests.
 */
final class FunctionGateway {
  /** Where the one answer to a request goes. */
  @FunctionalInterface
  interface Answer {
    /**
     * Sends {@code response}; {@code close} asks that the connection close after it, because the
     * handler may still hold the exchange's thread.
     */
    void send(HttpResponse response, boolean close);
  }

  private final Emulator emulator;
  private final Emulator.Builder config;

  FunctionGateway(Emulator emulator, Emulator.Builder config) {
    this.emulator = emulator;
    this.config = config;
  }

  /**
   * Serves {@code neutral}, routed to a function by {@code match}, and gives {@code answer} its
   * response exactly once: on this thread, or on a timer thread when a timeout answers first.
   * Returns when the handler has returned or was answered as throttled.
   */
  void serve(RouteMatch match, HttpRequest neutral, String requestId, Answer answer) {
    InstancePool pool = emulator.pool(match.function().get().name());
    var lease = pool.tryAcquire();
    if (lease.isEmpty()) {
      answer.send(
          Problems.builder(429, "too_many_requests", pool.throttled(), requestId)
              .header("Retry-After", "1")
              .header(
                  "X-Anyfn-Reason",
                  pool.maxInstances() == 0
                      ? "ReservedFunctionConcurrency"
                      : "ConcurrentInvocationLimitExceeded")
              .build(),
          false);
      return;
    }
    AtomicBoolean answered = new AtomicBoolean();
    Workers.Deadline gate = deadline(pool, requestId, answer, answered);
    // On this server thread: the request owns it anyway, and a hand-off to a worker thread and
    // back cost more than the rest of the emulator's work for a fast handler.
    pool.invokeHere(
        lease.get(),
        requestId,
        (instance, ctx) -> instance.handleHttp(match, neutral, ctx),
        (r, failure) -> {
          if (gate != null) {
            emulator.workers().cancel(gate);
          }
          if (!answered.compareAndSet(false, true)) {
            return; // the cloud's front door answered already; the function ran on
          }
          if (r != null) {
            answer.send(carried(r, pool, requestId), false);
          } else {
            // After a timeout the handler may still hold this exchange's thread, and Jetty reads
            // the connection's next request only once the handler returned: close the connection
            // so that the client's next request opens a new one rather than wait behind it.
            boolean close = cause(failure) instanceof InstancePool.TimedOut;
            answer.send(failureResponse(failure, pool, requestId), close);
          }
        });
  }

  /**
   * Arms the cloud's front-door timeout when it is shorter than the function's (AWS's HTTP API
   * stops waiting after 30 s): at it, the client gets the cloud's answer while the function runs on
   * until its own timeout, whose outcome nobody then sees. Null when the function's timeout comes
   * first.
   */
  private Workers.Deadline deadline(
      InstancePool pool, String requestId, Answer answer, AtomicBoolean answered) {
    Profile.Gateway g = emulator.profile().gateway();
    Duration wait =
        config.gatewayTimeout != null ? config.gatewayTimeout : Duration.ofSeconds(g.seconds());
    if (wait.compareTo(pool.timeout()) >= 0) {
      return null;
    }
    return emulator
        .workers()
        .deadline(
            wait,
            () -> {
              if (!answered.compareAndSet(false, true)) {
                return;
              }
              String detail =
                  g.stopped()
                      + "; function '"
                      + pool.name()
                      + "' (timeout "
                      + pool.timeout().toSeconds()
                      + " s) runs on, unseen. Answer sooner, or hand long work to a queue.";
              emulator.log().warn("Request " + requestId + ": " + detail);
              // the handler still holds this exchange's thread: close, as after a timeout
              answer.send(
                  Problems.response(g.status(), "gateway_timeout", detail, requestId), true);
            });
  }

  /**
   * The response, or the error the cloud would give in its place when it is larger than the
   * profile's response limit.
   */
  private HttpResponse carried(HttpResponse r, InstancePool pool, String requestId) {
    Optional<String> tooLarge = emulator.profile().responseLimit().exceeded(r, emulator.profile());
    if (tooLarge.isEmpty()) {
      return r;
    }
    emulator
        .log()
        .warn("Function '" + pool.name() + "', request " + requestId + ": " + tooLarge.get());
    return Problems.response(500, "response_too_large", tooLarge.get(), requestId);
  }

  private static Throwable cause(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause()
        : failure;
  }

  private static HttpResponse failureResponse(
      Throwable failure, InstancePool pool, String requestId) {
    Throwable cause = cause(failure);
    if (cause instanceof InstancePool.TimedOut) {
      return Problems.response(
          504,
          "timeout",
          "Function '"
              + pool.name()
              + "' did not answer within its timeout of "
              + pool.timeout().toSeconds()
              + " s.",
          requestId);
    }
    if (cause instanceof InitFailedException) {
      return Problems.response(
          502,
          "init_failed",
          "Function '"
              + pool.name()
              + "' failed to initialise; see the emulator log for request "
              + requestId
              + ".",
          requestId);
    }
    return Problems.internalError(requestId);
  }
}
