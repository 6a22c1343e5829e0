package dev.anyfn;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

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

  /** The distributed trace id (X-Ray, W3C traceparent), when the provider gives one. */
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
}
