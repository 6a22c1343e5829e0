package dev.anyfn.local;

import dev.anyfn.core.MessageSender;
import java.util.List;
import java.util.Optional;

/**
 * Sends the messages of handlers' {@code Context.send} and {@code Context.publish} calls to the
 * emulator's queues and topics, through the same checks as a message posted to the control API: the
 * profile's limits, and a queue a function reads (or, for a queue only sent to, kept for {@link
 * EventApi#unconsumed}; a topic none subscribes to keeps them for {@link EventApi#unsubscribed}).
 */
final class EmulatorSender implements MessageSender {
  private final EventApi events;
  private final int maxMessageBytes;
  private final int maxTopicMessageBytes;
  private final String queueLimitSource;
  private final String topicLimitSource;

  EmulatorSender(EventApi events, Profile profile) {
    this.events = events;
    this.maxMessageBytes = profile.maxSentMessageBytes();
    this.maxTopicMessageBytes = profile.maxPublishedMessageBytes();
    this.queueLimitSource = profile.sentMessageLimitSource();
    this.topicLimitSource = profile.publishedMessageLimitSource();
  }

  /** The service whose limit applies and the profile, instead of the context's {@code LOCAL}. */
  @Override
  public Optional<String> queueLimitSource() {
    return Optional.of(queueLimitSource);
  }

  @Override
  public Optional<String> topicLimitSource() {
    return Optional.of(topicLimitSource);
  }

  @Override
  public int maxMessageBytes() {
    return maxMessageBytes;
  }

  @Override
  public void send(String queue, List<String> messages) {
    for (String message : messages) {
      events.send(queue, message);
    }
  }

  @Override
  public int maxTopicMessageBytes() {
    return maxTopicMessageBytes;
  }

  @Override
  public void publish(String topic, List<String> messages) {
    for (String message : messages) {
      events.publish(topic, message);
    }
  }
}
