package dev.anyfn.core;

import dev.anyfn.Context;
import dev.anyfn.Log;
import dev.anyfn.Provider;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A context that hands every call to the one it wraps; the contexts the core puts around an
 * adapter's for one handler call ({@link Outbox}, {@link OnceContext}) override what they add.
 */
abstract class ForwardingContext implements Context {
  /** The wrapped context. */
  final Context context;

  ForwardingContext(Context context) {
    this.context = context;
  }

  @Override
  public String requestId() {
    return context.requestId();
  }

  @Override
  public String functionName() {
    return context.functionName();
  }

  @Override
  public Provider provider() {
    return context.provider();
  }

  @Override
  public Instant deadline() {
    return context.deadline();
  }

  @Override
  public Duration remainingTime() {
    return context.remainingTime();
  }

  @Override
  public boolean coldStart() {
    return context.coldStart();
  }

  @Override
  public Optional<String> deploymentId() {
    return context.deploymentId();
  }

  @Override
  public Optional<String> traceId() {
    return context.traceId();
  }

  @Override
  public Log log() {
    return context.log();
  }

  @Override
  public void send(String queue, Object message) {
    context.send(queue, message);
  }

  @Override
  public void publish(String topic, Object message) {
    context.publish(topic, message);
  }

  @Override
  public <T> T once(String key, Class<T> resultType, Supplier<T> work) {
    return context.once(key, resultType, work);
  }

  @Override
  public <T> T once(String key, Object payload, Class<T> resultType, Supplier<T> work) {
    return context.once(key, payload, resultType, work);
  }
}
