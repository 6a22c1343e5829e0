package dev.anyfn.core;

import java.util.List;
import java.util.Optional;

/**
 * How an adapter sends the messages handlers gave {@link dev.anyfn.Context#send(String, Object)}
 * and {@link dev.anyfn.Context#publish(String, Object)}: SQS and SNS on AWS, Pub/Sub on Google,
 * queue and topic output bindings on Azure, the emulator's queues and topics locally. Handed to
 * {@link InvocationContext.Builder#messageSender}; the core calls it once per queue or topic after
 * a handler returned, never when it threw.
 */
public interface MessageSender {
  /**
   * The largest message, in UTF-8 bytes, the provider's queue accepts; {@code send} refuses larger
   * ones when the handler gives them, before anything is sent.
   */
  int maxMessageBytes();

  /**
   * Sends {@code messages}, in order, to the queue the function declared as {@code queue} (the
   * logical name, without a stage's prefix).
   *
   * @throws Exception when the provider did not take every message; the core then fails the call
   *     (an HTTP 500, a retried event), and messages taken before the failure stay sent
   */
  void send(String queue, List<String> messages) throws Exception;

  /**
   * The largest message, in UTF-8 bytes, the provider's topic accepts; {@link #maxMessageBytes()}
   * unless the adapter says otherwise.
   */
  default int maxTopicMessageBytes() {
    return maxMessageBytes();
  }

  /**
   * What sets {@link #maxMessageBytes()}, as the refusal of a larger message names it in
   * parentheses after the limit: the emulator says {@code SQS, under the emulator's aws profile}.
   * Empty (the default) to name the provider the context reports ({@code AWS}), right for an
   * adapter that sends to its own cloud.
   */
  default Optional<String> queueLimitSource() {
    return Optional.empty();
  }

  /** What sets {@link #maxTopicMessageBytes()}, as {@link #queueLimitSource()} for queues. */
  default Optional<String> topicLimitSource() {
    return Optional.empty();
  }

  /**
   * Publishes {@code messages}, in order, to the topic the function declared as {@code topic} (the
   * logical name), for every subscriber.
   *
   * @throws Exception when the provider did not take every message, as for {@link #send}
   */
  void publish(String topic, List<String> messages) throws Exception;

  /** The size of {@code message} as queues count it: its UTF-8 bytes, counted without encoding. */
  static long utf8Bytes(String message) {
    long n = 0;
    for (int i = 0; i < message.length(); i++) {
      char c = message.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < message.length()
          && Character.isLowSurrogate(message.charAt(i + 1))) {
        n += 4;
        i++;
      } else {
        n += 3; // the rest of the BMP; a lone surrogate is encoded as '?', counted high
      }
    }
    return n;
  }
}
