package dev.anyfn.local;

import dev.anyfn.core.MessageSender;
import java.util.List;

/**
 * Sends the messages of handlers' {@code Context.send} calls to the emulator's queues, through the
 * same checks as a message posted to the control API: the profile's queue message limit, and a
 * queue a function reads (or, for a queue only sent to, kept for {@link EventApi#unconsumed}).
 */
final class EmulatorSender implements MessageSender {
  private final EventApi events;
  private final int maxMessageBytes;

  EmulatorSender(EventApi events, Profile profile) {
    this.events = events;
    this.maxMessageBytes = profile.maxSentMessageBytes();
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
}
