package dev.anyfn;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/** What a handler knows about the invocation it serves. Implementations are thread-safe. */
public interface Context {
  /** The provider's request id (Lambda request id, Azure invocation id, Google execution id). */
  String requestId();

  /** The function's name as in {@link ServerlessFunction#value()}. */
  String functionName();

  /** Where the function runs. */
  Provider provider();

  /** When the invocation will be stopped. */
  Instant deadline();

  /** Time left before {@link #deadline()}; zero or negative once it has passed. */
  Duration remainingTime();

  /** Whether this is the first invocation of a freshly initialised instance. */
  boolean coldStart();

  /**
   * The provider's identifier of the deployed function, when it gives one: the invoked function ARN
   * on AWS Lambda (with its version or alias qualifier), the Cloud Run service and revision on
   * Google ({@code K_SERVICE/K_REVISION}), the function app and function name on Azure ({@code
   * WEBSITE_SITE_NAME/name}), and empty on the emulator.
   */
  Optional<String> deploymentId();

  /**
   * The id of the distributed trace this invocation belongs to, when the provider gives one: on AWS
   * Lambda X-Ray's trace id ({@code 1-5759e988-bd862e3fe1be46a994272793}, the {@code Root} of its
   * trace header), on Google and Azure the W3C trace id (32 lower-case hex digits, from Google's
   * {@code X-Cloud-Trace-Context} or a {@code traceparent}); empty on the emulator.
   */
  Optional<String> traceId();

  /** A structured logger bound to this invocation. */
  Log log();

  /**
   * Sends {@code message} to {@code queue}, one of the queues the function declares in {@link
   * SendsTo}. A {@code String} is sent as it is; any other object (not a {@code byte[]}: queues
   * carry text) as JSON, as a handler's answer is written, so that an {@code @OnQueue} handler
   * taking the same type reads it back.
   *
   * <p>Messages are sent when the handler returns, in the order given, and not at all when it
   * throws: a failed HTTP call or a retried event sends nothing twice because of the failure. When
   * the cloud refuses them, the call fails after the handler ran (an HTTP call is answered {@code
   * 500}, an event is retried), so a handler whose events are retried may send again: make
   * receivers idempotent, as for any queue.
   *
   * @throws IllegalArgumentException when the function does not declare {@code queue} in {@link
   *     SendsTo}, or the message is larger than the provider accepts
   * @throws IllegalStateException when the handler has returned and its messages have gone out (a
   *     thread of its own sending late): the message would be lost
   * @throws UnsupportedOperationException when this context cannot send (a context made for a unit
   *     test, say)
   */
  default void send(String queue, Object message) {
    throw new UnsupportedOperationException(
        getClass().getName()
            + " cannot send messages; the contexts anyfn makes on every provider and on the"
            + " emulator can.");
  }

  /**
   * Publishes {@code message} to {@code topic}, one of the topics the function declares in {@link
   * SendsTo}, for every subscriber: encoded, timed and refused as {@link #send(String, Object)}
   * sends to a queue (published when the handler returns, not when it throws).
   *
   * @throws IllegalArgumentException when the function does not declare {@code topic} in {@link
   *     SendsTo}, or the message is larger than the provider accepts
   * @throws IllegalStateException when the handler has returned and its messages have gone out
   * @throws UnsupportedOperationException when this context cannot publish
   */
  default void publish(String topic, Object message) {
    throw new UnsupportedOperationException(
        getClass().getName()
            + " cannot publish messages; the contexts anyfn makes on every provider and on the"
            + " emulator can.");
  }

  /**
   * Runs {@code work} once for {@code key}, across retries and duplicate deliveries of the same
   * message or request, and returns its result: to a later call with the same key, the result the
   * first one stored (read back as {@code resultType} from JSON), without running the work again.
   * Derive the key from what makes the request the same (an order id, a message's idempotency key),
   * not from the delivery.
   *
   * <p>While the work runs, the key is claimed until this invocation's {@link #deadline()}; a call
   * with the same key meanwhile throws {@link AlreadyInProgressException} (an HTTP call is answered
   * {@code 409}, an event is retried). The result is stored when the handler returns, after its
   * messages went out; when the handler throws (the work, or anything after it), the claim is
   * released and a retry runs the work again, so nothing the handler sends is lost. After a timeout
   * the claim ends at the deadline and the next attempt runs the work again: anyfn cannot know how
   * far it got, so make work that must never repeat (a payment) check its own effect too. Results
   * are kept as long as {@link InitContext#useIdempotencyStore} says (an hour on the emulator).
   *
   * @throws AlreadyInProgressException while another invocation runs the work of {@code key}
   * @throws IllegalStateException when no {@link IdempotencyStore} is set for the function (on a
   *     cloud, set one in an {@link OnInit} method)
   * @throws IllegalArgumentException when {@code key} is empty or longer than 250 characters
   */
  default <T> T once(String key, Class<T> resultType, Supplier<T> work) {
    throw new UnsupportedOperationException(
        getClass().getName()
            + " cannot run work once; the contexts anyfn gives handlers on every provider and on"
            + " the emulator can.");
  }

  /**
   * {@link #once(String, Class, Supplier)} that also checks that a repeat is the same request: the
   * SHA-256 of {@code payload} (as JSON, a String as it is) is kept with the key, and a later call
   * with the same key and another payload throws {@link IdempotencyKeyReusedException} instead of
   * returning the first request's result (a client reusing a key for a new request).
   *
   * @throws IdempotencyKeyReusedException when the key was used for a different payload
   */
  default <T> T once(String key, Object payload, Class<T> resultType, Supplier<T> work) {
    throw new UnsupportedOperationException(
        getClass().getName()
            + " cannot run work once; the contexts anyfn gives handlers on every provider and on"
            + " the emulator can.");
  }

  /** {@link #once(String, Class, Supplier)} for work without a result. */
  default void once(String key, Runnable work) {
    once(
        key,
        Void.class,
        () -> {
          work.run();
          return null;
        });
  }
}
