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
}
