package dev.anyfn.conformance;

import dev.anyfn.core.MessageSender;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link MessageSender} for tests: it keeps what it was given ({@code queue: message}, {@code
 * topic name: message}), or throws {@link #refusal} while one is set. Thread-safe.
 */
public final class RecordingSender implements MessageSender {
  /** What was sent and published, in order. */
  public final List<String> sent = new CopyOnWriteArrayList<>();

  /** The largest queue message; topics take twice as much. */
  public volatile int maxBytes = 1024;

  /** What sets the queues' limit, as refusals name it; null to leave it to the core. */
  public volatile String queueLimitSource;

  /** What sets the topics' limit, as refusals name it; null to leave it to the core. */
  public volatile String topicLimitSource;

  /** Thrown by every send while set, as a provider that refuses. */
  public volatile RuntimeException refusal;

  @Override
  public int maxMessageBytes() {
    return maxBytes;
  }

  @Override
  public int maxTopicMessageBytes() {
    return maxBytes * 2;
  }

  @Override
  public Optional<String> queueLimitSource() {
    return Optional.ofNullable(queueLimitSource);
  }

  @Override
  public Optional<String> topicLimitSource() {
    return Optional.ofNullable(topicLimitSource);
  }

  @Override
  public void send(String queue, List<String> messages) {
    refuseIfSet();
    messages.forEach(m -> sent.add(queue + ": " + m));
  }

  @Override
  public void publish(String topic, List<String> messages) {
    refuseIfSet();
    messages.forEach(m -> sent.add("topic " + topic + ": " + m));
  }

  private void refuseIfSet() {
    RuntimeException r = refusal;
    if (r != null) {
      throw r;
    }
  }
}
