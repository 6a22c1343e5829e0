package dev.anyfn.azure;

import com.microsoft.azure.functions.OutputBinding;
import dev.anyfn.core.MessageSender;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * <b>Adapter-internal; not for user code.</b> The message output bindings of one invocation of a
 * function with {@code @SendsTo}, made by its generated entry method (one binding per queue and per
 * topic the function names) and handed to {@link AzureBridge}. The core sends and publishes a
 * handler's messages through it once the handler returned; each binding's value becomes the list of
 * messages for its queue or topic, which the Functions host writes after the entry method returned,
 * and not at all when it threw. Named for the queues it first held, and kept so that the entries of
 * a function without topics stay as they were. Thread-safe.
 */
public final class QueueOutputs implements MessageSender {
  /**
   * The largest Storage queue message anyfn lets a handler send, in UTF-8 bytes. A Storage queue
   * message holds at most 64 KiB, and the queue output binding base64-encodes what it writes by
   * default (host.json {@code extensions.queues.messageEncoding}, {@code base64} unless set to
   * {@code none}, in the Storage extension 5.x of extension bundles 4.x, which anyfn's host.json
   * names): a raw message of n bytes is stored as 4n/3 characters, so 3/4 of 65,536 bytes is the
   * most that fits.
   */
  static final int STORAGE_MAX_BYTES = 49_152;

  /**
   * The largest Service Bus message of the Standard tier, 256 KiB; Premium takes more. Service Bus
   * counts the message's properties in it too, so a body right at the limit can still be refused.
   * Topics are always Service Bus topics.
   */
  static final int SERVICE_BUS_MAX_BYTES = 262_144;

  private final int maxQueueMessageBytes;
  private final Map<String, Output> queues = new HashMap<>(4);
  private final Map<String, Output> topics = new HashMap<>(4);

  private QueueOutputs(int maxQueueMessageBytes) {
    this.maxQueueMessageBytes = maxQueueMessageBytes;
  }

  /** The outputs of a function whose queues are Storage queues. */
  public static QueueOutputs storage() {
    return new QueueOutputs(STORAGE_MAX_BYTES);
  }

  /** The outputs of a function whose queues are Service Bus queues. */
  public static QueueOutputs serviceBus() {
    return new QueueOutputs(SERVICE_BUS_MAX_BYTES);
  }

  /**
   * Adds the output binding of {@code queue}, the logical name as {@code @SendsTo(queues)} names
   * it.
   *
   * @return this
   */
  public synchronized QueueOutputs bind(String queue, OutputBinding<List<String>> binding) {
    queues.put(queue, new Output(binding));
    return this;
  }

  /**
   * Adds the output binding of {@code topic}, the logical name as {@code @SendsTo(topics)} names
   * it.
   *
   * @return this
   */
  public synchronized QueueOutputs bindTopic(String topic, OutputBinding<List<String>> binding) {
    topics.put(topic, new Output(binding));
    return this;
  }

  @Override
  public int maxMessageBytes() {
    return maxQueueMessageBytes;
  }

  @Override
  public int maxTopicMessageBytes() {
    return SERVICE_BUS_MAX_BYTES;
  }

  /**
   * Sets the binding of {@code queue} to the messages sent to it in this invocation so far: the
   * messages of an earlier call (another event of the same batch) stay, these follow them.
   *
   * @throws IllegalStateException when the entry method has no binding for {@code queue}
   */
  @Override
  public synchronized void send(String queue, List<String> messages) {
    output("queue", queue, queues).append(messages);
  }

  /**
   * Sets the binding of {@code topic} to the messages published to it in this invocation so far, as
   * {@link #send} does for a queue.
   *
   * @throws IllegalStateException when the entry method has no binding for {@code topic}
   */
  @Override
  public synchronized void publish(String topic, List<String> messages) {
    output("topic", topic, topics).append(messages);
  }

  private static Output output(String kind, String name, Map<String, Output> bound) {
    Output output = bound.get(name);
    if (output == null) {
      throw new IllegalStateException(
          "The Azure entry of this function has no output binding for "
              + kind
              + " '"
              + name
              + "'; it has "
              + (bound.isEmpty()
                  ? "none for any " + kind
                  : "one for " + bound.keySet().stream().sorted().map(q -> "'" + q + "'").toList())
              + ". The generated entry class is older than the function's @SendsTo: rebuild the"
              + " project (mvn clean package).");
    }
    return output;
  }

  /** One binding and what this invocation gave it so far. */
  private static final class Output {
    private final OutputBinding<List<String>> binding;
    private final List<String> messages = new ArrayList<>();

    Output(OutputBinding<List<String>> binding) {
      this.binding = binding;
    }

    void append(List<String> more) {
      messages.addAll(more);
      // a fresh ArrayList each time: the worker serializes whatever list the binding holds
      binding.setValue(new ArrayList<>(messages));
    }
  }
}
